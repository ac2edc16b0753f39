import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceValues, symbolRadius, symbolRadiusExpression } from './proportional-symbols.ts';

describe('proportional symbols', () => {
  it('make circle areas proportional to the values', () => {
    expect(symbolRadius(5511, 5511, 20)).toBe(20);
    expect(symbolRadius(5511 / 4, 5511, 20)).toBeCloseTo(10, 12);
    expect(symbolRadius(0, 5511)).toBe(0);
    expect(symbolRadius(10, 0)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (a, b) => {
          const max = Math.max(a, b);
          const ratio = (symbolRadius(a, max) / symbolRadius(b, max)) ** 2;
          expect(ratio).toBeCloseTo(a / b, 9);
        },
      ),
    );
  });

  it('draw the same radius on the map as in the legend', () => {
    expect(symbolRadiusExpression('poorCount', 400, 20)).toEqual([
      '*',
      1,
      ['sqrt', ['max', 0, ['to-number', ['feature-state', 'poorCount'], 0]]],
    ]);
  });

  it('pick two or three round reference values', () => {
    expect(referenceValues(5511)).toEqual([5000, 1000, 200]);
    expect(referenceValues(368)).toEqual([200, 50, 20]);
    expect(referenceValues(3)).toEqual([2]);
    expect(referenceValues(0)).toEqual([]);
  });
});
