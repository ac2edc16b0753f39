import { seedState } from '../random.ts';
import type { ScenarioDefinition } from './scenario-definition.ts';
import type { ScenarioResult } from './project-scenario.ts';

/**
 * Monte Carlo of a projected scenario: each draw replays every unit's years with the share of
 * planned exits that succeed, the new-poor rate and the re-poverty rate drawn uniformly from the
 * planner's ranges (the seeds name inflow as the programme's weak spot). Seeded, so a run is
 * reproducible; done in steps, so a worker can report progress and be cancelled between them.
 */
export interface MonteCarloInput {
  units: number;
  years: number;
  /** units × (years + 1), unit-major: households at the start and at each year's end. */
  households: Float64Array;
  poorStart: Float64Array;
  /** units × years: the gross exits the plan needs. */
  plannedExits: Float64Array;
  /**
   * units × years: what the plan's poor households change by beyond exits and inflow (non-zero
   * only where households shrink faster than the poor need to leave), so draws replay the plan.
   */
  drift: Float64Array;
  /** Each unit's planned rate at the horizon. */
  plannedRate: Float64Array;
  /** The scope's target rate at the horizon. */
  targetRate: number;
}

export type MonteCarloOptions = ScenarioDefinition['uncertainty'];

export interface MonteCarloResult {
  draws: number;
  /** The scope's rate at the horizon in every draw, sorted ascending. */
  overall: Float64Array;
  probabilityTargetMet: number;
  /** Per unit (input order): mean and 10th/50th/90th percentile of the horizon rate. */
  unitMean: Float64Array;
  unitP10: Float64Array;
  unitP50: Float64Array;
  unitP90: Float64Array;
  /** Share of draws in which the unit ends at or below its planned rate. */
  unitProbabilityMet: Float64Array;
}

/** Unit percentiles come from histograms of this width (points), over 0–100 %. */
export const UNIT_BIN_POINTS = 0.05;
const UNIT_BINS = Math.round(100 / UNIT_BIN_POINTS) + 1;
const EPSILON = 1e-9;

/** The arrays a worker needs, taken from a deterministic projection. */
export function monteCarloInput(result: ScenarioResult): MonteCarloInput {
  const units = result.units.length;
  const years = result.total.exits.length;
  const households = new Float64Array(units * (years + 1));
  const plannedExits = new Float64Array(units * years);
  const drift = new Float64Array(units * years);
  const poorStart = new Float64Array(units);
  const plannedRate = new Float64Array(units);
  result.units.forEach((unit, i) => {
    households.set(unit.households, i * (years + 1));
    plannedExits.set(unit.exits, i * years);
    for (let t = 0; t < years; t += 1) {
      const replayed = unit.poor[t]! - unit.exits[t]! + unit.rePoverty[t]! + unit.newPoor[t]!;
      drift[i * years + t] = unit.poor[t + 1]! - replayed;
    }
    poorStart[i] = unit.poor[0]!;
    plannedRate[i] = unit.rate[years]!;
  });
  return {
    units,
    years,
    households,
    poorStart,
    plannedExits,
    drift,
    plannedRate,
    targetRate: result.total.targetRate[years]!,
  };
}

export interface MonteCarloRun {
  readonly total: number;
  readonly completed: number;
  /** Runs up to `draws` more draws; returns how many are complete. */
  step(draws: number): number;
  result(): MonteCarloResult;
}

