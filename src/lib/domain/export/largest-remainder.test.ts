import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundKeepingTotal } from './largest-remainder.ts';

describe('roundKeepingTotal', () => {
  it('gives the left-over units to the largest fractions', () => {
    // Rounded one by one these give 1 + 1 + 1 = 3, not the total 2.
    expect(roundKeepingTotal([0.6, 0.7, 0.7])).toEqual([0, 1, 1]);
    expect(roundKeepingTotal([261.18, 100.41, 38.41])).toEqual([261, 101, 38]);
  });

  it('keeps whole numbers as they are and breaks ties by order', () => {
    expect(roundKeepingTotal([3, 4, 5])).toEqual([3, 4, 5]);
    expect(roundKeepingTotal([0.5, 0.5])).toEqual([1, 0]);
  });

  it('refuses a value that is not a number', () => {
    expect(() => roundKeepingTotal([1, Number.NaN])).toThrow(RangeError);
  });

  it('keeps the rounded total and moves no value by a whole unit or more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
          maxLength: 60,
        }),
        (values) => {
          const rounded = roundKeepingTotal(values);
          const sum = values.reduce((a, b) => a + b, 0);
          // `+ 0` turns the -0 that Math.round gives for tiny negative sums into 0.
          expect(rounded.reduce((a, b) => a + b, 0)).toBe(Math.round(sum) + 0);
          rounded.forEach((r, i) => {
            expect(Number.isInteger(r)).toBe(true);
            expect(Math.abs(r - values[i]!)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
