import type { Contiguity } from '../domain/spatial/contiguity.ts';
import type { LisaOptions, LisaResult } from '../domain/spatial/moran.ts';
import type { LisaRequest, LisaResponse } from '../workers/lisa.worker.ts';

/**
 * One Web Worker for LISA runs, so the permutations never block the map. Requests are
 * coalesced: while one runs, only the newest waiting request is kept (a scenario slider can
 * change the values many times a second), and results of replaced requests are dropped.
 */
export class LisaClient {
  #worker: Worker | null = null;
  #nextId = 0;
  #running: number | null = null;
  #waiting: Omit<LisaRequest, 'id'> | null = null;
  readonly #onResult: (result: LisaResult, elapsedMs: number) => void;
  readonly #onError: (message: string) => void;

  constructor(
    onResult: (result: LisaResult, elapsedMs: number) => void,
    onError: (message: string) => void,
  ) {
    this.#onResult = onResult;
    this.#onError = onError;
  }

  run(contiguity: Contiguity, values: ReadonlyMap<string, number>, options: LisaOptions): void {
    const aligned = Float64Array.from(contiguity.codes, (code) => values.get(code) ?? NaN);
    this.#waiting = { contiguity, values: aligned, options };
    if (this.#running === null) this.#postWaiting();
  }

  /** Stops any run and the worker; the next `run` starts a new one. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#running = null;
    this.#waiting = null;
  }

  #postWaiting(): void {
    const request = this.#waiting;
    if (!request) return;
    this.#waiting = null;
    this.#running = ++this.#nextId;
    this.#ensureWorker().postMessage({ id: this.#running, ...request } satisfies LisaRequest);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../workers/lisa.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<LisaResponse>) => {
      const message = event.data;
      if (message.id !== this.#running) return;
      this.#running = null;
      // A newer request replaces this result: run it instead of showing a stale map.
      if (this.#waiting) {
        this.#postWaiting();
        return;
      }
      if (message.type === 'result') this.#onResult(message.result, message.elapsedMs);
      else this.#onError(message.message);
    };
    worker.onerror = (event) => {
      this.dispose();
      this.#onError(event.message || 'LISA worker failed');
    };
    this.#worker = worker;
    return worker;
  }
}
