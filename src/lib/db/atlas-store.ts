import type { DatasetBundle, DatasetMetadata, Observation } from '../domain/dataset.ts';
import Dexie, { type IndexableType, type Table } from 'dexie';
import {
  AtlasDatabase,
  type BoundarySetRecord,
  type TileSetRecord,
  type DatasetRecord,
  type ScenarioRecord,
  type SlideDeckRecord,
  type UnitRecord,
  type UserBoundarySetRecord,
} from './atlas-db.ts';

/**
 * What the app needs from storage, backed by IndexedDB or — when IndexedDB is unavailable,
 * blocked or full — by memory, so the atlas keeps working and says so.
 */
export interface AtlasStore {
  readonly kind: 'indexeddb' | 'memory';
  getBoundarySet(vintage: string): Promise<BoundarySetRecord | undefined>;
  /** Replaces a vintage's topology and units in one transaction. */
  putBoundarySet(record: BoundarySetRecord, units: UnitRecord[]): Promise<void>;
  getTileSet(set: string): Promise<TileSetRecord | undefined>;
  /** Replaces a set's tile bundle. */
  putTileSet(record: TileSetRecord): Promise<void>;
  getMeta(key: string): Promise<string | undefined>;
  putMeta(key: string, value: string): Promise<void>;
  listDatasets(): Promise<DatasetRecord[]>;
  getObservations(datasetId: string): Promise<Observation[]>;
  /** Every dataset's figures for these units (a unit's profile), read through the key index. */
  getUnitObservations(units: readonly UnitRef[]): Promise<Observation[]>;
  /**
   * Replaces the built-in datasets (and records their version) in one transaction; datasets a
   * person imported are never touched.
   */
  replaceBuiltInDatasets(bundles: DatasetBundle[], versionHash: string): Promise<void>;
  /**
   * Stores a person's dataset — metadata and figures — in one transaction, replacing one with
   * the same id: either all of it is stored or nothing changes. Built-in ids are refused.
   */
  putUserDataset(bundle: DatasetBundle): Promise<void>;
  /** Deletes a dataset and its figures in one transaction. */
  deleteDataset(id: string): Promise<void>;
  /** Changes what describes a dataset (title, source, notes…), never its figures. */
  updateDatasetMetadata(id: string, changes: DatasetMetadataChanges): Promise<void>;
  /** How many figures each dataset holds, by dataset id. */
  countObservations(): Promise<Map<string, number>>;
  /** Saved scenarios, most recently changed first; definitions are unchecked until parsed. */
  listScenarios(): Promise<ScenarioRecord[]>;
  putScenario(record: ScenarioRecord): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  /** Imported boundary sets, oldest first. */
  listUserBoundarySets(): Promise<UserBoundarySetRecord[]>;
  getUserBoundarySet(id: string): Promise<UserBoundarySetRecord | undefined>;
  /** Stores an imported boundary set in one transaction: all of it, or nothing. */
  putUserBoundarySet(record: UserBoundarySetRecord): Promise<void>;
  deleteUserBoundarySet(id: string): Promise<void>;
  /** Saved slide decks in their order (`position`); their JSON is unchecked until parsed. */
  listSlideDecks(): Promise<SlideDeckRecord[]>;
  putSlideDeck(record: SlideDeckRecord): Promise<void>;
  /** Writes several decks in one transaction (a reorder renumbers them all): all, or none. */
  putSlideDecks(records: SlideDeckRecord[]): Promise<void>;
  deleteSlideDeck(id: string): Promise<void>;
}

export interface UnitRef {
  code: string;
  level: Observation['unitLevel'];
}

/** What the data view lets a person edit; the figures and their checks stay as imported. */
export type DatasetMetadataChanges = Partial<
  Pick<DatasetMetadata, 'title' | 'source' | 'standard' | 'kind' | 'year' | 'licence' | 'notes'>
>;

/**
 * The new year of a single-year dataset's figures when an edit changes the dataset's year; null
 * when they keep theirs (no change, or a multi-year dataset, whose figures each carry their own).
 */
function retimedYear(record: DatasetMetadata, changes: DatasetMetadataChanges): number | null {
  if (changes.year === undefined || changes.year === record.year) return null;
  return record.years && record.years.length > 1 ? null : changes.year;
}

