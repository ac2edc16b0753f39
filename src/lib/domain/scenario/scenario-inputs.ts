import type { DatasetKind, Observation } from '../dataset.ts';
import type { IndicatorId } from '../indicators.ts';
import type { ScenarioScope, UnitGroup } from './scenario-definition.ts';

/** One unit's figures at the start of the horizon, as the engine reads them. */
export interface ScenarioUnitInput {
  code: string;
  name: string;
  provinceCode: string;
  households: number;
  poor: number;
  /** Households at the end of the base year, when the data has them: gives the growth. */
  householdsEnd: number | null;
  groups: UnitGroup[];
  /** The steepest one-year fall of the rate (points) the data records as achieved, if any. */
  bestPastReduction: number | null;
}

/**
 * Poor districts named in the seed documents. Tuyên Quang's 2020 plan: "Riêng các huyện nghèo
 * (Lâm Bình, Na Hang) giảm từ 4% trở lên" (071 Lâm Bình, 072 Na Hang, GSO codes).
 */
export const KNOWN_POOR_DISTRICTS: ReadonlySet<string> = new Set(['071', '072']);

export interface UnitLookup {
  name: string;
  provinceCode: string;
}

/** The units a scenario projects: a district table's districts or a province table's provinces. */
export type ScenarioLevel = 'district' | 'province';

/** The level a dataset's scenario projects: its own (provinces for a province table). */
export function scenarioLevelOf(dataset: { level: string } | null | undefined): ScenarioLevel {
  return dataset?.level === 'province' ? 'province' : 'district';
}

export interface ScenarioInputOptions {
  /** The units' level: the observations of that level are read (districts when not said). */
  level?: ScenarioLevel;
  /** The units' names and provinces by code (from the boundaries; a province is its own). */
  units: ReadonlyMap<string, UnitLookup>;
  scope?: ScenarioScope;
  poorDistricts?: ReadonlySet<string>;
  pastReductions?: ReadonlyMap<string, number>;
}

/**
 * The engine's inputs from one dataset's observations of one level (districts, or a province
 * table's provinces): households and poor households at the start (poor households from the
 * rate when only the rate is stored). Units without households, or outside the scope, are left
 * out; only districts are poor districts.
 */
export function scenarioUnitsFromObservations(
  observations: readonly Observation[],
  options: ScenarioInputOptions,
): ScenarioUnitInput[] {
  const scope = options.scope ?? { kind: 'nation' };
  const level = options.level ?? 'district';
  const poorDistricts =
    level === 'district' ? (options.poorDistricts ?? KNOWN_POOR_DISTRICTS) : new Set<string>();
  const byUnit = new Map<string, Partial<Record<Observation['indicator'], number>>>();
  for (const o of observations) {
    if (o.unitLevel !== level) continue;
    let values = byUnit.get(o.unitCode);
    if (!values) byUnit.set(o.unitCode, (values = {}));
    values[o.indicator] = o.value;
  }
  const inputs: ScenarioUnitInput[] = [];
  for (const [code, values] of byUnit) {
    const unit = options.units.get(code);
    if (!unit) continue;
    if (scope.kind === 'province' && unit.provinceCode !== scope.provinceCode) continue;
    const households = values.households_start;
    if (households === undefined || !(households > 0)) continue;
    const poor =
      values.poor_start ??
      (values.rate_start === undefined ? undefined : (values.rate_start * households) / 100);
    if (poor === undefined || !(poor >= 0)) continue;
    const householdsEnd = values.households_end;
    inputs.push({
      code,
      name: unit.name,
      provinceCode: unit.provinceCode,
      households,
      poor: Math.min(poor, households),
      householdsEnd: householdsEnd !== undefined && householdsEnd > 0 ? householdsEnd : null,
      groups: poorDistricts.has(code) ? ['poor-district'] : [],
      bestPastReduction: options.pastReductions?.get(code) ?? null,
    });
  }
  return inputs.sort((a, b) => a.code.localeCompare(b.code));
}

/** Why a dataset's figures give a scenario no units (see `scenarioUnitsFromObservations`). */
export type ScenarioInputProblem =
  | { kind: 'no-figures' }
  /** No unit has households at the start; `indicators` are what the units do have. */
  | { kind: 'no-households'; indicators: IndicatorId[] }
  /** Households, but neither poor households nor the rate at the start. */
  | { kind: 'no-poor'; indicators: IndicatorId[] };

/**
 * Why `scenarioUnitsFromObservations` finds no units in these observations (null when it finds
 * some): no figures of the level at all, no households at the start (the engine counts poor
 * households and exits, so a table of rates alone cannot be projected), or no poor households.
 */
export function scenarioInputProblem(
  observations: readonly Observation[],
  options: ScenarioInputOptions,
): ScenarioInputProblem | null {
  if (scenarioUnitsFromObservations(observations, options).length > 0) return null;
  const level = options.level ?? 'district';
  const atLevel = observations.filter(
    (o) => o.unitLevel === level && options.units.has(o.unitCode),
  );
  if (atLevel.length === 0) return { kind: 'no-figures' };
  const indicators = [...new Set(atLevel.map((o) => o.indicator))];
  const hasHouseholds = atLevel.some((o) => o.indicator === 'households_start' && o.value > 0);
  return { kind: hasHouseholds ? 'no-poor' : 'no-households', indicators };
}

/**
 * The steepest fall of the rate each district achieved, from datasets that record results
 * (annual reviews, surveys) — never from plans, whose reductions are targets, not achievements.
 */
export function bestPastReductions(
  datasets: readonly { id: string; kind: DatasetKind }[],
  observationsOf: (datasetId: string) => readonly Observation[],
): Map<string, number> {
  const best = new Map<string, number>();
  for (const dataset of datasets) {
    if (dataset.kind !== 'review' && dataset.kind !== 'survey') continue;
    const start = new Map<string, number>();
    const end = new Map<string, number>();
    const reduction = new Map<string, number>();
    for (const o of observationsOf(dataset.id)) {
      if (o.unitLevel !== 'district') continue;
      if (o.indicator === 'rate_reduction') reduction.set(o.unitCode, o.value);
      else if (o.indicator === 'rate_start') start.set(o.unitCode, o.value);
      else if (o.indicator === 'rate_end') end.set(o.unitCode, o.value);
    }
    for (const [code, rateStart] of start) {
      const rateEnd = end.get(code);
      if (rateEnd !== undefined && !reduction.has(code)) reduction.set(code, rateStart - rateEnd);
    }
    for (const [code, value] of reduction) {
      if (Number.isFinite(value) && value > (best.get(code) ?? -Infinity)) best.set(code, value);
    }
  }
  return best;
}
