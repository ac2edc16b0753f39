import type { BoundaryReport } from '../domain/import/boundaries/boundary-report.ts';
import type { BoundaryProperties } from '../domain/import/boundaries/match-boundaries.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';
import type { BoundaryImportRequest, BoundaryImportResponse } from './boundary-import-protocol.ts';
import { ImportCancelledError } from './import-client.ts';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = {
  resolve: (response: BoundaryImportResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number) => void;
};

/** The page's side of the boundary import worker; cancelling terminates it, as for tables. */
export class BoundaryImportClient {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #next = 0;

  async read(
    file: File,
    layer: string | null,
    units: KnownUnit[],
    onProgress?: (f: number) => void,
  ): Promise<BoundaryReport> {
    const request = { type: 'read' as const, file, name: file.name, layer, units };
    return this.#report(await this.#request(request, onProgress));
  }

  async match(properties: BoundaryProperties): Promise<BoundaryReport> {
    // Svelte state proxies cannot be cloned into a worker; a plain copy can.
    return this.#report(await this.#request({ type: 'match', properties: { ...properties } }));
  }

  async collection(): Promise<string> {
    const response = await this.#request({ type: 'collection' });
    return (response as Extract<BoundaryImportResponse, { type: 'collection' }>).text;
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(new ImportCancelledError());
    this.#pending.clear();
  }

  #report(response: BoundaryImportResponse): BoundaryReport {
    return (response as Extract<BoundaryImportResponse, { type: 'report' }>).report;
  }

  #request(request: WithoutId<BoundaryImportRequest>, onProgress?: (f: number) => void) {
    const worker = this.#ensureWorker();
    const id = ++this.#next;
    return new Promise<BoundaryImportResponse>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...request, id } as BoundaryImportRequest);
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./boundary-import.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = ({ data }: MessageEvent<BoundaryImportResponse>) => {
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
      const error = new Error(event.message || 'the boundary import worker stopped');
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      this.#worker = null;
    };
    this.#worker = worker;
    return worker;
  }
}
