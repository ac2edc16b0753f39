import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { SelectionState } from './selection.svelte.ts';

describe('SelectionState', () => {
  it('keeps one selection whatever the set, read per set or per tile set', () => {
    const selection = new SelectionState();
    selection.select('2019-districts', '071');
    expect(selection.selectedIn('2019-districts')).toBe('071');
    expect(selection.selectedIn('2019-provinces', '2025-communes')).toBeNull();
    expect(selection.selectedOn('2019')).toBe('071');
    selection.select('2025-communes', '22345');
    expect(selection.selectedOn('2019')).toBeNull();
    expect(selection.selectedOn('2025')).toBe('22345');
    selection.select('2025-communes', null);
    expect(selection.selected).toBeNull();
  });

  it('holds one hovered unit per set, the first asked-for set that has one winning', () => {
    const selection = new SelectionState();
    expect(selection.pointedAt).toBe(false);
    selection.hover('2025-provinces', '22');
    selection.hover('2025-communes', '22345');
    expect(selection.hoveredIn('2025-communes', '2025-provinces')).toBe('22345');
    selection.hover('2025-communes', null);
    expect(selection.hoveredIn('2025-communes', '2025-provinces')).toBe('22');
    expect(selection.pointedAt).toBe(true);
    selection.clear();
    expect(selection.hoveredIn('2025-provinces')).toBeNull();
    expect(selection.pointedAt).toBe(false);
  });

  it('gives every camera request its own id, so the same area twice still flies', () => {
    const selection = new SelectionState();
    const box: [number, number, number, number] = [104, 21, 106, 23];
    selection.flyTo(box);
    flushSync();
    const first = selection.camera;
    selection.flyTo(box);
    expect(selection.camera?.bbox).toEqual(box);
    expect(selection.camera?.id).not.toBe(first?.id);
  });
});
