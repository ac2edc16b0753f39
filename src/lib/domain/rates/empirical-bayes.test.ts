import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothRates, type UnitCounts } from './empirical-bayes.ts';

const units = fc.array(
  fc
    .record({
      total: fc.integer({ min: 1, max: 100_000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ total, share }) => ({ total, count: Math.round(total * share) })),
  { minLength: 1, maxLength: 40 },
);
const withCodes = (list: { count: number; total: number }[]): UnitCounts[] =>
  list.map((u, i) => ({ code: String(i), ...u }));

describe('smoothRates', () => {
  it('shrinks two equal-sized units towards the overall rate (worked by hand)', () => {
    // m = 40/200 = 0,2; s² = (100·0,1² + 100·0,1²)/200 = 0,01; A = 0,01 − 0,2/100 = 0,008;
    // shrink = 0,008 / (0,008 + 0,2/100) = 0,8.
    const result = smoothRates([
      { code: 'a', count: 30, total: 100 },
      { code: 'b', count: 10, total: 100 },
    ]);
    expect(result.priorMean).toBeCloseTo(0.2, 12);
    expect(result.priorVariance).toBeCloseTo(0.008, 12);
    expect(result.rates.get('a')).toBeCloseTo(0.28, 12);
    expect(result.rates.get('b')).toBeCloseTo(0.12, 12);
  });

  it('shrinks a small unit more than a large one (worked by hand)', () => {
    // m = 42/210 = 0,2; s² = (100·0,2² + 100·0,19² + 10·0,1²)/210 = 7,71/210;
    // A = 7,71/210 − 0,2/70 = 7,11/210; shrink a = 7,11/(7,11 + 0,42), c = 7,11/(7,11 + 4,2).
    const result = smoothRates([
      { code: 'a', count: 40, total: 100 },
      { code: 'b', count: 1, total: 100 },
      { code: 'c', count: 1, total: 10 },
    ]);
    expect(result.priorMean).toBeCloseTo(0.2, 12);
    expect(result.priorVariance).toBeCloseTo(7.11 / 210, 12);
    expect(result.rates.get('a')).toBeCloseTo(0.2 + (7.11 / 7.53) * 0.2, 12);
    expect(result.rates.get('c')).toBeCloseTo(0.2 - (7.11 / 11.31) * 0.1, 12);
  });

  it('clamps the prior variance at 0 when rates vary no more than chance: every unit gets the mean', () => {
    // m = 0,15; s² = 0,0025 < m / 10 = 0,015.
    const result = smoothRates([
      { code: 'a', count: 1, total: 10 },
      { code: 'b', count: 2, total: 10 },
    ]);
    expect(result.priorVariance).toBe(0);
    expect(result.rates.get('a')).toBeCloseTo(0.15, 12);
    expect(result.rates.get('b')).toBeCloseTo(0.15, 12);
  });

  it('leaves out units without a positive total, and handles none at all', () => {
    const result = smoothRates([
      { code: 'a', count: 3, total: 0 },
      { code: 'b', count: 5, total: 50 },
      { code: 'c', count: Number.NaN, total: 50 },
    ]);
    expect([...result.rates.keys()]).toEqual(['b']);
    expect(result.rates.get('b')).toBeCloseTo(0.1, 12);
    expect(smoothRates([])).toEqual({ priorMean: 0, priorVariance: 0, rates: new Map() });
  });

  it('keeps every rate at 0 when no unit has a poor household', () => {
    const result = smoothRates(
      withCodes([
        { count: 0, total: 5 },
        { count: 0, total: 500 },
      ]),
    );
    expect([...result.rates.values()]).toEqual([0, 0]);
  });

  it('puts each smoothed rate between its raw rate and the prior mean', () => {
    fc.assert(
      fc.property(units, (list) => {
        const { priorMean, rates } = smoothRates(withCodes(list));
        list.forEach((u, i) => {
          const raw = u.count / u.total;
          const smoothed = rates.get(String(i))!;
          expect(smoothed).toBeGreaterThanOrEqual(Math.min(raw, priorMean) - 1e-12);
          expect(smoothed).toBeLessThanOrEqual(Math.max(raw, priorMean) + 1e-12);
        });
      }),
    );
  });

  it('has the prior mean Σ count / Σ total, never an average of rates', () => {
    fc.assert(
      fc.property(units, (list) => {
        const count = list.reduce((s, u) => s + u.count, 0);
        const total = list.reduce((s, u) => s + u.total, 0);
        expect(smoothRates(withCodes(list)).priorMean).toBeCloseTo(count / total, 12);
      }),
    );
  });

  it('leaves the rate of a unit with a huge number of households as it is', () => {
    fc.assert(
      fc.property(units, fc.double({ min: 0, max: 1, noNaN: true }), (list, share) => {
        const huge = { code: 'huge', total: 1e12, count: Math.round(1e12 * share) };
        const { rates } = smoothRates([...withCodes(list), huge]);
        expect(rates.get('huge')).toBeCloseTo(huge.count / huge.total, 6);
      }),
    );
  });

  it('changes nothing when every unit has the same rate', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1 }), (sizes) => {
        const { rates } = smoothRates(
          withCodes(sizes.map((n) => ({ count: n * 3, total: n * 10 }))),
        );
        for (const rate of rates.values()) expect(rate).toBeCloseTo(0.3, 12);
      }),
    );
  });
});
