import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation, UnitLevel } from '../dataset.ts';
import type { IndicatorId } from '../indicators.ts';
import {
  aggregateCommunesToProvinces,
  aggregateToNewProvinces,
  isAggregable,
  provinceSumProblem,
  sumDistrictsToProvinces,
  type EraTree,
} from './aggregate.ts';

/** New Tuyên Quang (08) = old Hà Giang (02, 11 districts) + old Tuyên Quang (08, 7 districts). */
const districts02 = Array.from({ length: 11 }, (_, i) => String(24 + i).padStart(3, '0'));
const districts08 = ['070', '071', '072', '073', '074', '075', '076'];
const tree: EraTree = {
  newProvinces: [
    { code: '08', from: ['02', '08'] },
    { code: '01', from: ['01'] },
  ],
  districtsOf: new Map([
    ['02', districts02],
    ['08', districts08],
    ['01', ['001', '002']],
  ]),
};

function obs(
  unitCode: string,
  unitLevel: UnitLevel,
  values: Partial<Record<IndicatorId, number>>,
): Observation[] {
  return Object.entries(values).map(([indicator, value]) => ({
    datasetId: 'd',
    unitCode,
    unitLevel,
    year: 2020,
    indicator: indicator as IndicatorId,
    value: value as number,
  }));
}

describe('aggregateToNewProvinces', () => {
  it('sums counts of every old district into the new province', () => {
    const observations = [
      ...districts02.flatMap((d, i) => obs(d, 'district', { poor_start: 100 + i })),
      ...districts08.flatMap((d, i) => obs(d, 'district', { poor_start: 10 * i })),
    ];
    const expected =
      districts02.reduce((s, _, i) => s + 100 + i, 0) +
      districts08.reduce((s, _, i) => s + 10 * i, 0);
    const result = aggregateToNewProvinces(observations, 'poor_start', 'district', tree).get('08');
    expect(result).toMatchObject({ value: expected, covered: 18, total: 18, partial: false });
    expect(result?.share).toBe(1);
  });

  it('recomputes a rate from the summed counts instead of averaging the rates', () => {
    const observations = [
      ...obs('02', 'province', { rate_start: 10, poor_start: 10, households_start: 100 }),
      ...obs('08', 'province', { rate_start: 50, poor_start: 450, households_start: 900 }),
    ];
    const result = aggregateToNewProvinces(observations, 'rate_start', 'province', tree).get('08');
    // (10 + 450) / (100 + 900) = 46 %, where the mean of the rates would say 30 %.
    expect(result?.value).toBeCloseTo(46, 10);
    expect(result?.partial).toBe(false);
  });

  it('uses rate × households when a unit stores its rate but not its count', () => {
    const observations = [
      ...obs('02', 'province', { rate_start: 20, households_start: 1000 }),
      ...obs('08', 'province', { poor_start: 100, households_start: 1000 }),
    ];
    const result = aggregateToNewProvinces(observations, 'rate_start', 'province', tree).get('08');
    expect(result?.value).toBeCloseTo(15, 10);
  });

  it('marks Tuyên Quang 2020 partial: the old Tuyên Quang is covered, the Hà Giang part is not', () => {
    const observations = [
      ...obs('08', 'province', { poor_start: 23_000, households_start: 200_000 }),
      ...districts08.flatMap((d) => obs(d, 'district', { poor_start: 1, households_start: 10 })),
    ];
    const counts = aggregateToNewProvinces(observations, 'poor_start', 'district', tree).get('08');
    // The province's own row stands for its seven districts; none of Hà Giang's eleven is covered.
    expect(counts).toMatchObject({ value: 23_000, covered: 7, total: 18, partial: true });
    expect(counts?.share).toBeCloseTo(7 / 18, 12);
    expect(counts?.oldProvinces).toEqual([
      { code: '02', covered: 0, total: 11 },
      { code: '08', covered: 7, total: 7 },
    ]);
    const rate = aggregateToNewProvinces(observations, 'rate_start', 'district', tree).get('08');
    expect(rate?.value).toBeCloseTo(11.5, 10);
    expect(rate?.partial).toBe(true);
  });

  it('counts covered districts when only some districts have figures', () => {
    const observations = districts08
      .slice(0, 3)
      .flatMap((d) => obs(d, 'district', { poor_start: 5 }));
    const result = aggregateToNewProvinces(observations, 'poor_start', 'district', tree).get('08');
    expect(result).toMatchObject({ value: 15, covered: 3, total: 18, partial: true });
  });

  it('measures coverage in old provinces for a province-level dataset', () => {
    const observations = obs('08', 'province', { budget_total: 500 });
    const result = aggregateToNewProvinces(observations, 'budget_total', 'province', tree).get(
      '08',
    );
    expect(result).toMatchObject({ value: 500, covered: 1, total: 2, share: 0.5, partial: true });
  });

  it('carries a lone rate without counts, but never averages several', () => {
    const lone = obs('08', 'province', { rate_end: 7.5 });
    expect(aggregateToNewProvinces(lone, 'rate_end', 'province', tree).get('08')?.value).toBe(7.5);
    const two = [...lone, ...obs('02', 'province', { rate_end: 30 })];
    expect(aggregateToNewProvinces(two, 'rate_end', 'province', tree).has('08')).toBe(false);
  });

  it('gives the planned reduction as the difference of the recomputed rates', () => {
    const observations = [
      ...obs('001', 'district', {
        poor_start: 30,
        households_start: 100,
        poor_end: 20,
        households_end: 100,
      }),
      ...obs('002', 'district', {
        poor_start: 10,
        households_start: 300,
        poor_end: 4,
        households_end: 300,
      }),
    ];
    const result = aggregateToNewProvinces(observations, 'rate_reduction', 'district', tree).get(
      '01',
    );
    expect(result?.value).toBeCloseTo(40 / 4 - 24 / 4, 10);
    expect(isAggregable('rate_reduction')).toBe(true);
  });

  it('leaves new provinces without any figure out', () => {
    const result = aggregateToNewProvinces(
      obs('001', 'district', { poor_start: 1 }),
      'poor_start',
      'district',
      tree,
    );
    expect([...result.keys()]).toEqual(['01']);
  });

  it('property: counts sum exactly and rates lie between the smallest and largest unit rate', () => {
    const unit = fc.record({
      poor: fc.integer({ min: 0, max: 50_000 }),
      extra: fc.integer({ min: 1, max: 200_000 }),
      present: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 18, maxLength: 18 }), (units) => {
        const codes = [...districts02, ...districts08];
        const present = units
          .map((u, i) => ({ ...u, code: codes[i] as string }))
          .filter((u) => u.present);
        const observations = present.flatMap((u) =>
          obs(u.code, 'district', { poor_start: u.poor, households_start: u.poor + u.extra }),
        );
        const count = aggregateToNewProvinces(observations, 'poor_start', 'district', tree).get(
          '08',
        );
        const rate = aggregateToNewProvinces(observations, 'rate_start', 'district', tree).get(
          '08',
        );
        if (present.length === 0) return count === undefined && rate === undefined;
        const rates = present.map((u) => (100 * u.poor) / (u.poor + u.extra));
        const value = rate?.value ?? Number.NaN;
        return (
          count?.value === present.reduce((s, u) => s + u.poor, 0) &&
          count.covered === present.length &&
          count.partial === present.length < 18 &&
          value >= Math.min(...rates) - 1e-9 &&
          value <= Math.max(...rates) + 1e-9
        );
      }),
    );
  });
});

