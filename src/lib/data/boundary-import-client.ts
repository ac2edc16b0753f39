import type { BoundaryReport } from '../domain/import/boundaries/boundary-report.ts';
import type { BoundaryProperties } from '../domain/import/boundaries/match-boundaries.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';
import type { BoundaryImportRequest, BoundaryImportResponse } from './boundary-import-protocol.ts';
import { ProgressWorker, type WithoutId } from './progress-worker.ts';

/** The page's side of the boundary import worker; cancelling terminates it, as for tables. */
export class BoundaryImportClient {
  #worker = new ProgressWorker<BoundaryImportRequest, BoundaryImportResponse>(
    () => new Worker(new URL('./boundary-import.worker.ts', import.meta.url), { type: 'module' }),
    'boundary import',
  );

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
    this.#worker.cancel();
  }

  #report(response: BoundaryImportResponse): BoundaryReport {
    return (response as Extract<BoundaryImportResponse, { type: 'report' }>).report;
  }

  #request(request: WithoutId<BoundaryImportRequest>, onProgress?: (f: number) => void) {
    return this.#worker.request(request, onProgress);
  }
}
