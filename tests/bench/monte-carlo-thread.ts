/**
 * The Monte Carlo run in a Node worker thread, as the browser runs it in a Web Worker:
 * receives the input and options, answers with the elapsed time and the probability.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  runMonteCarlo,
  type MonteCarloInput,
  type MonteCarloOptions,
} from '../../src/lib/domain/scenario/monte-carlo.ts';

const { input, options } = workerData as { input: MonteCarloInput; options: MonteCarloOptions };
const started = performance.now();
const result = runMonteCarlo(input, options);
parentPort!.postMessage({
  elapsedMs: performance.now() - started,
  probability: result.probabilityTargetMet,
});
