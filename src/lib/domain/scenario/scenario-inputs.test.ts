import { describe, expect, it } from 'vitest';
import type { Observation } from '../dataset.ts';
import {
  bestPastReductions,
  scenarioInputProblem,
  scenarioLevelOf,
  scenarioUnitsFromObservations,
} from './scenario-inputs.ts';

const obs = (
  datasetId: string,
  unitCode: string,
  indicator: Observation['indicator'],
  value: number,
): Observation => ({
  datasetId,
  unitCode,
  unitLevel: 'district',
  indicator,
  year: 2020,
  value,
});

const units = new Map([
  ['071', { name: 'Huyện Lâm Bình', provinceCode: '08' }],
  ['072', { name: 'Huyện Na Hang', provinceCode: '08' }],
  ['001', { name: 'Quận Ba Đình', provinceCode: '01' }],
]);

describe('scenarioUnitsFromObservations', () => {
  const observations = [
    obs('d', '071', 'households_start', 7633),
    obs('d', '071', 'poor_start', 2750),
    obs('d', '071', 'households_end', 7705),
    obs('d', '072', 'households_start', 10_000),
    obs('d', '072', 'rate_start', 20),
    obs('d', '001', 'households_start', 1000),
    obs('d', '001', 'poor_start', 10),
    obs('d', '999', 'households_start', 10),
    obs('d', '999', 'poor_start', 1),
    { ...obs('d', '08', 'households_start', 210_299), unitLevel: 'province' as const },
  ];

  it('reads households and poor households (from the rate when needed), with known poor districts', () => {
    const inputs = scenarioUnitsFromObservations(observations, { units });
    expect(inputs.map((u) => u.code)).toEqual(['001', '071', '072']);
    expect(inputs[1]).toEqual({
      code: '071',
      name: 'Huyện Lâm Bình',
      provinceCode: '08',
      households: 7633,
      poor: 2750,
      householdsEnd: 7705,
      groups: ['poor-district'],
      bestPastReduction: null,
    });
    expect(inputs[2]!.poor).toBe(2000);
    expect(inputs[0]!.groups).toEqual([]);
  });

  it("keeps only the scope's province", () => {
    const inputs = scenarioUnitsFromObservations(observations, {
      units,
      scope: { kind: 'province', provinceCode: '01' },
    });
    expect(inputs.map((u) => u.code)).toEqual(['001']);
  });
});

describe('a province table', () => {
  const provinces = new Map([
    ['08', { name: 'Tỉnh Tuyên Quang', provinceCode: '08' }],
    ['11', { name: 'Tỉnh Điện Biên', provinceCode: '11' }],
    ['01', { name: 'Thành phố Hà Nội', provinceCode: '01' }],
  ]);
  const province = (code: string, indicator: Observation['indicator'], value: number) => ({
    ...obs('p', code, indicator, value),
    unitLevel: 'province' as const,
  });

  it('projects its provinces, each its own province, none a poor district', () => {
    const observations = [
      province('08', 'households_start', 210_299),
      province('08', 'rate_start', 11.8),
      province('11', 'households_start', 140_000),
      province('11', 'poor_start', 41_000),
      // District rows of the same table are not the province level's units.
      obs('p', '071', 'households_start', 7633),
      obs('p', '071', 'poor_start', 2750),
    ];
    const inputs = scenarioUnitsFromObservations(observations, {
      level: 'province',
      units: provinces,
      poorDistricts: new Set(['08', '071']),
    });
    expect(inputs.map((u) => [u.code, u.provinceCode, u.groups])).toEqual([
      ['08', '08', []],
      ['11', '11', []],
    ]);
    expect(inputs[0]!.poor).toBeCloseTo((210_299 * 11.8) / 100, 6);
    expect(scenarioInputProblem(observations, { level: 'province', units: provinces })).toBe(null);
  });

  it('says why the GSO national table (rates alone) gives no units: no households', () => {
    const observations = [province('11', 'poverty_rate', 29.55), province('01', 'poverty_rate', 0)];
    expect(
      scenarioUnitsFromObservations(observations, { level: 'province', units: provinces }),
    ).toEqual([]);
    expect(scenarioInputProblem(observations, { level: 'province', units: provinces })).toEqual({
      kind: 'no-households',
      indicators: ['poverty_rate'],
    });
    // Read as districts (as the simulator did), the same table has no figures at all.
    expect(scenarioInputProblem(observations, { units })).toEqual({ kind: 'no-figures' });
  });

  it('says when households are there but no poor households or start rate', () => {
    const observations = [
      province('08', 'households_start', 210_299),
      province('08', 'rate_end', 9.74),
    ];
    expect(scenarioInputProblem(observations, { level: 'province', units: provinces })).toEqual({
      kind: 'no-poor',
      indicators: ['households_start', 'rate_end'],
    });
  });

  it("takes a dataset's own level", () => {
    expect(scenarioLevelOf({ level: 'province' })).toBe('province');
    expect(scenarioLevelOf({ level: 'district' })).toBe('district');
    expect(scenarioLevelOf(undefined)).toBe('district');
  });
});

describe('bestPastReductions', () => {
  it('takes the steepest achieved fall from reviews and surveys, never from plans', () => {
    const data: Record<string, Observation[]> = {
      plan: [obs('plan', '071', 'rate_reduction', 4)],
      review2019: [
        obs('review2019', '071', 'rate_start', 40),
        obs('review2019', '071', 'rate_end', 37.5),
      ],
      review2020: [obs('review2020', '071', 'rate_reduction', 3.2)],
    };
    const best = bestPastReductions(
      [
        { id: 'plan', kind: 'plan' },
        { id: 'review2019', kind: 'review' },
        { id: 'review2020', kind: 'review' },
      ],
      (id) => data[id]!,
    );
    expect(best.get('071')).toBe(3.2);
  });
});
