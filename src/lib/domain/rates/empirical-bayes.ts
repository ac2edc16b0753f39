/** A unit's count (poor households) out of its total (households). */
export interface UnitCounts {
  code: string;
  count: number;
  total: number;
}

export interface EmpiricalBayesRates {
  /** The prior mean: total count / total of totals, a proportion. */
  priorMean: number;
  /** The prior variance between units, a proportion squared; 0 when the rates vary no more than chance. */
  priorVariance: number;
  /** The smoothed rate of each unit, a proportion. */
  rates: Map<string, number>;
}

/** A unit the smoothing can use: a positive total and a count from zero up. */
export function hasUsableCounts(unit: UnitCounts): boolean {
  return (
    Number.isFinite(unit.total) && unit.total > 0 && Number.isFinite(unit.count) && unit.count >= 0
  );
}

/**
 * Global empirical Bayes smoothing by Marshall's method of moments (Marshall 1991, "Mapping
 * disease and mortality rates using empirical Bayes estimators"). Each unit's rate is pulled
 * towards the overall rate, the more the fewer households it has:
 *   m = Σ count / Σ total;  s² = Σ total·(rate − m)² / Σ total;  A = max(0, s² − m / mean total);
 *   smoothed = m + A / (A + m / total) · (rate − m).
 * Units without a positive total are left out (they have no rate to smooth).
 */
export function smoothRates(units: readonly UnitCounts[]): EmpiricalBayesRates {
  const usable = units.filter(hasUsableCounts);
  let count = 0;
  let total = 0;
  for (const unit of usable) {
    count += unit.count;
    total += unit.total;
  }
  const rates = new Map<string, number>();
  if (usable.length === 0) return { priorMean: 0, priorVariance: 0, rates };
  const mean = count / total;
  let weightedSquares = 0;
  for (const unit of usable) weightedSquares += unit.total * (unit.count / unit.total - mean) ** 2;
  const variance = weightedSquares / total;
  const priorVariance = Math.max(0, variance - mean / (total / usable.length));
  for (const unit of usable) {
    const raw = unit.count / unit.total;
    // With no poor households anywhere every rate is 0 already; the shrinkage would be 0/0.
    const shrink = mean === 0 ? 1 : priorVariance / (priorVariance + mean / unit.total);
    rates.set(unit.code, mean + shrink * (raw - mean));
  }
  return { priorMean: mean, priorVariance, rates };
}
