/// <reference lib="webworker" />
import {
  createMonteCarloRun,
  type MonteCarloInput,
  type MonteCarloOptions,
  type MonteCarloResult,
} from '../domain/scenario/monte-carlo.ts';

/** Messages between the page and the Monte Carlo worker. */
export type MonteCarloRequest = { type: 'run'; input: MonteCarloInput; options: MonteCarloOptions };
export type MonteCarloResponse =
  | { type: 'progress'; completed: number; total: number }
  | { type: 'result'; result: MonteCarloResult; elapsedMs: number }
  | { type: 'error'; message: string };

/** Draws per step: small enough for frequent progress, large enough to cost nothing. */
const STEP_DRAWS = 250;

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<MonteCarloRequest>) => {
  const { input, options } = event.data;
  try {
    const started = performance.now();
    const run = createMonteCarloRun(input, options);
    while (run.completed < run.total) {
      run.step(STEP_DRAWS);
      scope.postMessage({
        type: 'progress',
        completed: run.completed,
        total: run.total,
      } satisfies MonteCarloResponse);
    }
    const result = run.result();
    const response: MonteCarloResponse = {
      type: 'result',
      result,
      elapsedMs: performance.now() - started,
    };
    scope.postMessage(response, [
      result.overall.buffer,
      result.unitMean.buffer,
      result.unitP10.buffer,
      result.unitP50.buffer,
      result.unitP90.buffer,
      result.unitProbabilityMet.buffer,
    ]);
  } catch (error) {
    scope.postMessage({ type: 'error', message: String(error) } satisfies MonteCarloResponse);
  }
};
