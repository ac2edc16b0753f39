import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excessRatios, type DistrictCounts } from './excess-rate.ts';

describe('excessRatios', () => {
  it("divides each district's rate by its province's rate from summed counts", () => {
    // Province 08: (30 + 10) / (100 + 100) = 0,2, so 0,3 → 1,5 × and 0,1 → 0,5 ×.
    const ratios = excessRatios([
      { code: '071', provinceCode: '08', count: 30, total: 100 },
      { code: '072', provinceCode: '08', count: 10, total: 100 },
    ]);
    expect(ratios.get('071')).toBeCloseTo(1.5, 12);
    expect(ratios.get('072')).toBeCloseTo(0.5, 12);
  });

  it("uses the province row's own counts when the dataset has them", () => {
    // The province row says 50 / 200 = 0,25 (it has districts this dataset does not list).
    const ratios = excessRatios(
      [
        { code: '071', provinceCode: '08', count: 30, total: 100 },
        { code: '072', provinceCode: '08', count: 10, total: 100 },
      ],
      new Map([['08', { count: 50, total: 200 }]]),
    );
    expect(ratios.get('071')).toBeCloseTo(1.2, 12);
    expect(ratios.get('072')).toBeCloseTo(0.4, 12);
  });

  it('compares a district of unknown province with the whole dataset, and skips a zero reference', () => {
    const ratios = excessRatios([
      { code: '071', provinceCode: '08', count: 30, total: 100 },
      { code: '999', provinceCode: null, count: 20, total: 100 },
      { code: '637', provinceCode: '64', count: 0, total: 100 },
      { code: '638', provinceCode: '64', count: 5, total: 0 },
    ]);
    // Whole dataset: (30 + 20 + 0) / 300.
    expect(ratios.get('999')).toBeCloseTo(0.2 / (50 / 300), 12);
    expect(ratios.has('637')).toBe(false);
    expect(ratios.has('638')).toBe(false);
  });

  it('averages to 1 over a province when weighted by households (summed reference)', () => {
    const district = fc.record({
      provinceCode: fc.constantFrom('01', '02', '03'),
      total: fc.integer({ min: 1, max: 50_000 }),
      share: fc.double({ min: 0.001, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(district, { minLength: 1, maxLength: 30 }), (list) => {
        const districts: DistrictCounts[] = list.map((d, i) => ({
          code: String(i),
          provinceCode: d.provinceCode,
          total: d.total,
          count: d.total * d.share,
        }));
        const ratios = excessRatios(districts);
        for (const province of ['01', '02', '03']) {
          const inside = districts.filter((d) => d.provinceCode === province);
          if (inside.length === 0) continue;
          const households = inside.reduce((s, d) => s + d.total, 0);
          const weighted = inside.reduce((s, d) => s + ratios.get(d.code)! * d.total, 0);
          expect(weighted / households).toBeCloseTo(1, 9);
        }
      }),
    );
  });
});
