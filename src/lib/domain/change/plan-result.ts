import type { DatasetKind } from '../dataset.ts';
import type { TargetMeasure } from './compare-datasets.ts';

/**
 * Which datasets plan against result opens with. A plan's targets are never read as a result,
 * nor a review's results as targets: only a plan can be the plan, only a review or a survey the
 * result. Of the possible pairs it takes one that can be compared — the same units and a target
 * both state — preferring the dataset on the map, then the most units in common, then a result
 * from the plan's year or just after.
 */
export interface PairCandidate {
  id: string;
  kind: DatasetKind;
  year: number;
  /** Codes of the units the dataset states a reduction for. */
  units: ReadonlySet<string>;
  targets: readonly TargetMeasure[];
}

export function isPlan(candidate: Pick<PairCandidate, 'kind'>): boolean {
  return candidate.kind === 'plan';
}

export function isResult(candidate: Pick<PairCandidate, 'kind'>): boolean {
  return candidate.kind === 'review' || candidate.kind === 'survey';
}

export function defaultPlanResult(
  candidates: readonly PairCandidate[],
  currentId: string,
): { planId: string; resultId: string } | null {
  let best: { planId: string; resultId: string; score: number[] } | null = null;
  for (const plan of candidates.filter(isPlan)) {
    for (const result of candidates.filter(isResult)) {
      const shared = [...plan.units].filter((code) => result.units.has(code)).length;
      if (shared === 0 || !plan.targets.some((t) => result.targets.includes(t))) continue;
      const gap = result.year - plan.year;
      const score = [
        plan.id === currentId || result.id === currentId ? 1 : 0,
        shared,
        gap >= 0 ? -gap : -100 + gap,
      ];
      if (!best || compareScores(score, best.score) > 0) {
        best = { planId: plan.id, resultId: result.id, score };
      }
    }
  }
  return best && { planId: best.planId, resultId: best.resultId };
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return 0;
}
