import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitStateId } from './boundary-topology.ts';

/** How MapLibre's feature index keys a feature id: a numeric-looking string becomes the number. */
const indexKey = (id: string) => (Number.isNaN(+id) ? id : +id);

describe('unitStateId', () => {
  const provinceCode = fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const districtCode = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));

  it('never gives a province and a district the same feature-state key', () => {
    fc.assert(
      fc.property(provinceCode, districtCode, (province, district) => {
        expect(indexKey(unitStateId('province', province))).not.toBe(
          indexKey(unitStateId('district', district)),
        );
      }),
    );
    // The collision it prevents: province 40 (Nghệ An) and district 040 read as one number.
    expect(indexKey('40')).toBe(indexKey('040'));
  });

  it('keeps a district’s code as its id, so code-keyed district layers are unchanged', () => {
    fc.assert(
      fc.property(districtCode, (code) => {
        expect(unitStateId('district', code)).toBe(code);
      }),
    );
  });
});
