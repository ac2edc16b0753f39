import { ImportCancelledError, ImportWorkerClient } from '../data/import-client.ts';
import { importFailure, type ImportFailure } from '../data/import-failure.ts';
import type { ImportSettings } from '../domain/import/analyse-import.ts';
import type { ColumnRole } from '../domain/import/columns.ts';
import {
  emptyDescription,
  missingFields,
  type DatasetDescription,
} from '../domain/import/dataset-description.ts';
import type { ImportReport } from '../domain/import/import-report.ts';
import type { NumberFormat } from '../domain/import/numbers.ts';
import { communes2025AsUnits, provinces2025AsUnits } from '../domain/import/import-era.ts';
import type { Crosswalk } from '../domain/eras/crosswalk.ts';
import type { KnownUnit, UnitKey } from '../domain/import/unit-names.ts';
import type { MapEra } from '../domain/eras/era.ts';
import type { AtlasState } from './atlas-state.svelte.ts';

export type WizardStep = 1 | 2 | 3 | 4 | 5;

/** Where the 2025 communes come from: the era state's crosswalk, fetched once. */
export interface CrosswalkSource {
  ensureCrosswalk(): Promise<void>;
  readonly crosswalk: Crosswalk | null;
}

/**
 * The import wizard: a file goes to the worker, every correction is re-analysed there, and the
 * dataset is stored in one transaction only when the report has no errors.
 */
export class ImportWizard {
  step = $state<WizardStep>(1);
  busy = $state(false);
  progress = $state(0);
  error = $state.raw<ImportFailure | null>(null);
  report = $state.raw<ImportReport | null>(null);
  description = $state<DatasetDescription>(emptyDescription());
  /** What the description still lacks before the dataset can be saved. */
  missing = $derived(missingFields(this.description));

  #client = new ImportWorkerClient();
  #file: File | null = null;
  #atlas: AtlasState;
  #crosswalk: CrosswalkSource | null;
  /** The 2025 communes, from the crosswalk (fetched when the first file is read). */
  #communes2025 = $state.raw<KnownUnit[]>([]);
  #communeCodeAliases: [string, string][] = [];

  constructor(atlas: AtlasState, crosswalk: CrosswalkSource | null = null) {
    this.#atlas = atlas;
    this.#crosswalk = crosswalk;
  }

