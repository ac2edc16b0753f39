import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../dataset.ts';
import type { IndicatorId } from '../indicators.ts';
import {
  achievementByUnit,
  differenceByUnit,
  differenceUnit,
  reductionsOf,
  targetMeasuresOf,
  valuesOf,
} from './compare-datasets.ts';

function obs(unitCode: string, values: Partial<Record<IndicatorId, number>>): Observation[] {
  return Object.entries(values).map(([indicator, value]) => ({
    datasetId: 'd',
    unitCode,
    unitLevel: 'district',
    year: 2020,
    indicator: indicator as IndicatorId,
    value,
  }));
}

const codeMap = fc
  .dictionary(fc.stringMatching(/^\d{3}$/), fc.double({ min: -100, max: 100, noNaN: true }))
  .map((record) => new Map(Object.entries(record)));

describe('differenceByUnit', () => {
  it('subtracts matched units and leaves units missing from either side out', () => {
    const current = new Map([
      ['071', 36.03],
      ['072', 29.56],
      ['073', 16.03],
    ]);
    const base = new Map([
      ['071', 38.5],
      ['072', 29.56],
      ['074', 15.08],
    ]);
    const difference = differenceByUnit(current, base);
    expect([...difference.keys()]).toEqual(['071', '072']);
    expect(difference.get('071')).toBeCloseTo(-2.47, 12);
    expect(difference.get('072')).toBe(0);
  });

  it('has exactly the units of both, and is antisymmetric', () => {
    fc.assert(
      fc.property(codeMap, codeMap, (a, b) => {
        const ab = differenceByUnit(a, b);
        const ba = differenceByUnit(b, a);
        expect([...ab.keys()].sort()).toEqual([...a.keys()].filter((k) => b.has(k)).sort());
        // A sum, not toBe(-value): equal figures give 0 both ways, and Object.is(0, -0) is false.
        for (const [code, value] of ab) expect((ba.get(code) ?? NaN) + value).toBe(0);
      }),
    );
  });

  it('turns a difference of rates into points', () => {
    expect(differenceUnit('percent')).toBe('points');
    expect(differenceUnit('households')).toBe('households');
  });
});

describe('plan against result', () => {
  it('reads the stated reduction, else start − end', () => {
    const observations = [
      ...obs('071', { rate_start: 36.03, rate_reduction: 4, rate_end: 32.03 }),
      ...obs('072', { rate_start: 29.56, rate_end: 26.06 }),
      ...obs('073', { rate_start: 16.03 }),
      ...obs('074', { poor_reduced: 799 }),
    ];
    const rate = reductionsOf(observations, 'rate');
    expect(rate.get('071')).toBe(4);
    expect(rate.get('072')).toBeCloseTo(3.5, 12);
    expect(rate.has('073')).toBe(false);
    expect(reductionsOf(observations, 'poor')).toEqual(new Map([['074', 799]]));
    expect(valuesOf(observations, 'rate_start').size).toBe(3);
  });

  it('says which targets a dataset can state', () => {
    expect(targetMeasuresOf(['rate_reduction', 'poor_start'])).toEqual(['rate']);
    expect(targetMeasuresOf(['poor_start', 'poor_end', 'rate_start'])).toEqual(['poor']);
    expect(targetMeasuresOf(['households_start'])).toEqual([]);
  });

  it('gives achievement as a percentage of target; a unit missing or without a cut planned has none', () => {
    const targets = new Map([
      ['071', 4],
      ['072', 4],
      ['073', 0],
      ['074', 2.65],
    ]);
    const results = new Map([
      ['071', 3.4],
      ['072', 4.4],
      ['073', 1],
    ]);
    const achievement = achievementByUnit(targets, results);
    expect([...achievement.keys()]).toEqual(['071', '072']);
    expect(achievement.get('071')).toEqual({ target: 4, achieved: 3.4, percent: 85 });
    expect(achievement.get('072')!.percent).toBeCloseTo(110, 12);
  });

  it('reaches 100 % exactly when the result equals the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e5, noNaN: true }), (target) => {
        const map = new Map([['071', target]]);
        expect(achievementByUnit(map, map).get('071')!.percent).toBeCloseTo(100, 9);
      }),
    );
  });
});
