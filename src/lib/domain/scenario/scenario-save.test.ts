import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saveAction } from './scenario-save.ts';

describe('saveAction', () => {
  it('saves an unsaved scenario as new and replaces an unrenamed one', () => {
    expect(saveAction(null, 'Kịch bản mới')).toBe('new');
    expect(saveAction('Giảm 3 điểm', 'Giảm 3 điểm')).toBe('replace');
  });

  it('asks whenever a saved scenario has been renamed', () => {
    expect(saveAction('Giảm 3 điểm', 'Giảm 4 điểm')).toBe('ask');
    fc.assert(
      fc.property(fc.string(), fc.string(), (saved, name) => {
        expect(saveAction(saved, name) === 'ask').toBe(saved !== name);
      }),
    );
  });
});
