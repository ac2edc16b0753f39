import type { Observation, UnitLevel } from '../dataset.ts';
import type { IndicatorId, IndicatorUnit } from '../indicators.ts';

/**
 * Comparing two datasets unit by unit, matched by unit code. A unit missing from either side has
 * no comparison (no data on the map), never a zero.
 */

/** The values of one indicator per unit at one level. */
export function valuesOf(
  observations: readonly Observation[],
  indicator: IndicatorId,
  level: UnitLevel = 'district',
): Map<string, number> {
  const values = new Map<string, number>();
  for (const o of observations) {
    if (o.unitLevel === level && o.indicator === indicator) values.set(o.unitCode, o.value);
  }
  return values;
}

/** `current − base` for every unit in both: the points of change between two datasets or years. */
export function differenceByUnit(
  current: ReadonlyMap<string, number>,
  base: ReadonlyMap<string, number>,
): Map<string, number> {
  const difference = new Map<string, number>();
  for (const [code, value] of current) {
    const before = base.get(code);
    if (before !== undefined) difference.set(code, value - before);
  }
  return difference;
}

/** A difference of rates is in percentage points; of anything else, in its own unit. */
export function differenceUnit(unit: IndicatorUnit): IndicatorUnit {
  return unit === 'percent' ? 'points' : unit;
}

/** What a plan's target and a result's achievement are measured in: a cut in the rate or in poor households. */
export const TARGET_MEASURES = ['rate', 'poor'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/** Each target's stated reduction, and the start and end figures it is the difference of. */
const REDUCTIONS: Record<
  TargetMeasure,
  [reduction: IndicatorId, start: IndicatorId, end: IndicatorId]
> = {
  rate: ['rate_reduction', 'rate_start', 'rate_end'],
  poor: ['poor_reduced', 'poor_start', 'poor_end'],
};

/** The targets a dataset can state: its reduction, or both the start and end figures. */
export function targetMeasuresOf(indicators: readonly IndicatorId[]): TargetMeasure[] {
  return TARGET_MEASURES.filter((measure) => {
    const [reduction, start, end] = REDUCTIONS[measure];
    return (
      indicators.includes(reduction) || (indicators.includes(start) && indicators.includes(end))
    );
  });
}

/**
 * The reduction per unit (points of the rate, or poor households): as stated, else start − end.
 * In a plan it is the target; in a review, what was achieved.
 */
export function reductionsOf(
  observations: readonly Observation[],
  measure: TargetMeasure,
  level: UnitLevel = 'district',
): Map<string, number> {
  const [reductionId, startId, endId] = REDUCTIONS[measure];
  const stated = valuesOf(observations, reductionId, level);
  const start = valuesOf(observations, startId, level);
  const end = valuesOf(observations, endId, level);
  const reductions = new Map<string, number>();
  for (const [code, before] of start) {
    const after = end.get(code);
    if (after !== undefined) reductions.set(code, before - after);
  }
  for (const [code, value] of stated) reductions.set(code, value);
  return reductions;
}

export interface Achievement {
  /** The planned reduction. */
  target: number;
  /** The reduction achieved. */
  achieved: number;
  /** achieved ÷ target × 100. */
  percent: number;
}

/**
 * Achievement as a percentage of target per unit in both the plan and the result. A target of
 * zero or below (no cut planned) has no percentage, so the unit is left out.
 */
export function achievementByUnit(
  targets: ReadonlyMap<string, number>,
  results: ReadonlyMap<string, number>,
): Map<string, Achievement> {
  const achievements = new Map<string, Achievement>();
  for (const [code, target] of targets) {
    const achieved = results.get(code);
    if (achieved === undefined || !(target > 0)) continue;
    achievements.set(code, { target, achieved, percent: (achieved / target) * 100 });
  }
  return achievements;
}
