import type { Observation } from '../dataset.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';
import { smoothRates, type UnitCounts } from './empirical-bayes.ts';
import { excessRatios } from './excess-rate.ts';

/**
 * Views of a rate computed from its counts: the empirical-Bayes-smoothed rate (steadier for small
 * districts) and the excess rate (the district's rate × its province's).
 */
export const RATE_DERIVATIONS = ['smoothed', 'excess'] as const;
export type RateDerivation = (typeof RATE_DERIVATIONS)[number];

export function isRateDerivation(value: unknown): value is RateDerivation {
  return typeof value === 'string' && (RATE_DERIVATIONS as readonly string[]).includes(value);
}

/** A rate can be derived only when the dataset carries its count and its total. */
export function canDeriveRate(indicator: IndicatorId, available: readonly IndicatorId[]): boolean {
  const ratio = INDICATORS[indicator].ratio;
  return !!ratio && available.includes(ratio.count) && available.includes(ratio.total);
}

/** Count and total per unit at one level, for the units that have both. */
export function countsOf(
  observations: readonly Observation[],
  indicator: IndicatorId,
  level: Observation['unitLevel'],
): UnitCounts[] {
  const ratio = INDICATORS[indicator].ratio;
  if (!ratio) throw new RangeError(`${indicator} is not a rate with a count and a total`);
  const counts = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const o of observations) {
    if (o.unitLevel !== level) continue;
    if (o.indicator === ratio.count) counts.set(o.unitCode, o.value);
    else if (o.indicator === ratio.total) totals.set(o.unitCode, o.value);
  }
  return [...counts].flatMap(([code, count]) => {
    const total = totals.get(code);
    return total === undefined ? [] : [{ code, count, total }];
  });
}

/**
 * The derived value per district: the smoothed rate in percent, or the excess ratio. Districts
 * without both counts have none (no data), never zero.
 */
export function derivedRateValues(
  observations: readonly Observation[],
  indicator: IndicatorId,
  derivation: RateDerivation,
  provinceOf: (districtCode: string) => string | undefined,
): Map<string, number> {
  const districts = countsOf(observations, indicator, 'district');
  if (derivation === 'smoothed') {
    const { rates } = smoothRates(districts);
    return new Map([...rates].map(([code, rate]) => [code, rate * 100]));
  }
  const provinces = new Map(
    countsOf(observations, indicator, 'province').map(({ code, ...counts }) => [code, counts]),
  );
  return excessRatios(
    districts.map((d) => ({ ...d, provinceCode: provinceOf(d.code) ?? null })),
    provinces,
  );
}
