import type { DatasetBundle } from '../domain/dataset.ts';
import type { MapEra } from '../domain/eras/era.ts';
import type { ImportSettings } from '../domain/import/analyse-import.ts';
import type { ImportReport } from '../domain/import/import-report.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
}

type Pending = {
  resolve: (response: ImportResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number) => void;
};

/** Distributive Omit, so each request keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The page's side of the import worker. Cancelling terminates the worker — the only way to stop
 * a parse in progress — and the next file starts a fresh one.
 */
export class ImportWorkerClient {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #next = 0;

  read(
    file: File,
    sheet: string | null,
    units: Record<MapEra, KnownUnit[]>,
    onProgress?: (f: number) => void,
  ) {
    return this.#request({ type: 'read', file, name: file.name, sheet, units }, onProgress).then(
      (response) => (response as Extract<ImportResponse, { type: 'report' }>).report,
    );
  }

  analyse(
    settings: ImportSettings,
    reguess: 'header' | 'columns' | null,
    onProgress?: (f: number) => void,
  ): Promise<ImportReport> {
    // Svelte state proxies cannot be cloned into a worker; a plain snapshot can.
    const plain = JSON.parse(JSON.stringify(settings)) as ImportSettings;
    return this.#request({ type: 'analyse', settings: plain, reguess }, onProgress).then(
      (response) => (response as Extract<ImportResponse, { type: 'report' }>).report,
    );
  }

  bundle(metadata: Extract<ImportRequest, { type: 'bundle' }>['metadata']): Promise<DatasetBundle> {
    const plain = JSON.parse(JSON.stringify(metadata)) as typeof metadata;
    return this.#request({ type: 'bundle', metadata: plain }).then(
      (response) => (response as Extract<ImportResponse, { type: 'bundle' }>).bundle,
    );
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(new ImportCancelledError());
    this.#pending.clear();
  }

  #request(request: WithoutId<ImportRequest>, onProgress?: (f: number) => void) {
    const worker = this.#ensureWorker();
    const id = ++this.#next;
    return new Promise<ImportResponse>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...request, id } as ImportRequest);
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<ImportResponse>) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      if (data.type === 'progress') {
        pending.onProgress?.(data.fraction);
        return;
      }
      this.#pending.delete(data.id);
      if (data.type === 'error') pending.reject(new Error(data.message));
      else pending.resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(event.message || 'the import worker stopped');
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      this.#worker = null;
    };
    this.#worker = worker;
    return worker;
  }
}
