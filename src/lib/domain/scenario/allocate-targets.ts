import type { AllocationRule, RemainderRule } from './scenario-definition.ts';

/**
 * Turns an overall reduction into one reduction per unit for one year. Every rule has the same
 * shape: reductionᵢ = baseᵢ + k·slopeᵢ, clamped to [lowerᵢ, upperᵢ], with one k chosen so that the
 * household-weighted reductions add up to the overall one. The end rate of the scope is the
 * weighted mean of the units' end rates, so the total holds exactly.
 */
export interface YearAllocationInput {
  /** Poverty rate (%) at the start of the year. */
  rate: Float64Array;
  /** Poor households at the start of the year. */
  poor: Float64Array;
  /** Households at the end of the year: the weights of the end rate. */
  householdsNext: Float64Array;
  /** Group minimum (points), or 0. */
  lower: Float64Array;
  /** Steepest allowed reduction: the cap, and the rate less its floor. */
  upper: Float64Array;
  /** The manual rule's locked reductions (points); NaN where a unit is free. */
  locked: Float64Array;
  /** Σ weightᵢ·reductionᵢ needed, weights = householdsNextᵢ / Σ householdsNext. */
  requiredReduction: number;
}

export interface AllocationProblem {
  base: Float64Array;
  slope: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  weight: Float64Array;
  /** NaN where free; otherwise the unit's fixed reduction. */
  fixed: Float64Array;
  required: number;
}

const BISECTION_STEPS = 64;

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/**
 * Solves Σ wᵢ·clamp(aᵢ + k·sᵢ, loᵢ, hiᵢ) = required over the free units (slopes ≥ 0, so the sum
 * rises with k). Bisection finds which units are clamped; one linear step then gives the exact k.
 * When the bounds cannot reach the total, every free unit ends at the nearer bound.
 */
export function solveAllocation(problem: AllocationProblem, out: Float64Array): void {
  const { base, slope, lower, upper, weight, fixed } = problem;
  const n = base.length;
  let need = problem.required;
  let kMin = Infinity;
  let kMax = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const f = fixed[i]!;
    if (!Number.isNaN(f)) {
      out[i] = f;
      need -= weight[i]! * f;
      continue;
    }
    const s = slope[i]!;
    if (s > 0) {
      const kLow = (lower[i]! - base[i]!) / s;
      const kHigh = (upper[i]! - base[i]!) / s;
      if (kLow < kMin) kMin = kLow;
      if (kHigh > kMax) kMax = kHigh;
    }
  }
  const total = (k: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      if (!Number.isNaN(fixed[i]!)) continue;
      sum += weight[i]! * clamp(base[i]! + k * slope[i]!, lower[i]!, upper[i]!);
    }
    return sum;
  };
  let k: number;
  if (!(kMax >= kMin)) {
    // No free unit responds to k (all slopes zero): each keeps its clamped base.
    k = 0;
  } else if (need <= total(kMin)) {
    k = kMin;
  } else if (need >= total(kMax)) {
    k = kMax;
  } else {
    let low = kMin;
    let high = kMax;
    const tolerance = 1e-12 * Math.max(1, Math.abs(need));
    k = (low + high) / 2;
    for (let step = 1; step <= BISECTION_STEPS; step += 1) {
      const mid = (low + high) / 2;
      if (total(mid) < need) low = mid;
      else high = mid;
      // Once no clamp changes inside [low, high], the linear step is exact: stop early.
      if (step % 4 === 0 || step === BISECTION_STEPS) {
        k = exactK((low + high) / 2, problem, need);
        if (k >= low && k <= high && Math.abs(total(k) - need) <= tolerance) break;
        k = (low + high) / 2;
      }
    }
  }
  for (let i = 0; i < n; i += 1) {
    if (Number.isNaN(fixed[i]!)) out[i] = clamp(base[i]! + k * slope[i]!, lower[i]!, upper[i]!);
  }
}

