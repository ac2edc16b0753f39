import type { Observation, UnitLevel } from '../dataset.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';

/**
 * Figures of the old units (before 1 July 2025) on the 34 new provinces. Old provinces were merged
 * whole into new ones, so counts sum exactly; a rate is recomputed from the summed counts (or
 * from rate × total when only those are stored), never averaged. A new province whose old units
 * the data covers only in part keeps the figure of the covered part and says how much that is.
 */

export interface EraTree {
  /** Each new province and the old provinces merged into it. */
  newProvinces: readonly { code: string; from: readonly string[] }[];
  /** The old districts of each old province. */
  districtsOf: ReadonlyMap<string, readonly string[]>;
}

export interface OldProvinceCoverage {
  code: string;
  covered: number;
  total: number;
}

export interface AggregatedValue {
  value: number;
  /** Old units (of the dataset's level) whose figures went into the value. */
  covered: number;
  /** Old units of that level making up the new province. */
  total: number;
  /** covered / total, 0..1. */
  share: number;
  partial: boolean;
  oldProvinces: OldProvinceCoverage[];
}

/** A rate change in points is the difference of two rates, each recomputed from its counts. */
const CHANGE_OF: Partial<Record<IndicatorId, [IndicatorId, IndicatorId]>> = {
  rate_reduction: ['rate_start', 'rate_end'],
};

/** Whether an indicator can be carried from old units to new provinces. */
export function isAggregable(indicator: IndicatorId): boolean {
  const definition = INDICATORS[indicator];
  return definition.kind !== 'change' || CHANGE_OF[indicator] !== undefined;
}

interface Item {
  values: ReadonlyMap<IndicatorId, number>;
  /** Old units this item stands for at the dataset's level. */
  weight: number;
}

/** What one item contributes to an indicator: a sum, or a numerator over a denominator. */
type Part = { kind: 'sum'; value: number } | { kind: 'ratio'; count: number; total: number };

type ValuesByUnit = ReadonlyMap<string, ReadonlyMap<IndicatorId, number>>;

/**
 * The grouping of each figures array, made once: the map sums the same figures again for each
 * indicator, each class change and each panel (a commune table's 10,000 figures were grouped
 * again on every one, in the long task that draws a saved commune table). Figures arrays are
 * replaced, never changed in place, so the array is the key.
 */
const grouped = new WeakMap<readonly Observation[], ValuesByUnit>();

/**
 * Groups a figures array for the sums to come (once; see `grouped`), so that the work can be
 * done in a task before the figures are shown rather than in the one that draws them.
 */
export function groupFigures(observations: readonly Observation[]): void {
  valuesByUnit(observations);
}

/** Each unit's indicator values, keyed `level:code`. */
function valuesByUnit(observations: readonly Observation[]): ValuesByUnit {
  const known = grouped.get(observations);
  if (known) return known;
  const byUnit = new Map<string, Map<IndicatorId, number>>();
  for (const o of observations) {
    const key = `${o.unitLevel}:${o.unitCode}`;
    const values = byUnit.get(key) ?? new Map<IndicatorId, number>();
    values.set(o.indicator, o.value);
    byUnit.set(key, values);
  }
  grouped.set(observations, byUnit);
  return byUnit;
}

export function aggregateToNewProvinces(
  observations: readonly Observation[],
  indicator: IndicatorId,
  level: UnitLevel,
  tree: EraTree,
): Map<string, AggregatedValue> {
  const byUnit = valuesByUnit(observations);
  const result = new Map<string, AggregatedValue>();
  for (const province of tree.newProvinces) {
    const oldProvinces: OldProvinceCoverage[] = [];
    const contributions: Item[] = [];
    for (const oldCode of province.from) {
      const districts = tree.districtsOf.get(oldCode) ?? [];
      const total = level === 'province' ? 1 : Math.max(1, districts.length);
      // The province's own row is its total as printed; its districts are used only without it.
      const own = byUnit.get(`province:${oldCode}`);
      const items: Item[] =
        own && contributes(own, indicator)
          ? [{ values: own, weight: total }]
          : level === 'province'
            ? []
            : districts.flatMap((d) => {
                const values = byUnit.get(`district:${d}`);
                return values && contributes(values, indicator) ? [{ values, weight: 1 }] : [];
              });
      const covered = items.reduce((sum, item) => sum + item.weight, 0);
      oldProvinces.push({ code: oldCode, covered, total });
      contributions.push(...items);
    }
    const value = combine(contributions, indicator);
    if (value === null) continue;
    const covered = oldProvinces.reduce((sum, p) => sum + p.covered, 0);
    const total = oldProvinces.reduce((sum, p) => sum + p.total, 0);
    result.set(province.code, {
      value,
      covered,
      total,
      share: total > 0 ? covered / total : 0,
      partial: covered < total,
      oldProvinces,
    });
  }
  return result;
}

