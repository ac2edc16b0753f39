import { describe, expect, it } from 'vitest';
import {
  createMonteCarloRun,
  monteCarloInput,
  quantileSorted,
  runMonteCarlo,
  UNIT_BIN_POINTS,
  type MonteCarloOptions,
} from './monte-carlo.ts';
import { createRandom } from '../random.ts';
import { projectScenario } from './project-scenario.ts';
import { syntheticUnits } from './synthetic-units.ts';
import { scenario } from './test-fixtures.ts';

const definition = scenario({
  years: 3,
  target: { kind: 'points-per-year', points: 1.5 },
  flows: { newPoorPercent: 0.5, rePovertyPercent: 5 },
});
const projection = projectScenario(syntheticUnits(40), definition);
const input = monteCarloInput(projection);

function options(overrides: Partial<MonteCarloOptions> = {}): MonteCarloOptions {
  return {
    exitSuccessPercent: [80, 100],
    newPoorPercent: [0, 1],
    rePovertyPercent: [0, 10],
    draws: 500,
    seed: 7,
    ...overrides,
  };
}

describe('createRandom', () => {
  it('is deterministic for a seed, different across seeds, and within [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('Monte Carlo', () => {
  it('with the ranges collapsed onto the plan, every draw is the deterministic projection', () => {
    const result = runMonteCarlo(
      input,
      options({
        exitSuccessPercent: [100, 100],
        newPoorPercent: [0.5, 0.5],
        rePovertyPercent: [5, 5],
        draws: 20,
      }),
    );
    for (const rate of result.overall) expect(rate).toBeCloseTo(projection.total.rate[3]!, 9);
    expect(result.unitMean[0]).toBeCloseTo(projection.units[0]!.rate[3]!, 9);
    expect(Math.abs(result.unitP50[0]! - projection.units[0]!.rate[3]!)).toBeLessThanOrEqual(
      UNIT_BIN_POINTS,
    );
  });

  it('is reproducible with a seed, and the same in steps as in one go', () => {
    const once = runMonteCarlo(input, options());
    const run = createMonteCarloRun(input, options());
    const progress: number[] = [];
    while (run.completed < run.total) progress.push(run.step(120));
    expect(progress).toEqual([120, 240, 360, 480, 500]);
    const stepped = run.result();
    expect([...stepped.overall]).toEqual([...once.overall]);
    expect([...stepped.unitP90]).toEqual([...once.unitP90]);
    expect(stepped.probabilityTargetMet).toBe(once.probabilityTargetMet);
  });

  it('draws follow createRandom: per draw, unit and year the exit success, new-poor and re-poverty shares', () => {
    // A plain replay of the model with the public generator pins the inlined one in the loop.
    const o = options({ draws: 30, seed: 11 });
    const random = createRandom(o.seed);
    const share = ([low, high]: [number, number]) =>
      low / 100 + (high / 100 - low / 100) * random();
    const { units, years, households, poorStart, plannedExits, drift } = input;
    let householdsAtHorizon = 0;
    for (let i = 0; i < units; i += 1) householdsAtHorizon += households[i * (years + 1) + years]!;
    const expected: number[] = [];
    for (let draw = 0; draw < o.draws; draw += 1) {
      let poorAtHorizon = 0;
      for (let i = 0; i < units; i += 1) {
        let poor = poorStart[i]!;
        for (let t = 0; t < years; t += 1) {
          const success = share(o.exitSuccessPercent);
          const newPoor = share(o.newPoorPercent);
          const rePoverty = share(o.rePovertyPercent);
          const h = households[i * (years + 1) + t]!;
          poor +=
            newPoor * (h - poor) -
            (1 - rePoverty) * (success * plannedExits[i * years + t]!) +
            drift[i * years + t]!;
          poor = Math.min(households[i * (years + 1) + t + 1]!, Math.max(0, poor));
        }
        poorAtHorizon += poor;
      }
      expected.push((100 * poorAtHorizon) / householdsAtHorizon);
    }
    expect([...runMonteCarlo(input, o).overall]).toEqual(expected.sort((a, b) => a - b));
  });

  it('weaker exits and more inflow lower the probability of meeting the target', () => {
    const good = runMonteCarlo(input, options({ exitSuccessPercent: [95, 120] }));
    const bad = runMonteCarlo(
      input,
      options({ exitSuccessPercent: [50, 90], newPoorPercent: [1, 3] }),
    );
    expect(good.probabilityTargetMet).toBeGreaterThan(bad.probabilityTargetMet);
    expect(bad.probabilityTargetMet).toBeLessThan(0.05);
    expect(quantileSorted(bad.overall, 0.5)).toBeGreaterThan(quantileSorted(good.overall, 0.5));
  });

  it('returns sorted overall outcomes and ordered unit percentiles, all finite', () => {
    const result = runMonteCarlo(input, options());
    expect(result.draws).toBe(500);
    for (let i = 1; i < result.overall.length; i += 1)
      expect(result.overall[i]!).toBeGreaterThanOrEqual(result.overall[i - 1]!);
    for (let i = 0; i < input.units; i += 1) {
      expect(result.unitP10[i]!).toBeLessThanOrEqual(result.unitP50[i]!);
      expect(result.unitP50[i]!).toBeLessThanOrEqual(result.unitP90[i]!);
      expect(result.unitProbabilityMet[i]).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(result.unitMean[i]!)).toBe(true);
    }
  });

  it('a cancelled run reports only the draws it made', () => {
    const run = createMonteCarloRun(input, options());
    run.step(100);
    expect(run.result().draws).toBe(100);
    expect(run.result().overall).toHaveLength(100);
  });
});

describe('quantileSorted', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