/** With the clamped units known at k, the free ones are linear in k: solve it directly. */
function exactK(k: number, problem: AllocationProblem, need: number): number {
  const { base, slope, lower, upper, weight, fixed } = problem;
  let rest = need;
  let slopeSum = 0;
  for (let i = 0; i < base.length; i += 1) {
    if (!Number.isNaN(fixed[i]!)) continue;
    const value = base[i]! + k * slope[i]!;
    const w = weight[i]!;
    if (value <= lower[i]!) rest -= w * lower[i]!;
    else if (value >= upper[i]!) rest -= w * upper[i]!;
    else {
      rest -= w * base[i]!;
      slopeSum += w * slope[i]!;
    }
  }
  return slopeSum > 0 ? rest / slopeSum : k;
}

/** The base and slope of a rule: equal points, ∝ rate, or the same share of poor households. */
export function ruleShape(
  rule: RemainderRule,
  input: Pick<YearAllocationInput, 'rate' | 'poor' | 'householdsNext'>,
): { base: Float64Array; slope: Float64Array } {
  const n = input.rate.length;
  const base = new Float64Array(n);
  const slope = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const rate = input.rate[i]!;
    if (rule === 'equal-points') {
      slope[i] = 1;
    } else if (rule === 'proportional-to-rate') {
      slope[i] = rate;
    } else {
      // k is the share of poor households leaving: end rate = (1 − k)·poor / householdsNext.
      const rateOnNext = (100 * input.poor[i]!) / input.householdsNext[i]!;
      base[i] = rate - rateOnNext;
      slope[i] = rateOnNext;
    }
  }
  return { base, slope };
}

/** The weights of the end rate: each unit's share of the scope's end-of-year households. */
export function endRateWeights(householdsNext: Float64Array): Float64Array {
  let total = 0;
  for (const h of householdsNext) total += h;
  const weight = new Float64Array(householdsNext.length);
  if (total > 0) for (let i = 0; i < weight.length; i += 1) weight[i] = householdsNext[i]! / total;
  return weight;
}

/** One year's reductions (points) per unit under `rule`. */
export function allocateTargets(
  input: YearAllocationInput,
  rule: AllocationRule,
  remainderRule: RemainderRule,
): Float64Array {
  const n = input.rate.length;
  const weight = endRateWeights(input.householdsNext);
  // A group minimum above what the unit can do yields to the unit's limit (and is flagged).
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i += 1) lower[i] = Math.min(input.lower[i]!, input.upper[i]!);
  const shapeRule: RemainderRule =
    rule === 'group-minimums-first' || rule === 'manual' ? remainderRule : rule;
  const { base, slope } = ruleShape(shapeRule, input);
  const out = new Float64Array(n);
  const problem: AllocationProblem = {
    base,
    slope,
    lower,
    upper: input.upper,
    weight,
    fixed: new Float64Array(n).fill(Number.NaN),
    required: input.requiredReduction,
  };
  if (rule === 'manual') {
    problem.fixed = input.locked;
    solveAllocation(problem, out);
    return out;
  }
  if (rule !== 'group-minimums-first') {
    solveAllocation(problem, out);
    return out;
  }
  // First the group units at their minimum and the rest by the remainder rule…
  const fixed = new Float64Array(n).fill(Number.NaN);
  let hasGroup = false;
  for (let i = 0; i < n; i += 1) {
    if (input.lower[i]! > 0) {
      fixed[i] = lower[i]!;
      hasGroup = true;
    }
  }
  solveAllocation({ ...problem, fixed }, out);
  if (!hasGroup) return out;
  let achieved = 0;
  for (let i = 0; i < n; i += 1) achieved += weight[i]! * out[i]!;
  if (achieved >= input.requiredReduction - 1e-12) return out;
  // …and only when the others are at their limits, the group units above their minimum.
  const second = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i += 1) if (!(input.lower[i]! > 0)) second[i] = out[i]!;
  solveAllocation({ ...problem, fixed: second }, out);
  return out;
}
