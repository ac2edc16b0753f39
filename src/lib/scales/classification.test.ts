import { schemeRdBu, schemeYlGnBu } from 'd3-scale-chromatic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../domain/indicators.ts';
import {
  CLASSIFICATION_METHODS,
  type ClassificationMethod,
  PALETTE_IDS,
  classifyIndicator,
  methodsFor,
  paletteColors,
} from './choropleth.ts';

const RATE = INDICATORS.rate_start;
const COUNT = INDICATORS.poor_start;
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('classifyIndicator with a method', () => {
  it('quantiles put the same number of units in each class', () => {
    const classes = classifyIndicator(ONE_TO_TEN, COUNT, { method: 'quantile', classes: 5 });
    expect(classes.method).toBe('quantile');
    expect(classes.thresholds).toEqual([3, 5, 7, 9]);
    expect(classes.counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('quantiles merge classes that many equal values would leave empty', () => {
    const classes = classifyIndicator([1, 1, 1, 1, 1, 1, 2, 3], COUNT, {
      method: 'quantile',
      classes: 4,
    });
    expect(classes.thresholds).toEqual([2]);
    expect(classes.counts).toEqual([6, 2]);
  });

  it('equal intervals are rounded and take the number of classes', () => {
    const values = [0, 13, 27, 50, 64, 100];
    expect(classifyIndicator(values, COUNT, { method: 'equal', classes: 5 }).thresholds).toEqual([
      20, 40, 60, 80,
    ]);
    expect(classifyIndicator(values, COUNT, { method: 'equal', classes: 3 }).thresholds).toEqual([
      50,
    ]);
  });

  it('natural breaks (ckmeans) find the gaps between groups', () => {
    const values = [1, 2, 3, 10, 11, 12, 30, 31];
    const classes = classifyIndicator(values, RATE, { method: 'jenks', classes: 3 });
    expect(classes.thresholds).toEqual([10, 30]);
    expect(classes.counts).toEqual([3, 3, 2]);
  });

  it('natural breaks ask for no more classes than there are distinct values', () => {
    const classes = classifyIndicator([4, 4, 9, 9], RATE, { method: 'jenks', classes: 7 });
    expect(classes.thresholds).toEqual([9]);
  });

  it('standard deviations centre one-deviation classes on the mean', () => {
    // Mean 5, population standard deviation 2.
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(classifyIndicator(values, RATE, { method: 'stddev', classes: 4 }).thresholds).toEqual([
      3, 5, 7,
    ]);
    expect(classifyIndicator(values, RATE, { method: 'stddev', classes: 5 }).thresholds).toEqual([
      2, 4, 6, 8,
    ]);
  });

  it('the box map separates outliers beyond 1.5 interquartile ranges', () => {
    // Q1 3, median 5, Q3 7 (simple-statistics' quantile rule); fences −3 and 13. No count is
    // below 0, so the lower fence makes no class of its own.
    const classes = classifyIndicator([1, 2, 3, 4, 5, 6, 7, 8, 100], COUNT, { method: 'box' });
    expect(classes.thresholds).toEqual([3, 5, 7, 13]);
    expect(classes.counts).toEqual([2, 2, 2, 2, 1]);
    expect(classes.colors).toEqual([...schemeRdBu[5]!].reverse());
  });

  it('policy breaks stay fixed whatever the data and the number of classes', () => {
    const a = classifyIndicator([1, 2], RATE, { method: 'policy', classes: 9 });
    const b = classifyIndicator([50, 60, 70], RATE, { method: 'policy' });
    expect(a.thresholds).toEqual([5, 10, 20, 30, 40]);
    expect(b.thresholds).toEqual(a.thresholds);
  });

  it('takes the palette asked for; diverging palettes run cool to warm', () => {
    const classes = classifyIndicator(ONE_TO_TEN, COUNT, {
      method: 'quantile',
      classes: 5,
      palette: 'YlGnBu',
    });
    expect(classes.colors).toEqual([...schemeYlGnBu[5]!]);
    expect(paletteColors('RdBu', 3)).toEqual(['#67a9cf', '#f7f7f7', '#ef8a62']);
  });

  it('rejects a number of classes outside 3–9 and policy breaks for counts, naming the value', () => {
    expect(() => classifyIndicator(ONE_TO_TEN, COUNT, { classes: 2 })).toThrow(/got 2/);
    expect(() => classifyIndicator(ONE_TO_TEN, COUNT, { classes: 10 })).toThrow(/got 10/);
    expect(() => classifyIndicator(ONE_TO_TEN, COUNT, { method: 'policy' })).toThrow(/policy/);
    expect(methodsFor(COUNT)).not.toContain('policy');
    expect(methodsFor(RATE)).toContain('policy');
  });

  it('handles no values', () => {
    for (const method of methodsFor(RATE)) {
      const classes = classifyIndicator([], RATE, { method });
      expect(classes.counts.reduce((a, b) => a + b, 0)).toBe(0);
    }
  });

  it('keeps breaks strictly increasing at the limits of floating point', () => {
    // Counterexamples fast-check found: ckmeans splits equal values when its sums underflow, and
    // d3 repeats a tick when the step is near the precision of the values.
    const cases: [number[], ClassificationMethod][] = [
      [[0, -5e-324, -1e-323, 0], 'jenks'],
      [[999999.9999999976, 999999.9999999981], 'equal'],
    ];
    for (const [values, method] of cases) {
      const { thresholds } = classifyIndicator(values, COUNT, { method, classes: 5 });
      expect(thresholds.every((t, i) => i === 0 || t > thresholds[i - 1]!)).toBe(true);
    }
  });

  it('for any values, method, classes and palette: increasing breaks, every unit counted once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...CLASSIFICATION_METHODS.filter((m) => m !== 'policy')),
        fc.integer({ min: 3, max: 9 }),
        fc.constantFrom(...PALETTE_IDS),
        (values, method, count, palette) => {
          const classes = classifyIndicator(values, COUNT, { method, classes: count, palette });
          for (let i = 1; i < classes.thresholds.length; i += 1) {
            expect(classes.thresholds[i]!).toBeGreaterThan(classes.thresholds[i - 1]!);
          }
          expect(classes.colors).toHaveLength(classes.thresholds.length + 1);
          expect(classes.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
          // Rounded equal intervals take d3's nice steps: about `count` classes, never over 9.
          const most = method === 'box' ? 5 : method === 'equal' ? 8 : count - 1;
          expect(classes.thresholds.length).toBeLessThanOrEqual(most);
        },
      ),
    );
  });
});
