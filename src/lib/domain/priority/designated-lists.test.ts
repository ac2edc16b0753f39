import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGNATED_LISTS, listGap, listLabel, type DesignatedList } from './designated-lists.ts';

const base: DesignatedList = DESIGNATED_LISTS[0]!;

describe('listGap and listLabel', () => {
  it('say how many of the act’s members are known and how many are missing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
        const [known, stated] = [Math.min(a, b), Math.max(a, b)];
        const list = { ...base, completeness: { stated, known } };
        if (known === stated) {
          expect(listGap(list, 'vi')).toBeNull();
          expect(listLabel(list, 'vi')).toBe(base.label.vi);
        } else {
          expect(listLabel(list, 'vi')).toBe(
            `${base.label.vi} — ${known}/${stated} đã biết, thiếu ${stated - known}`,
          );
          expect(listLabel(list, 'en')).toBe(
            `${base.label.en} — ${known} of ${stated} known, ${stated - known} missing`,
          );
        }
      }),
    );
  });

  it('leave a list the documents give whole as it is', () => {
    for (const list of DESIGNATED_LISTS) expect(listLabel(list, 'vi')).toBe(list.label.vi);
  });
});
