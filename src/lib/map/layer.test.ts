import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_SETS } from '../domain/boundary-sets.ts';
import { LEVEL_STYLES, scaledTextSize, setLayerId, stateChanges, tilesLayerId } from './layer.ts';

describe('scaledTextSize', () => {
  it('scales a constant size and every stop of a zoom ramp, keeping the zooms', () => {
    expect(scaledTextSize(11.5, 2)).toBe(23);
    expect(
      scaledTextSize(
        [
          [5, 10],
          [9, 15],
        ],
        2,
      ),
    ).toEqual(['interpolate', ['linear'], ['zoom'], 5, 20, 9, 30]);
    expect(scaledTextSize([[7.5, 10]], 1)).toEqual(['interpolate', ['linear'], ['zoom'], 7.5, 10]);
  });
});

describe('set layers', () => {
  it('keep the 2019 ids and give another tile set its own', () => {
    expect(setLayerId(BOUNDARY_SETS['2019-districts'], 'choropleth')).toBe('district-choropleth');
    expect(setLayerId(BOUNDARY_SETS['2019-provinces'], 'labels')).toBe('province-labels');
    expect(setLayerId(BOUNDARY_SETS['2025-provinces'], 'partial')).toBe('province-2025-partial');
    expect(setLayerId(BOUNDARY_SETS['2025-communes'], 'choropleth')).toBe(
      'commune-2025-choropleth',
    );
    expect(tilesLayerId('2019', 'highlight')).toBe('unit-highlight');
    expect(tilesLayerId('2025', 'highlight')).toBe('unit-2025-highlight');
  });

  it('never give two sets or kinds the same layer', () => {
    const kinds = ['choropleth', 'no-data', 'borders', 'labels', 'partial'];
    const ids = Object.values(BOUNDARY_SETS).flatMap((set) =>
      kinds.map((kind) => setLayerId(set, kind)),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('style every level a set can have, borders thicker for provinces than their units', () => {
    for (const set of Object.values(BOUNDARY_SETS)) {
      const style = LEVEL_STYLES[set.level];
      expect(style.textSize.length).toBeGreaterThan(0);
      if (set.parent) {
        const parent = BOUNDARY_SETS[set.parent as keyof typeof BOUNDARY_SETS];
        const width = (level: typeof set.level) => LEVEL_STYLES[level].borderWidth.at(-1)![1];
        expect(width(parent.level)).toBeGreaterThan(width(set.level));
      }
    }
  });
});

describe('stateChanges', () => {
  type S = { value: number | null };
  const same = (a: S, b: S) => a.value === b.value;
  const CLEARED: S = { value: null };

  it('writes only changed units, clears a unit once when its value goes, then forgets it', () => {
    const applied = new Map<string, S>();
    expect(
      stateChanges(
        applied,
        new Map([
          ['a', { value: 1 }],
          ['b', { value: 2 }],
        ]),
        CLEARED,
        same,
      ),
    ).toEqual([
      ['a', { value: 1 }],
      ['b', { value: 2 }],
    ]);
    expect(
      stateChanges(
        applied,
        new Map([
          ['a', { value: 1 }],
          ['c', { value: 3 }],
        ]),
        CLEARED,
        same,
      ),
    ).toEqual([
      ['c', { value: 3 }],
      ['b', CLEARED],
    ]);
    expect(stateChanges(applied, new Map([['a', { value: 1 }]]), CLEARED, same)).toEqual([
      ['c', CLEARED],
    ]);
    expect([...applied.keys()]).toEqual(['a']);
  });

  it('leaves the written states equal to the last values, whatever came before', () => {
    const values = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 6 }), (steps) => {
        const applied = new Map<string, S>();
        const drawn = new Map<string, S>();
        for (const step of steps) {
          const next = new Map(
            Object.entries(step)
              .filter(([, v]) => v !== undefined)
              .map(([code, value]): [string, S] => [code, { value: value! }]),
          );
          for (const [code, state] of stateChanges(applied, next, CLEARED, same)) {
            drawn.set(code, state);
          }
          for (const code of ['a', 'b', 'c', 'd', 'e']) {
            expect(drawn.get(code)?.value ?? null).toBe(next.get(code)?.value ?? null);
          }
        }
      }),
    );
  });
});