export class DatasetStoreError extends Error {
  override name = 'DatasetStoreError';
}

function checkUserBundle({ metadata, observations }: DatasetBundle): void {
  if (metadata.builtIn) throw new DatasetStoreError(`${metadata.id} is a built-in dataset`);
  const stray = observations.find((o) => o.datasetId !== metadata.id);
  if (stray)
    throw new DatasetStoreError(`a figure belongs to ${stray.datasetId}, not ${metadata.id}`);
}

export type StorageStatus =
  | { mode: 'indexeddb' }
  | { mode: 'memory'; reason: 'unavailable' | 'blocked' | 'quota' | 'error'; detail: string };

const isUnit = (o: Observation, unit: UnitRef) =>
  o.unitCode === unit.code && o.unitLevel === unit.level;

export const BUILT_IN_VERSION_KEY = 'builtInDatasetsHash';

/**
 * Figures written per request. One `bulkPut` of the 10,000 figures of a commune table holds the
 * main thread for over a second (IndexedDB clones each record as it is put); in chunks, each
 * awaited inside the same transaction, the page draws between them and a failure still undoes
 * every chunk. A chunk of 1,000 still took 100–170 ms (profiled, 2 busy cores), one of 250
 * 57–109 ms at a load of 8 (nearly all of it IndexedDB's own `put`): 100 keeps each well under
 * the 100 ms budget.
 */
export const WRITE_CHUNK = 100;

/**
 * Figures read per request. One `getAll` of a commune table's 10,000 figures is deserialised in
 * one task (about half a second on 2 busy cores); read in chunks of keys, in one transaction,
 * each chunk is its own task.
 */
export const READ_CHUNK = 1000;

async function putInChunks<T>(table: Table<T>, records: readonly T[]): Promise<void> {
  for (let i = 0; i < records.length; i += WRITE_CHUNK) {
    await table.bulkPut(records.slice(i, i + WRITE_CHUNK));
  }
}

function toRecords(bundles: DatasetBundle[], storedAt: string) {
  return {
    datasets: bundles.map((bundle) => ({ ...bundle.metadata, storedAt })),
    observations: bundles.flatMap((bundle) => bundle.observations),
  };
}

export class IndexedDbAtlasStore implements AtlasStore {
  readonly kind = 'indexeddb';
  constructor(readonly db: AtlasDatabase) {}

  getBoundarySet(vintage: string) {
    return this.db.boundarySets.get(vintage);
  }

  async putBoundarySet(record: BoundarySetRecord, units: UnitRecord[]) {
    await this.db.transaction('rw', this.db.boundarySets, this.db.units, async () => {
      await this.db.units.where('vintage').equals(record.vintage).delete();
      await this.db.units.bulkPut(units);
      await this.db.boundarySets.put(record);
    });
  }

  getTileSet(set: string) {
    return this.db.tileSets.get(set);
  }

  async putTileSet(record: TileSetRecord) {
    await this.db.tileSets.put(record);
  }

  async getMeta(key: string) {
    return (await this.db.meta.get(key))?.value;
  }

  async putMeta(key: string, value: string) {
    await this.db.meta.put({ key, value });
  }

  listDatasets() {
    return this.db.datasets.toArray();
  }

  getObservations(datasetId: string) {
    const { db } = this;
    // The key starts with the dataset: [datasetId] sorts before every key of the dataset and
    // [datasetId, []] after them (an array sorts after a string), and each chunk resumes after
    // the last key read.
    const upper = [datasetId, []];
    return db.transaction('r', db.figures, async () => {
      const figures: Observation[] = [];
      let lower: IndexableType = [datasetId];
      for (;;) {
        const chunk: Observation[] = await db.figures
          .where(':id')
          .between(lower, upper, false, false)
          .limit(READ_CHUNK)
          .toArray();
        figures.push(...chunk);
        const last = chunk[chunk.length - 1];
        if (chunk.length < READ_CHUNK || !last) return figures;
        lower = [last.datasetId, last.unitCode, last.indicator, last.year];
      }
    });
  }

