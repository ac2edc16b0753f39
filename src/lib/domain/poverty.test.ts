import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { povertyRate, roundTo } from './poverty.ts';

describe('povertyRate', () => {
  it('is poor households / households in percent', () => {
    expect(povertyRate(2750, 7633)).toBeCloseTo(36.0278, 4);
    expect(povertyRate(24814, 210299)).toBeCloseTo(11.7994, 4);
    expect(povertyRate(0, 10)).toBe(0);
    expect(povertyRate(10, 10)).toBe(100);
    expect(povertyRate(1, 8)).toBe(12.5);
  });

  it.each([0, -1, Number.NaN])('throws a RangeError for %s households', (households) => {
    expect(() => povertyRate(0, households)).toThrow(RangeError);
    expect(() => povertyRate(0, households)).toThrow(
      `households must be positive, got ${households}`,
    );
  });

  it('throws a RangeError for negative poor households', () => {
    expect(() => povertyRate(-1, 10)).toThrow(RangeError);
    expect(() => povertyRate(-1, 10)).toThrow('poor households must be ≥ 0, got -1');
  });
});

describe('roundTo', () => {
  it.each([
    [1.005, 2, 1.01],
    [-2.345, 2, -2.35],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.125, 2, 0.13],
    [36.0277, 2, 36.03],
    [11.7994, 2, 11.8],
    [1.004, 2, 1],
    [-1.004, 2, -1],
    [1234.5678, 1, 1234.6],
    [0, 2, 0],
  ])('rounds %s to %s decimals as %s (half away from zero)', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });

  it('is symmetric around zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(roundTo(-x, 2)).toBe(-roundTo(x, 2));
      }),
    );
  });

  it('moves a value by at most half a unit in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(Math.abs(roundTo(x, 2) - x)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves values that already have two decimals unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), (cents) => {
        expect(roundTo(cents / 100, 2)).toBe(cents / 100);
      }),
    );
  });
});
