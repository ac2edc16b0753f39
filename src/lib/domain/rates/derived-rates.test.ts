import { describe, expect, it } from 'vitest';
import type { Observation } from '../dataset.ts';
import type { IndicatorId } from '../indicators.ts';
import { canDeriveRate, derivedRateValues } from './derived-rates.ts';

function obs(
  unitCode: string,
  unitLevel: 'district' | 'province',
  values: Partial<Record<IndicatorId, number>>,
): Observation[] {
  return Object.entries(values).map(([indicator, value]) => ({
    datasetId: 'd',
    unitCode,
    unitLevel,
    year: 2020,
    indicator: indicator as IndicatorId,
    value,
  }));
}

// The Tuyên Quang 2020 plan's two poor districts and its province row.
const observations = [
  ...obs('08', 'province', { poor_start: 24814, households_start: 210299, rate_start: 11.8 }),
  ...obs('071', 'district', { poor_start: 2750, households_start: 7633, rate_start: 36.03 }),
  ...obs('072', 'district', { poor_start: 3094, households_start: 10468, rate_start: 29.56 }),
  ...obs('073', 'district', { rate_start: 16.03 }),
];

describe('derived rates', () => {
  it('are offered only for a rate whose count and total the dataset has', () => {
    expect(canDeriveRate('rate_start', ['rate_start', 'poor_start', 'households_start'])).toBe(
      true,
    );
    expect(canDeriveRate('rate_start', ['rate_start', 'poor_start'])).toBe(false);
    expect(canDeriveRate('poor_start', ['poor_start', 'households_start'])).toBe(false);
  });

  it('give the excess rate against the province row, from counts', () => {
    const values = derivedRateValues(observations, 'rate_start', 'excess', () => '08');
    expect(values.get('071')).toBeCloseTo(2750 / 7633 / (24814 / 210299), 12);
    expect(values.has('073')).toBe(false); // a rate without counts is no data, not zero
  });

  it('give the smoothed rate in percent, between the raw rate and the prior mean', () => {
    const values = derivedRateValues(observations, 'rate_start', 'smoothed', () => '08');
    const prior = ((2750 + 3094) / (7633 + 10468)) * 100;
    const lamBinh = values.get('071')!;
    expect(lamBinh).toBeLessThanOrEqual((2750 / 7633) * 100);
    expect(lamBinh).toBeGreaterThanOrEqual(prior);
    expect(values.has('073')).toBe(false);
  });
});
