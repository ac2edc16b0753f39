import {
  geometryFromTopology,
  unitsFromTopology,
  type AtlasGeometry,
  type BoundaryTopology,
  type UnitInfo,
} from '../data/boundary-topology.ts';
import type { AtlasIndex } from '../data/atlas-index.ts';
import { fetchAtlasIndex, isStale, loadAtlas, type LoadProgress } from '../data/load-atlas.ts';
import type { TileBundle } from '../data/tile-bundle.ts';
import type { DatasetRecord } from '../db/atlas-db.ts';
import { openAtlasStore, type AtlasStore, type StorageStatus } from '../db/atlas-store.ts';

export interface AtlasDataOptions {
  /** Runs once a load has the datasets, before it says it is ready (the dataset to show is read). */
  onLoaded?: () => Promise<void>;
  openStore?: typeof openAtlasStore;
  fetch?: typeof fetch;
}

/**
 * What the atlas has loaded and where it keeps it: the data build's index, the 2019 boundaries
 * (tiles for the map, topology for what needs geometry), the stored datasets, and the store
 * itself (IndexedDB, or memory when storage fails). It loads, revalidates against a newer data
 * build, and says how far it has got; what is shown from it is AtlasState's.
 */
export class AtlasData {
  phase = $state<'loading' | 'ready' | 'failed'>('loading');
  progress = $state<LoadProgress>({ step: 'index', fraction: 0 });
  error = $state<string | null>(null);
  storage = $state<StorageStatus>({ mode: 'indexeddb' });

  index = $state.raw<AtlasIndex | null>(null);
  /** The 2019 boundaries' vector tiles, which the map draws. */
  tiles = $state.raw<TileBundle | null>(null);
  /** The 2019 boundary topology itself, for what needs its arcs (contiguity). */
  topology = $state.raw<BoundaryTopology | null>(null);
  /** Its shapes, built on first use (tables, search, keyboard navigation, exports). */
  geometry = $derived<AtlasGeometry | null>(
    this.topology ? geometryFromTopology(this.topology) : null,
  );
  units = $state.raw<UnitInfo[]>([]);
  datasets = $state.raw<DatasetRecord[]>([]);

  #store: AtlasStore | null = null;
  /** Loads and revalidations still running, so a view link can wait for the data it names. */
  readonly #work = new Set<Promise<unknown>>();
  readonly #options: Required<AtlasDataOptions>;

  constructor(options: AtlasDataOptions = {}) {
    this.#options = {
      onLoaded: async () => {},
      openStore: () => openAtlasStore(),
      fetch: (input, init) => fetch(input, init),
      ...options,
    };
  }

  /** The store the atlas loaded from (null until loaded). */
  get store(): AtlasStore | null {
    return this.#store;
  }

  async load(baseUrl: string, preferStored = true): Promise<void> {
    this.phase = 'loading';
    this.error = null;
    // Asked at once: a first visit needs it, a later one checks it once the map is drawn.
    const index = fetchAtlasIndex(baseUrl, this.#options.fetch);
    // Offline, a later visit never reads it; its failure is not an error then.
    index.catch(() => undefined);
    try {
      const opened = await this.#options.openStore();
      const loaded = await loadAtlas({
        baseUrl,
        fetch: this.#options.fetch,
        store: opened.store,
        status: opened.status,
        preferStored,
        index,
        onProgress: (progress) => (this.progress = progress),
      });
      this.#store = loaded.store;
      this.storage = loaded.status;
      this.index = loaded.index;
      this.tiles = loaded.tiles;
      this.topology = loaded.topology;
      this.units = unitsFromTopology(loaded.topology);
      await this.readDatasetList();
      await this.#options.onLoaded();
      this.phase = 'ready';
      performance.mark('atlas:data-loaded');
      if (loaded.fromCache.boundaries && loaded.fromCache.datasets) {
        this.#track(this.revalidate(baseUrl, index));
      }
      // Another tab held the database: once it lets go, load again from IndexedDB (filling it
      // from the server on a first visit), which also clears the banner.
      void opened.unblocked?.then(() => this.load(baseUrl, preferStored));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.phase = 'failed';
    }
  }

  /** Re-reads the list of stored datasets (after an import, edit or delete). */
  async readDatasetList(): Promise<void> {
    if (this.#store) this.datasets = await this.#store.listDatasets();
  }

  #track(work: Promise<unknown>): void {
    this.#work.add(work);
    void work.catch(() => undefined).finally(() => this.#work.delete(work));
  }

  /**
   * Resolves once no load is running: a return visit draws from storage, then may reload a newer
   * data build; a link must be opened on the data that stays, not on the data being replaced.
   */
  async settled(): Promise<void> {
    while (this.#work.size > 0) await Promise.allSettled([...this.#work]);
  }

  /** Reloads from the server when its index has changed; offline, the stored data stands. */
  async revalidate(
    baseUrl: string,
    index = fetchAtlasIndex(baseUrl, this.#options.fetch),
  ): Promise<void> {
    const loaded = this.index;
    const current = await index.catch(() => null);
    if (loaded && current && isStale(loaded, current)) await this.load(baseUrl, false);
  }
}
