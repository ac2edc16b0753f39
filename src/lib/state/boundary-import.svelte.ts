import { BoundaryImportClient } from '../data/boundary-import-client.ts';
import { importFailure, type ImportFailure } from '../data/import-failure.ts';
import { ImportCancelledError } from '../data/import-client.ts';
import type { BoundaryReport } from '../domain/import/boundaries/boundary-report.ts';
import type { BoundaryProperties } from '../domain/import/boundaries/match-boundaries.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { UserBoundaries } from './user-boundaries.svelte.ts';

/**
 * Importing a boundary file: the worker reads and checks it, every correction of the code, name
 * or province property is matched again there, and the set is stored only when nothing is wrong.
 */
export class BoundaryImport {
  busy = $state(false);
  progress = $state(0);
  /** A failure of the worker or the store (the file's own problems are in the report). */
  error = $state.raw<ImportFailure | null>(null);
  report = $state.raw<BoundaryReport | null>(null);
  name = $state('');

  #client = new BoundaryImportClient();
  #file: File | null = null;
  #atlas: AtlasState;
  #boundaries: UserBoundaries;

  constructor(atlas: AtlasState, boundaries: UserBoundaries) {
    this.#atlas = atlas;
    this.#boundaries = boundaries;
  }

  canSave = $derived(
    this.report !== null &&
      this.report.errorCount === 0 &&
      this.report.featureCount > 0 &&
      this.name.trim() !== '' &&
      !this.busy,
  );

  async chooseFile(file: File, layer: string | null = null): Promise<void> {
    this.#file = file;
    this.name = file.name.replace(/\.[^.]+$/, '');
    await this.#run('read', async () => {
      this.report = null;
      this.report = await this.#client.read(file, layer, this.#units(), (f) => (this.progress = f));
    });
  }

  chooseLayer(layer: string): Promise<void> {
    return this.#file ? this.chooseFile(this.#file, layer) : Promise.resolve();
  }

  setProperty(role: keyof BoundaryProperties, property: string | null): Promise<void> {
    const current = this.report?.settings;
    if (!current) return Promise.resolve();
    return this.#run('read', async () => {
      this.report = await this.#client.match({ ...current, [role]: property });
    });
  }

  cancel(): void {
    this.#client.cancel();
  }

  dispose(): void {
    this.#client.cancel();
  }

  /** Stores the set in one transaction and shows it; returns its id, or null. */
  async save(): Promise<string | null> {
    const store = this.#atlas.data.store;
    const report = this.report;
    if (!store || !report || !this.canSave) return null;
    const id = `boundaries-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    let saved: string | null = null;
    await this.#run('save', async () => {
      await store.putUserBoundarySet({
        id,
        name: this.name.trim(),
        sourceFile: report.file.name,
        featureCount: report.featureCount,
        matchedCount: report.matches.filter((m) => m.unit?.level === 'district').length,
        geojsonText: await this.#client.collection(),
        createdAt: new Date().toISOString(),
      });
      await this.#boundaries.refresh();
      await this.#boundaries.show(id);
      saved = id;
    });
    return saved;
  }

  #units(): KnownUnit[] {
    return this.#atlas.data.units.map(({ level, code, name, provinceCode }) => ({
      level,
      code,
      name,
      provinceCode,
    }));
  }

  async #run(during: ImportFailure['during'], task: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    this.progress = 0;
    try {
      await task();
    } catch (error) {
      if (error instanceof ImportCancelledError) this.report = null;
      else this.error = importFailure(error, during, this.#file?.name ?? '');
    } finally {
      this.busy = false;
    }
  }
}