describe('aggregateCommunesToProvinces', () => {
  const communesOf = new Map([
    ['22', ['06652', '06661', '06978']],
    ['08', ['00691', '00700']],
  ]);

  it('sums counts, recomputes the rate and says how many communes the data covers', () => {
    const observations = [
      ...obs('06652', 'commune', { households_start: 1000, poor_start: 20, rate_start: 2 }),
      ...obs('06661', 'commune', { households_start: 3000, poor_start: 300, rate_start: 10 }),
      ...obs('00691', 'commune', { households_start: 500, poor_start: 50, rate_start: 10 }),
    ];
    const rate = aggregateCommunesToProvinces(observations, 'rate_start', communesOf);
    // 320 / 4,000, not the mean of 2 % and 10 %.
    expect(rate.get('22')).toMatchObject({ value: 8, covered: 2, total: 3, partial: true });
    expect(rate.get('08')).toMatchObject({ value: 10, covered: 1, total: 2 });
    const poor = aggregateCommunesToProvinces(observations, 'poor_start', communesOf);
    expect(poor.get('22')?.value).toBe(320);
  });

  it('groups a figures array once, and a new array (other figures) afresh', () => {
    const first = obs('06652', 'commune', { households_start: 1000, poor_start: 20 });
    expect(aggregateCommunesToProvinces(first, 'poor_start', communesOf).get('22')?.value).toBe(20);
    expect(
      aggregateCommunesToProvinces(first, 'households_start', communesOf).get('22')?.value,
    ).toBe(1000);
    // Same length, same units, other values: the grouping of the first array must not be reused.
    const second = obs('06652', 'commune', { households_start: 2000, poor_start: 40 });
    expect(aggregateCommunesToProvinces(second, 'poor_start', communesOf).get('22')?.value).toBe(
      40,
    );
    expect(aggregateCommunesToProvinces(first, 'poor_start', communesOf).get('22')?.value).toBe(20);
  });

  it('keeps a province row of the table (its printed total) over the sum of its communes', () => {
    const observations = [
      ...obs('22', 'province', { poor_start: 999 }),
      ...obs('06652', 'commune', { poor_start: 20 }),
    ];
    const poor = aggregateCommunesToProvinces(observations, 'poor_start', communesOf);
    expect(poor.get('22')).toMatchObject({ value: 999, partial: false });
  });

  it('never averages rates that come without their households', () => {
    const observations = [
      ...obs('06652', 'commune', { rate_start: 2 }),
      ...obs('06661', 'commune', { rate_start: 10 }),
    ];
    expect(aggregateCommunesToProvinces(observations, 'rate_start', communesOf).has('22')).toBe(
      false,
    );
  });

  it('the summed rate equals the household-weighted rate of the communes', () => {
    const commune = fc
      .record({
        households: fc.integer({ min: 1, max: 100_000 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ households, share }) => ({ households, poor: Math.round(households * share) }));
    fc.assert(
      fc.property(fc.array(commune, { minLength: 1, maxLength: 40 }), (communes) => {
        const codes = communes.map((_, i) => String(10000 + i));
        const observations = communes.flatMap((c, i) =>
          obs(codes[i]!, 'commune', {
            households_start: c.households,
            poor_start: c.poor,
            rate_start: (c.poor / c.households) * 100,
          }),
        );
        const result = aggregateCommunesToProvinces(
          observations,
          'rate_start',
          new Map([['01', codes]]),
        ).get('01');
        const households = communes.reduce((sum, c) => sum + c.households, 0);
        const weighted =
          communes.reduce((sum, c) => sum + (c.poor / c.households) * 100 * c.households, 0) /
          households;
        expect(result?.value).toBeCloseTo(weighted, 9);
        expect(result?.partial).toBe(false);
      }),
    );
  });
});

describe('sumDistrictsToProvinces', () => {
  const districtsOf = new Map([
    ['08', districts08],
    ['01', ['001', '002']],
  ]);
  const household = fc.integer({ min: 1, max: 50_000 });

  it('sums counts and re-derives the rate from the sums, never averaging rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(household, fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 7,
          maxLength: 7,
        }),
        (rows) => {
          const observations = districts08.flatMap((code, i) => {
            const [households, share] = rows[i]!;
            const poor = Math.round(households * share);
            return obs(code, 'district', {
              households_start: households,
              poor_start: poor,
              rate_start: (poor / households) * 100,
            });
          });
          const households = rows.reduce((s, [h]) => s + h, 0);
          const poor = districts08.reduce(
            (s, code) =>
              s +
              observations.find((o) => o.unitCode === code && o.indicator === 'poor_start')!.value,
            0,
          );
          const sums = sumDistrictsToProvinces(observations, 'rate_start', districtsOf);
          expect(sums.get('08')).toBeCloseTo((poor / households) * 100, 9);
          expect(sumDistrictsToProvinces(observations, 'poor_start', districtsOf).get('08')).toBe(
            poor,
          );
        },
      ),
    );
  });

  it('gives no value to a province only some of whose districts have figures', () => {
    const observations = obs('001', 'district', { households_start: 100, poor_start: 5 });
    expect(sumDistrictsToProvinces(observations, 'poor_start', districtsOf).has('01')).toBe(false);
  });

  it('refuses rates without their households, and says why', () => {
    expect(provinceSumProblem('rate_start', ['rate_start', 'rate_end'])).toBe('rates-only');
    expect(provinceSumProblem('rate_reduction', ['rate_start', 'rate_end'])).toBe('rates-only');
    expect(provinceSumProblem('rate_start', ['rate_start', 'households_start'])).toBeNull();
    expect(provinceSumProblem('poor_start', ['poor_start'])).toBeNull();
    expect(provinceSumProblem('poverty_rate', ['poverty_rate'])).toBe('not-summable');
  });
});
