import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPlanResult, isPlan, isResult, type PairCandidate } from './plan-result.ts';

const candidate = (
  id: string,
  kind: PairCandidate['kind'],
  units: string[],
  year = 2021,
  targets: PairCandidate['targets'] = ['rate', 'poor'],
): PairCandidate => ({ id, kind, year, units: new Set(units), targets });

// The seeds as shipped: two plans, two reviews, each of its own district(s).
const tuyenQuangPlan = candidate('tuyen-quang-2020-plan', 'plan', ['070', '071', '072'], 2020);
const krongPaPlan = candidate('krong-pa-2021-plan', 'plan', ['637']);
const krongPaReport = candidate('krong-pa-2021-report', 'review', ['637'], 2021, ['poor']);
const rachGia = candidate('rach-gia-2022-review', 'review', ['899'], 2022);

describe('defaultPlanResult', () => {
  it('pairs the Krông Pa target with its report, though another plan is on the map', () => {
    expect(
      defaultPlanResult(
        [rachGia, krongPaReport, tuyenQuangPlan, krongPaPlan],
        'tuyen-quang-2020-plan',
      ),
    ).toEqual({ planId: 'krong-pa-2021-plan', resultId: 'krong-pa-2021-report' });
  });

  it('never takes a review as the plan, nor a plan as the result', () => {
    // A review listed first and on the map, with the same units as a plan.
    const review = candidate('review', 'review', ['637']);
    expect(defaultPlanResult([review, krongPaPlan], 'review')).toEqual({
      planId: 'krong-pa-2021-plan',
      resultId: 'review',
    });
    expect(
      defaultPlanResult([review, candidate('other-review', 'review', ['637'])], 'review'),
    ).toBeNull();
    expect(defaultPlanResult([krongPaPlan, candidate('p2', 'plan', ['637'])], 'p2')).toBeNull();
  });

  it('needs units and a target in common', () => {
    expect(defaultPlanResult([tuyenQuangPlan, krongPaReport], '')).toBeNull();
    const rateOnly = candidate('rate-only', 'plan', ['637'], 2021, ['rate']);
    expect(defaultPlanResult([rateOnly, krongPaReport], '')).toBeNull();
  });

  it('prefers the dataset on the map, then more units in common, then the nearest later year', () => {
    const wide = candidate('wide', 'review', ['070', '071', '072']);
    const narrow = candidate('narrow', 'review', ['070']);
    expect(defaultPlanResult([tuyenQuangPlan, narrow, wide], '')?.resultId).toBe('wide');
    expect(defaultPlanResult([tuyenQuangPlan, narrow, wide], 'narrow')?.resultId).toBe('narrow');
    const same = candidate('same-year', 'survey', ['070', '071', '072'], 2020);
    const later = candidate('later', 'review', ['070', '071', '072'], 2023);
    const earlier = candidate('earlier', 'review', ['070', '071', '072'], 2019);
    expect(defaultPlanResult([tuyenQuangPlan, earlier, later, same], '')?.resultId).toBe(
      'same-year',
    );
    expect(defaultPlanResult([tuyenQuangPlan, earlier, later], '')?.resultId).toBe('later');
  });

  it('whatever the datasets, a pair is a plan and a result with units in common', () => {
    const arbitrary = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      kind: fc.constantFrom(
        'plan' as const,
        'review' as const,
        'survey' as const,
        'scenario' as const,
      ),
      year: fc.integer({ min: 2010, max: 2030 }),
      units: fc
        .uniqueArray(fc.constantFrom('070', '071', '637'), { maxLength: 3 })
        .map((u) => new Set(u)),
      targets: fc.subarray(['rate', 'poor'] as const),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitrary, { selector: (c) => c.id, maxLength: 6 }),
        (candidates) => {
          const pair = defaultPlanResult(candidates, candidates[0]?.id ?? '');
          if (!pair) return;
          const plan = candidates.find((c) => c.id === pair.planId)!;
          const result = candidates.find((c) => c.id === pair.resultId)!;
          expect(isPlan(plan) && isResult(result)).toBe(true);
          expect([...plan.units].some((u) => result.units.has(u))).toBe(true);
        },
      ),
    );
  });
});