  async getUnitObservations(units: readonly UnitRef[]) {
    const { db } = this;
    return db.transaction('r', db.datasets, db.figures, async () => {
      const ids = (await db.datasets.toCollection().primaryKeys()) as string[];
      // One key range per dataset and code: a scan of every figure would grow with imports. A
      // code asked for at two levels (a province is its own province) is read once.
      const codes = [...new Set(units.map((u) => u.code))];
      const found = await Promise.all(
        ids.flatMap((id) =>
          codes.map((code) =>
            db.figures
              .where('[datasetId+unitCode+indicator+year]')
              .between([id, code, Dexie.minKey], [id, code, Dexie.maxKey], true, true)
              .toArray(),
          ),
        ),
      );
      return found.flat().filter((o) => units.some((u) => isUnit(o, u)));
    });
  }

  async replaceBuiltInDatasets(bundles: DatasetBundle[], versionHash: string) {
    const { datasets, observations } = toRecords(bundles, new Date().toISOString());
    const { db } = this;
    await db.transaction('rw', db.datasets, db.figures, db.meta, async () => {
      const oldIds = (await db.datasets.toArray()).filter((d) => d.builtIn).map((d) => d.id);
      await db.figures.where('datasetId').anyOf(oldIds).delete();
      await db.datasets.bulkDelete(oldIds);
      await db.datasets.bulkPut(datasets);
      await putInChunks(db.figures, observations);
      await db.meta.put({ key: BUILT_IN_VERSION_KEY, value: versionHash });
    });
  }

  async putUserDataset(bundle: DatasetBundle) {
    checkUserBundle(bundle);
    const { db } = this;
    const { id } = bundle.metadata;
    await db.transaction('rw', db.datasets, db.figures, async () => {
      const existing = await db.datasets.get(id);
      if (existing?.builtIn) throw new DatasetStoreError(`${id} is a built-in dataset`);
      await db.figures.where('datasetId').equals(id).delete();
      await db.datasets.put({ ...bundle.metadata, storedAt: new Date().toISOString() });
      await putInChunks(db.figures, bundle.observations);
    });
  }

  async deleteDataset(id: string) {
    const { db } = this;
    await db.transaction('rw', db.datasets, db.figures, async () => {
      await db.figures.where('datasetId').equals(id).delete();
      await db.datasets.delete(id);
    });
  }

  async updateDatasetMetadata(id: string, changes: DatasetMetadataChanges) {
    const { db } = this;
    await db.transaction('rw', db.datasets, db.figures, async () => {
      const record = await db.datasets.get(id);
      if (!record) throw new DatasetStoreError(`no dataset ${id}`);
      await db.datasets.put({ ...record, ...changes, editedAt: new Date().toISOString() });
      const year = retimedYear(record, changes);
      if (year !== null) {
        // The year is part of a figure's key: the figures are written again under it.
        const figures = await db.figures.where('datasetId').equals(id).toArray();
        await db.figures.where('datasetId').equals(id).delete();
        await putInChunks(
          db.figures,
          figures.map((o) => ({ ...o, year })),
        );
      }
    });
  }

  async countObservations() {
    const { db } = this;
    return db.transaction('r', db.datasets, db.figures, async () => {
      const counts = new Map<string, number>();
      for (const key of await db.datasets.toCollection().primaryKeys()) {
        counts.set(key, await db.figures.where('datasetId').equals(key).count());
      }
      return counts;
    });
  }

  async listScenarios() {
    return this.db.scenarios.orderBy('updatedAt').reverse().toArray();
  }

  async putScenario(record: ScenarioRecord) {
    await this.db.scenarios.put(record);
  }

  async deleteScenario(id: string) {
    await this.db.scenarios.delete(id);
  }

  listUserBoundarySets() {
    return this.db.userBoundarySets.orderBy('createdAt').toArray();
  }

  getUserBoundarySet(id: string) {
    return this.db.userBoundarySets.get(id);
  }

  async putUserBoundarySet(record: UserBoundarySetRecord) {
    const { db } = this;
    await db.transaction('rw', db.userBoundarySets, async () => {
      await db.userBoundarySets.put(record);
    });
  }

  async deleteUserBoundarySet(id: string) {
    await this.db.userBoundarySets.delete(id);
  }