  /** The 2025 provinces and communes a table can use instead of the 2019 units. */
  units2025 = $derived.by(() => {
    const provinces = provinces2025AsUnits(this.#atlas.data.index?.boundaries2025?.provinces ?? []);
    return provinces.length > 0 ? [...provinces, ...this.#communes2025] : [];
  });

  /** Units a row of this table can be assigned to, of the table's era. */
  unitsOfEra = $derived.by((): KnownUnit[] =>
    this.report?.era.era === '2025' ? this.units2025 : this.#atlas.data.units,
  );

  canSave = $derived(
    this.report !== null && this.report.errorCount === 0 && !this.busy && this.missing.length === 0,
  );

  async chooseFile(file: File, sheet: string | null = null): Promise<void> {
    this.#file = file;
    if (!this.description.title) this.description.title = file.name.replace(/\.[^.]+$/, '');
    await this.#run('read', async () => {
      await this.#loadCommunes();
      this.report = await this.#client.read(
        file,
        sheet,
        this.#units(),
        this.#communeCodeAliases,
        (f) => (this.progress = f),
      );
      if (this.step === 1) this.step = 2;
    });
  }

  chooseSheet(sheet: string): Promise<void> {
    return this.#file ? this.chooseFile(this.#file, sheet) : Promise.resolve();
  }

  setTranspose(transpose: boolean) {
    // Turning the table changes which row is the header and what each column holds: start over.
    return this.#reanalyse({ transpose }, 'header');
  }

  setHeaderRow(headerRow: number) {
    return this.#reanalyse({ headerRow }, 'columns');
  }

  setNumberFormat(numberFormat: NumberFormat) {
    return this.#reanalyse({ numberFormat });
  }

  setProvince(provinceCode: string | null) {
    return this.#reanalyse({ provinceCode });
  }

  /** The table's era as the person says (null = detect); hand decisions named the other era's units. */
  setEra(era: MapEra | null) {
    return this.#reanalyse({ era, provinceCode: null, decisions: {} });
  }

  setColumnRole(column: number, role: ColumnRole) {
    const columns = [...(this.report?.settings.columns ?? [])];
    while (columns.length <= column) columns.push('ignore');
    columns[column] = role;
    return this.#reanalyse({ columns });
  }

  /** A unit chosen by hand, 'drop' to leave the row out, or null to match it again. */
  decide(index: number, decision: UnitKey | 'drop' | null) {
    const decisions = { ...(this.report?.settings.decisions ?? {}) };
    if (decision === null) delete decisions[index];
    else decisions[index] = decision;
    return this.#reanalyse({ decisions });
  }

  cancel(): void {
    this.#client.cancel();
  }

  /** Stores the dataset; returns its id, or null when it could not be stored. */
  async save(): Promise<string | null> {
    const store = this.#atlas.data.store;
    if (!store || !this.canSave) return null;
    const d = this.description;
    const { kind, standard, year } = d;
    if (kind === null || standard === null || year === null) return null;
    const id = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    let saved: string | null = null;
    await this.#run('save', async () => {
      const bundle = await this.#client.bundle({
        id,
        title: { vi: d.title.trim(), en: d.title.trim() },
        source: {
          title: d.documentTitle.trim(),
          number: d.documentNumber.trim() || null,
          date: d.documentDate || null,
          issuer: d.issuer.trim(),
          locator: this.report ? this.report.file.name : '',
        },
        standard,
        kind,
        year,
        licence: d.licence.trim(),
        notes: d.notes.trim() ? [{ vi: d.notes.trim(), en: d.notes.trim() }] : [],
      });
      await store.putUserDataset(bundle);
      await this.#atlas.refreshDatasets(id);
      saved = id;
    });
    return saved;
  }

  /**
   * Ends the worker in a task of its own: the wizard closes in the same task as a saved dataset
   * is drawn, and ending a worker takes a few milliseconds more there.
   */
  dispose(): void {
    setTimeout(() => this.#client.cancel(), 0);
  }

  /** A commune table needs the 3,321 communes; without the crosswalk, provinces still match. */
  async #loadCommunes(): Promise<void> {
    if (!this.#crosswalk || this.#communes2025.length > 0) return;
    await this.#crosswalk.ensureCrosswalk();
    const crosswalk = this.#crosswalk.crosswalk;
    if (!crosswalk) return;
    this.#communes2025 = communes2025AsUnits(crosswalk.communes());
    this.#communeCodeAliases = crosswalk.aliases.map(([other, code]) => [other, code]);
  }

  #units(): Record<MapEra, KnownUnit[]> {
    return {
      '2019': this.#atlas.data.units.map(({ level, code, name, provinceCode }) => ({
        level,
        code,
        name,
        provinceCode,
      })),
      '2025': this.units2025,
    };
  }

  async #reanalyse(
    changes: Partial<ImportSettings>,
    reguess: 'header' | 'columns' | null = null,
  ): Promise<void> {
    const current = this.report?.settings;
    if (!current) return;
    const settings: ImportSettings = { ...current, ...changes };
    await this.#run('read', async () => {
      this.report = await this.#client.analyse(settings, reguess, (f) => (this.progress = f));
    });
  }

  /** `during` 'save' covers the worker's bundle too: what fails there is storing, not reading. */
  async #run(during: ImportFailure['during'], task: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    this.progress = 0;
    try {
      await task();
    } catch (error) {
      this.error =
        error instanceof ImportCancelledError
          ? null
          : importFailure(error, during, this.#file?.name ?? '');
      if (error instanceof ImportCancelledError) {
        this.report = null;
        this.step = 1;
      }
    } finally {
      this.busy = false;
    }
  }
}