export function createMonteCarloRun(
  input: MonteCarloInput,
  options: MonteCarloOptions,
): MonteCarloRun {
  const { units, years, households, poorStart, plannedExits, drift, plannedRate, targetRate } =
    input;
  const total = options.draws;
  const [successLow, successHigh] = options.exitSuccessPercent.map((v) => v / 100) as [
    number,
    number,
  ];
  const [newPoorLow, newPoorHigh] = options.newPoorPercent.map((v) => v / 100) as [number, number];
  const [reLow, reHigh] = options.rePovertyPercent.map((v) => v / 100) as [number, number];
  const successWidth = successHigh - successLow;
  const newPoorWidth = newPoorHigh - newPoorLow;
  const reWidth = reHigh - reLow;

  let householdsAtHorizon = 0;
  for (let i = 0; i < units; i += 1) householdsAtHorizon += households[i * (years + 1) + years]!;

  const overall = new Float64Array(total);
  const histogram = new Uint32Array(units * UNIT_BINS);
  const sum = new Float64Array(units);
  const met = new Uint32Array(units);
  let completed = 0;

  // The generator's state lives in locals inside the draw loop (the same sfc32 sequence as
  // createRandom): a call per draw of 105 million would cost more than the simulation itself.
  const rng = seedState(options.seed);

  function step(draws: number): number {
    const end = Math.min(total, completed + draws);
    let a = rng[0]!;
    let b = rng[1]!;
    let c = rng[2]!;
    let d = rng[3]!;
    for (let draw = completed; draw < end; draw += 1) {
      let poorAtHorizon = 0;
      for (let i = 0; i < units; i += 1) {
        let poor = poorStart[i]!;
        const row = i * (years + 1);
        const flow = i * years;
        for (let t = 0; t < years; t += 1) {
          const h = households[row + t]!;
          let r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (c << 21) | (c >>> 11);
          c = (c + r) | 0;
          const success = successLow + successWidth * ((r >>> 0) / 4294967296);
          r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (c << 21) | (c >>> 11);
          c = (c + r) | 0;
          const newPoorShare = newPoorLow + newPoorWidth * ((r >>> 0) / 4294967296);
          r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (c << 21) | (c >>> 11);
          c = (c + r) | 0;
          const reShare = reLow + reWidth * ((r >>> 0) / 4294967296);
          const exits = success * plannedExits[flow + t]!;
          poor += newPoorShare * (h - poor) - (1 - reShare) * exits + drift[flow + t]!;
          const next = households[row + t + 1]!;
          if (poor < 0) poor = 0;
          else if (poor > next) poor = next;
        }
        poorAtHorizon += poor;
        const rate = (100 * poor) / households[row + years]!;
        sum[i]! += rate;
        if (rate <= plannedRate[i]! + EPSILON) met[i]! += 1;
        const bin = Math.min(UNIT_BINS - 1, Math.floor(rate / UNIT_BIN_POINTS));
        histogram[i * UNIT_BINS + bin]! += 1;
      }
      overall[draw] = householdsAtHorizon > 0 ? (100 * poorAtHorizon) / householdsAtHorizon : 0;
    }
    rng[0] = a;
    rng[1] = b;
    rng[2] = c;
    rng[3] = d;
    completed = end;
    return completed;
  }

  function result(): MonteCarloResult {
    const draws = completed;
    const sorted = overall.slice(0, draws).sort();
    let overallMet = 0;
    for (const rate of sorted) if (rate <= targetRate + EPSILON) overallMet += 1;
    const unitMean = new Float64Array(units);
    const unitP10 = new Float64Array(units);
    const unitP50 = new Float64Array(units);
    const unitP90 = new Float64Array(units);
    const unitProbabilityMet = new Float64Array(units);
    for (let i = 0; i < units; i += 1) {
      unitMean[i] = draws ? sum[i]! / draws : Number.NaN;
      unitProbabilityMet[i] = draws ? met[i]! / draws : Number.NaN;
      const [p10, p50, p90] = histogramQuantiles(
        histogram.subarray(i * UNIT_BINS, (i + 1) * UNIT_BINS),
        draws,
        [0.1, 0.5, 0.9],
      );
      unitP10[i] = p10!;
      unitP50[i] = p50!;
      unitP90[i] = p90!;
    }
    return {
      draws,
      overall: sorted,
      probabilityTargetMet: draws ? overallMet / draws : Number.NaN,
      unitMean,
      unitP10,
      unitP50,
      unitP90,
      unitProbabilityMet,
    };
  }

  return {
    total,
    get completed() {
      return completed;
    },
    step,
    result,
  };
}

/** Bin midpoints at the given cumulative shares. */
function histogramQuantiles(bins: Uint32Array, count: number, shares: number[]): number[] {
  if (count === 0) return shares.map(() => Number.NaN);
  const out: number[] = [];
  let cumulative = 0;
  let bin = 0;
  for (const share of shares) {
    const wanted = Math.max(1, Math.ceil(share * count));
    while (bin < bins.length - 1 && cumulative + bins[bin]! < wanted) {
      cumulative += bins[bin]!;
      bin += 1;
    }
    out.push(Math.min(100, (bin + 0.5) * UNIT_BIN_POINTS));
  }
  return out;
}

/** All draws at once (tests, benchmarks). */
export function runMonteCarlo(
  input: MonteCarloInput,
  options: MonteCarloOptions,
): MonteCarloResult {
  const run = createMonteCarloRun(input, options);
  run.step(options.draws);
  return run.result();
}

/** Sample quantile of sorted values (linear between order statistics). */
export function quantileSorted(sorted: ArrayLike<number>, share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * share;
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
