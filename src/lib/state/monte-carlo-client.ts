import type {
  MonteCarloInput,
  MonteCarloOptions,
  MonteCarloResult,
} from '../domain/scenario/monte-carlo.ts';
import type { MonteCarloResponse } from '../workers/monte-carlo.worker.ts';

export interface MonteCarloJob {
  result: Promise<{ result: MonteCarloResult; elapsedMs: number }>;
  /** Stops the worker at once; the promise rejects with an AbortError. */
  cancel(): void;
}

/**
 * Runs a Monte Carlo in a Web Worker so the page stays responsive. Cancelling terminates the
 * worker: the draws run in one synchronous loop, which a message could not interrupt.
 */
export function runMonteCarloInWorker(
  input: MonteCarloInput,
  options: MonteCarloOptions,
  onProgress: (completed: number, total: number) => void,
): MonteCarloJob {
  const worker = new Worker(new URL('../workers/monte-carlo.worker.ts', import.meta.url), {
    type: 'module',
  });
  let reject: (error: Error) => void = () => undefined;
  const result = new Promise<{ result: MonteCarloResult; elapsedMs: number }>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event: MessageEvent<MonteCarloResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.completed, message.total);
        return;
      }
      worker.terminate();
      if (message.type === 'result') resolve(message);
      else fail(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(event.message || 'Monte Carlo worker failed'));
    };
  });
  worker.postMessage({ type: 'run', input, options });
  return {
    result,
    cancel() {
      worker.terminate();
      reject(new DOMException('Monte Carlo cancelled', 'AbortError'));
    },
  };
}
