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
          { year: 2020, value: 36.03, datasetId: 'plan-2020', kind: 'plan' },
          { year: 2021, value: 30.2, datasetId: 'review-2021', kind: 'review' },
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
