import { hasUsableCounts, type UnitCounts } from './empirical-bayes.ts';

export interface DistrictCounts extends UnitCounts {
  /** The district's province, or null when the boundaries do not know the code. */
  provinceCode: string | null;
}

/**
 * Each district's rate divided by its province's rate (1,35 × = a third above the province).
 * The province's rate comes from counts, never from averaging rates: the province row's own
 * counts when the dataset has them, else the sum of its districts' counts. A district whose
 * province is unknown is compared with the whole dataset's rate. A reference rate of zero gives
 * no ratio.
 */
export function excessRatios(
  districts: readonly DistrictCounts[],
  provinceCounts: ReadonlyMap<string, Omit<UnitCounts, 'code'>> = new Map(),
): Map<string, number> {
  const usable = districts.filter(hasUsableCounts);
  const summed = new Map<string | null, { count: number; total: number }>();
  const all = { count: 0, total: 0 };
  for (const d of usable) {
    const sum = summed.get(d.provinceCode) ?? { count: 0, total: 0 };
    sum.count += d.count;
    sum.total += d.total;
    summed.set(d.provinceCode, sum);
    all.count += d.count;
    all.total += d.total;
  }
  const referenceRate = (provinceCode: string | null): number => {
    const row = provinceCode === null ? undefined : provinceCounts.get(provinceCode);
    if (row && hasUsableCounts({ code: provinceCode!, ...row })) return row.count / row.total;
    const sum = provinceCode === null ? all : summed.get(provinceCode)!;
    return sum.count / sum.total;
  };
  const ratios = new Map<string, number>();
  for (const d of usable) {
    const reference = referenceRate(d.provinceCode);
    if (reference > 0) ratios.set(d.code, d.count / d.total / reference);
  }
  return ratios;
}
