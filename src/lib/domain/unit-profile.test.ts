import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from './dataset.ts';
import type { IndicatorId } from './indicators.ts';
import { DESIGNATED_LISTS } from './priority/designated-lists.ts';
import { buildUnitProfile, rankAmong, type UnitProfileInput } from './unit-profile.ts';

const dataset = (id: string, year: number, kind: 'plan' | 'review' = 'review') => ({
  id,
  title: { vi: id, en: id },
  source: { title: id, number: null, date: null, issuer: 'UBND', locator: '' },
  year,
  kind,
  level: 'district' as const,
});

const figure = (
  datasetId: string,
  unitCode: string,
  indicator: IndicatorId,
  value: number,
  unitLevel: 'district' | 'province' = 'district',
): Observation => ({ datasetId, unitCode, unitLevel, indicator, year: 2020, value });

function input(changes: Partial<UnitProfileInput> = {}): UnitProfileInput {
  return {
    unit: { code: '071', provinceCode: '08' },
    observations: [],
    datasets: [
      dataset('plan-2020', 2020, 'plan'),
      dataset('review-2021', 2021),
      dataset('k', 2016),
    ],
    mapValues: new Map(),
    provinceOf: (code) => (code.startsWith('07') ? '08' : '02'),
    lists: DESIGNATED_LISTS,
    ...changes,
  };
}

describe('rankAmong', () => {
  it('ranks the highest value first and lets ties share a rank', () => {
    const values = [36.03, 28.1, 28.1, 5];
    expect(rankAmong(36.03, values)).toEqual({ rank: 1, of: 4 });
    expect(rankAmong(28.1, values)).toEqual({ rank: 2, of: 4 });
    expect(rankAmong(5, values)).toEqual({ rank: 4, of: 4 });
    expect(rankAmong(undefined, values)).toBeNull();
  });

  it('rank − 1 is the number of higher values, and lies within 1…of', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: 0, max: 100 }), { minLength: 1 }),
        (xs) => {
          const value = xs[0]!;
          const { rank, of } = rankAmong(value, xs)!;
          expect(of).toBe(xs.length);
          expect(rank - 1).toBe(xs.filter((x) => x > value).length);
          expect(rank).toBeGreaterThanOrEqual(1);
          expect(rank).toBeLessThanOrEqual(of);
        },
      ),
    );
  });
});

describe('buildUnitProfile', () => {
  it("draws a province's series over a multi-year dataset and a later one, each point with its year's standard", () => {
    const history = {
      ...dataset('history', 2016),
      level: 'province' as const,
      years: [2008, 2010, 2016],
      standard: 'other' as const,
      standards: {
        '2008': 'income-2006-2010' as const,
        '2010': 'income-2011-2015' as const,
        '2016': 'income-2011-2015' as const,
      },
    };
    const survey = {
      ...dataset('survey', 2023),
      level: 'province' as const,
      standard: '2022-2025' as const,
    };
    const at = (datasetId: string, year: number, value: number): Observation => ({
      ...figure(datasetId, '02', 'poverty_rate', value, 'province'),
      year,
    });
    const profile = buildUnitProfile(
      input({
        unit: { code: '02', provinceCode: '02' },
        datasets: [history, survey],
        observations: [
          at('history', 2008, 37.6),
          at('history', 2010, 50),
          at('history', 2016, 20.8),
          at('survey', 2023, 29.07),
        ],
      }),
    );
    expect(profile.series).toHaveLength(1);
    expect(profile.series[0]!.points.map((p) => [p.year, p.value, p.standard])).toEqual([
      [2008, 37.6, 'income-2006-2010'],
      [2010, 50, 'income-2011-2015'],
      [2016, 20.8, 'income-2011-2015'],
      [2023, 29.07, '2022-2025'],
    ]);
    // One group of figures per year, newest first.
    expect(profile.datasets.map((d) => [d.dataset.id, d.year])).toEqual([
      ['survey', 2023],
      ['history', 2016],
      ['history', 2010],
      ['history', 2008],
    ]);
  });

  it("groups every dataset's figures for the unit, then its province's, newest first", () => {
    const profile = buildUnitProfile(
      input({
        observations: [
          figure('plan-2020', '071', 'rate_end', 31.5),
          figure('plan-2020', '071', 'rate_start', 36.03),
          figure('review-2021', '071', 'rate_start', 30.2),
          figure('k', '08', 'rate_end', 11.8, 'province'),
          // Another unit's and another province's figures are not the unit's.
          figure('plan-2020', '072', 'rate_start', 28.1),
          figure('k', '02', 'rate_end', 30, 'province'),
        ],
      }),
    );
    expect(profile.datasets.map((d) => [d.dataset.id, d.level])).toEqual([
      ['review-2021', 'district'],
      ['plan-2020', 'district'],
      ['k', 'province'],
    ]);
    // The catalogue's order, not the stored order: start of year before end of year.
    expect(profile.datasets[1]!.figures.map((f) => f.indicator)).toEqual([
      'rate_start',
      'rate_end',
    ]);
  });

  it('makes a series of an indicator only where there are two years or more', () => {
    const profile = buildUnitProfile(
      input({
        observations: [
          figure('review-2021', '071', 'rate_start', 30.2),
          figure('plan-2020', '071', 'rate_start', 36.03),
          figure('plan-2020', '071', 'rate_end', 31.5),
        ],
      }),
    );
    expect(profile.series).toEqual([
      {
        level: 'district',
        indicator: 'rate_start',
        points: [
          { year: 2020, value: 36.03, datasetId: 'plan-2020', kind: 'plan', standard: 'other' },
          { year: 2021, value: 30.2, datasetId: 'review-2021', kind: 'review', standard: 'other' },
        ],
      },
    ]);
  });

  it('ranks the unit within its province and the nation on the current map', () => {
    const mapValues = new Map([
      ['070', 3.1],
      ['071', 36.03],
      ['072', 28.1],
      ['024', 40],
    ]);
    const profile = buildUnitProfile(input({ mapValues }));
    expect(profile.rankInProvince).toEqual({ rank: 1, of: 3 });
    expect(profile.rankInNation).toEqual({ rank: 2, of: 4 });
    expect(buildUnitProfile(input({ mapValues: new Map() })).rankInNation).toBeNull();
  });

  it('lists the designated lists the unit is on (Lâm Bình is a poor district)', () => {
    const lists = buildUnitProfile(input()).lists;
    expect(lists.map((list) => list.id)).toContain('tuyen-quang-poor-districts-2020');
    expect(buildUnitProfile(input({ unit: { code: '070', provinceCode: '08' } })).lists).toEqual(
      [],
    );
  });
});