/**
 * A 2025 commune dataset on the 34 provinces: each province's counts are the sums of its
 * communes', a rate is recomputed from the summed counts (poor households / households), never
 * averaged. A province row of the table (its total as printed) wins over its communes' sum.
 * `covered`/`total` count the communes with data among the province's.
 */
export function aggregateCommunesToProvinces(
  observations: readonly Observation[],
  indicator: IndicatorId,
  communesOf: ReadonlyMap<string, readonly string[]>,
): Map<string, AggregatedValue> {
  const byUnit = valuesByUnit(observations);
  const result = new Map<string, AggregatedValue>();
  for (const [province, communes] of communesOf) {
    const total = Math.max(1, communes.length);
    const own = byUnit.get(`province:${province}`);
    const items: Item[] =
      own && contributes(own, indicator)
        ? [{ values: own, weight: total }]
        : communes.flatMap((code) => {
            const values = byUnit.get(`commune:${code}`);
            return values && contributes(values, indicator) ? [{ values, weight: 1 }] : [];
          });
    const value = combine(items, indicator);
    if (value === null) continue;
    const covered = items.reduce((sum, item) => sum + item.weight, 0);
    result.set(province, {
      value,
      covered,
      total,
      share: covered / total,
      partial: covered < total,
      oldProvinces: [],
    });
  }
  return result;
}

function contributes(values: ReadonlyMap<IndicatorId, number>, indicator: IndicatorId): boolean {
  const change = CHANGE_OF[indicator];
  if (change) return change.every((rate) => partOf(values, rate) !== null);
  return partOf(values, indicator) !== null;
}

function partOf(values: ReadonlyMap<IndicatorId, number>, indicator: IndicatorId): Part | null {
  const definition = INDICATORS[indicator];
  if (definition.kind === 'count') {
    const value = values.get(indicator);
    return value === undefined ? null : { kind: 'sum', value };
  }
  if (definition.kind === 'rate' && definition.ratio) {
    const total = values.get(definition.ratio.total);
    const count = values.get(definition.ratio.count);
    const rate = values.get(indicator);
    if (total !== undefined && total > 0) {
      if (count !== undefined) return { kind: 'ratio', count, total };
      if (rate !== undefined) return { kind: 'ratio', count: (rate * total) / 100, total };
    }
    // A rate alone can stand only for itself: usable when it is the one item (see combine).
    return rate === undefined ? null : { kind: 'ratio', count: rate, total: Number.NaN };
  }
  return null;
}

function combine(items: readonly Item[], indicator: IndicatorId): number | null {
  if (items.length === 0) return null;
  const change = CHANGE_OF[indicator];
  if (change) {
    const [start, end] = change.map((rate) => combine(items, rate));
    return start === null || end === null || start === undefined || end === undefined
      ? null
      : start - end;
  }
  const parts = items.flatMap((item) => partOf(item.values, indicator) ?? []);
  if (parts.length !== items.length) return null;
  let sum = 0;
  let count = 0;
  let total = 0;
  for (const part of parts) {
    if (part.kind === 'sum') sum += part.value;
    else {
      count += part.count;
      total += part.total;
    }
  }
  if (parts[0]?.kind === 'sum') return sum;
  if (Number.isNaN(total)) {
    // Rates without their totals cannot be weighted; one such rate is exact, several are not.
    const [only] = parts;
    return parts.length === 1 && only?.kind === 'ratio' ? only.count : null;
  }
  return total > 0 ? (count / total) * 100 : null;
}

/** Why a district dataset's indicator cannot be summed to provinces, or null when it can. */
export type ProvinceSumProblem = 'rates-only' | 'not-summable';

/**
 * Whether an indicator of a district table can be shown on its provinces: counts sum; a rate is
 * re-derived from its counts, so it needs at least its total (households); a change needs its two
 * rates. A table of rates alone cannot be weighted, and a rate is never averaged.
 */
export function provinceSumProblem(
  indicator: IndicatorId,
  available: readonly IndicatorId[],
): ProvinceSumProblem | null {
  const rates = CHANGE_OF[indicator] ?? [indicator];
  for (const rate of rates) {
    const definition = INDICATORS[rate];
    if (definition.kind === 'count') continue;
    if (definition.kind !== 'rate' || !definition.ratio) return 'not-summable';
    if (!available.includes(definition.ratio.total)) return 'rates-only';
  }
  return null;
}

/**
 * A 2019 district table on its 63 provinces: counts summed, rates re-derived from the summed
 * counts (a province's own printed row wins). Only provinces whose every district has figures are
 * given a value: the sum of some districts is not the province's figure.
 */
export function sumDistrictsToProvinces(
  observations: readonly Observation[],
  indicator: IndicatorId,
  districtsOf: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const tree: EraTree = {
    newProvinces: [...districtsOf.keys()].map((code) => ({ code, from: [code] })),
    districtsOf,
  };
  const sums = new Map<string, number>();
  for (const [code, sum] of aggregateToNewProvinces(observations, indicator, 'district', tree)) {
    if (!sum.partial) sums.set(code, sum.value);
  }
  return sums;
}