  async listSlideDecks() {
    return this.db.slideDecks.orderBy('position').toArray();
  }

  async putSlideDeck(record: SlideDeckRecord) {
    await this.db.slideDecks.put(record);
  }

  async putSlideDecks(records: SlideDeckRecord[]) {
    const { db } = this;
    await db.transaction('rw', db.slideDecks, async () => {
      await db.slideDecks.bulkPut(records);
    });
  }

  async deleteSlideDeck(id: string) {
    await this.db.slideDecks.delete(id);
  }
}

export class MemoryAtlasStore implements AtlasStore {
  readonly kind = 'memory';
  private boundarySets = new Map<string, BoundarySetRecord>();
  private tileSets = new Map<string, TileSetRecord>();
  private units = new Map<string, UnitRecord>();
  private datasets = new Map<string, DatasetRecord>();
  private observations = new Map<string, Observation[]>();
  private meta = new Map<string, string>();
  private scenarios = new Map<string, ScenarioRecord>();
  private userBoundarySets = new Map<string, UserBoundarySetRecord>();
  private slideDecks = new Map<string, SlideDeckRecord>();

  /**
   * Takes over every dataset and imported boundary set another store can still read, so nothing
   * a person imported is hidden.
   */
  async copyDatasetsFrom(source: AtlasStore): Promise<void> {
    try {
      for (const dataset of await source.listDatasets()) {
        this.datasets.set(dataset.id, dataset);
        this.observations.set(dataset.id, await source.getObservations(dataset.id));
      }
      const version = await source.getMeta(BUILT_IN_VERSION_KEY);
      if (version !== undefined) this.meta.set(BUILT_IN_VERSION_KEY, version);
      for (const set of await source.listUserBoundarySets()) this.userBoundarySets.set(set.id, set);
    } catch {
      // The source may be unreadable too; memory then starts from what the load fetched.
    }
  }

  async getBoundarySet(vintage: string) {
    return this.boundarySets.get(vintage);
  }

  async putBoundarySet(record: BoundarySetRecord, units: UnitRecord[]) {
    for (const [id, unit] of this.units) if (unit.vintage === record.vintage) this.units.delete(id);
    for (const unit of units) this.units.set(unit.id, unit);
    this.boundarySets.set(record.vintage, record);
  }

  async getTileSet(set: string) {
    return this.tileSets.get(set);
  }

  async putTileSet(record: TileSetRecord) {
    this.tileSets.set(record.set, record);
  }

  async getMeta(key: string) {
    return this.meta.get(key);
  }

  async putMeta(key: string, value: string) {
    this.meta.set(key, value);
  }

  async listDatasets() {
    return [...this.datasets.values()];
  }

  async getObservations(datasetId: string) {
    return this.observations.get(datasetId) ?? [];
  }

  async getUnitObservations(units: readonly UnitRef[]) {
    return [...this.observations.values()].flat().filter((o) => units.some((u) => isUnit(o, u)));
  }

  async replaceBuiltInDatasets(bundles: DatasetBundle[], versionHash: string) {
    for (const [id, dataset] of this.datasets) {
      if (dataset.builtIn) {
        this.datasets.delete(id);
        this.observations.delete(id);
      }
    }
    const storedAt = new Date().toISOString();
    for (const bundle of bundles) {
      this.datasets.set(bundle.metadata.id, { ...bundle.metadata, storedAt });
      this.observations.set(bundle.metadata.id, bundle.observations);
    }
    this.meta.set(BUILT_IN_VERSION_KEY, versionHash);
  }

  async putUserDataset(bundle: DatasetBundle) {
    checkUserBundle(bundle);
    const { id } = bundle.metadata;
    if (this.datasets.get(id)?.builtIn) throw new DatasetStoreError(`${id} is a built-in dataset`);
    const storedAt = new Date().toISOString();
    this.datasets.set(id, structuredClone({ ...bundle.metadata, storedAt }));
    this.observations.set(id, structuredClone(bundle.observations));
  }

  async deleteDataset(id: string) {
    this.datasets.delete(id);
    this.observations.delete(id);
  }

