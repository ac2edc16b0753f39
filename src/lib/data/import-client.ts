import type { DatasetBundle } from '../domain/dataset.ts';
import type { MapEra } from '../domain/eras/era.ts';
import type { ImportSettings } from '../domain/import/analyse-import.ts';
import type { ImportReport } from '../domain/import/import-report.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';
import { ImportCancelledError, ProgressWorker, type WithoutId } from './progress-worker.ts';

export { ImportCancelledError };

/** The page's side of the import worker (see ProgressWorker). */
export class ImportWorkerClient {
  #worker = new ProgressWorker<ImportRequest, ImportResponse>(
    () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
    'import',
  );

  read(
    file: File,
    sheet: string | null,
    units: Record<MapEra, KnownUnit[]>,
    communeCodeAliases: [string, string][],
    onProgress?: (f: number) => void,
  ) {
    const request: WithoutId<ImportRequest> = {
      type: 'read',
      file,
      name: file.name,
      sheet,
      units,
      communeCodeAliases,
    };
    return this.#request(request, onProgress).then(
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
    this.#worker.cancel();
  }

  #request(request: WithoutId<ImportRequest>, onProgress?: (f: number) => void) {
    return this.#worker.request(request, onProgress);
  }
}