  async updateDatasetMetadata(id: string, changes: DatasetMetadataChanges) {
    const record = this.datasets.get(id);
    if (!record) throw new DatasetStoreError(`no dataset ${id}`);
    const editedAt = new Date().toISOString();
    this.datasets.set(id, structuredClone({ ...record, ...changes, editedAt }));
    const year = retimedYear(record, changes);
    const figures = this.observations.get(id);
    if (year !== null && figures)
      this.observations.set(
        id,
        figures.map((o) => ({ ...o, year })),
      );
  }

  async countObservations() {
    return new Map(
      [...this.datasets.keys()].map((id) => [id, this.observations.get(id)?.length ?? 0]),
    );
  }

  async listScenarios() {
    return [...this.scenarios.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async putScenario(record: ScenarioRecord) {
    this.scenarios.set(record.id, structuredClone(record));
  }

  async deleteScenario(id: string) {
    this.scenarios.delete(id);
  }

  async listUserBoundarySets() {
    return [...this.userBoundarySets.values()].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
  }

  async getUserBoundarySet(id: string) {
    return this.userBoundarySets.get(id);
  }

  async putUserBoundarySet(record: UserBoundarySetRecord) {
    this.userBoundarySets.set(record.id, structuredClone(record));
  }

  async deleteUserBoundarySet(id: string) {
    this.userBoundarySets.delete(id);
  }

  async listSlideDecks() {
    return [...this.slideDecks.values()].sort((a, b) => a.position - b.position);
  }

  async putSlideDeck(record: SlideDeckRecord) {
    this.slideDecks.set(record.id, structuredClone(record));
  }

  async putSlideDecks(records: SlideDeckRecord[]) {
    for (const record of records) this.slideDecks.set(record.id, structuredClone(record));
  }

  async deleteSlideDeck(id: string) {
    this.slideDecks.delete(id);
  }
}

/** How long to wait for another tab to let go of an older database version. */
const OPEN_TIMEOUT_MS = 4000;

/**
 * Opens IndexedDB, or falls back to memory with the reason. `blocked` fires when another tab
 * still holds an older schema version open and does not close it; the open request is kept, and
 * `unblocked` resolves with the IndexedDB store once that tab lets go (closes, or reloads).
 */
export async function openAtlasStore(
  createDatabase: () => AtlasDatabase = () => new AtlasDatabase(),
): Promise<{
  store: AtlasStore;
  status: StorageStatus;
  unblocked?: Promise<{ store: AtlasStore; status: StorageStatus }>;
}> {
  if (typeof indexedDB === 'undefined') {
    return memoryFallback('unavailable', 'indexedDB is not defined');
  }
  let db: AtlasDatabase;
  try {
    db = createDatabase();
  } catch (error) {
    return memoryFallback('unavailable', describe(error));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<'blocked'>((resolve) => {
    db.on('blocked', () => resolve('blocked'));
    timer = setTimeout(() => resolve('blocked'), OPEN_TIMEOUT_MS);
  });
  const opening = db.open();
  try {
    const outcome = await Promise.race([opening.then(() => 'open' as const), blocked]);
    if (outcome === 'blocked') {
      const unblocked = opening.then(() => ({
        store: new IndexedDbAtlasStore(db) as AtlasStore,
        status: { mode: 'indexeddb' } as StorageStatus,
      }));
      // Nobody may ever wait for it (the page closes first): its failure is not an error then.
      unblocked.catch(() => undefined);
      return {
        ...memoryFallback('blocked', 'another tab holds an older version of the database'),
        unblocked,
      };
    }
    return { store: new IndexedDbAtlasStore(db), status: { mode: 'indexeddb' } };
  } catch (error) {
    return memoryFallback(isQuotaError(error) ? 'quota' : 'unavailable', describe(error));
  } finally {
    clearTimeout(timer);
  }
}

export function memoryFallback(
  reason: 'unavailable' | 'blocked' | 'quota' | 'error',
  detail: string,
): { store: AtlasStore; status: StorageStatus } {
  return { store: new MemoryAtlasStore(), status: { mode: 'memory', reason, detail } };
}

export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Dexie wraps the DOMException; its `inner` carries the original name.
  const inner = (error as Error & { inner?: Error }).inner;
  return [error.name, inner?.name].some((name) => name === 'QuotaExceededError');
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
