import type { Topology } from 'topojson-specification';
import type { DatasetBundle } from '../domain/dataset.ts';
import type { UnitRecord } from '../db/atlas-db.ts';
import {
  BUILT_IN_VERSION_KEY,
  describe,
  isQuotaError,
  memoryFallback,
  type AtlasStore,
  type MemoryAtlasStore,
  type StorageStatus,
} from '../db/atlas-store.ts';
import type { AtlasIndex, TileSetFile } from './atlas-index.ts';
import { unitsFromTopology, type BoundaryTopology } from './boundary-topology.ts';
import { readTileBundle, TileBundleError, type TileBundle } from './tile-bundle.ts';

/**
 * First visit: fetch the boundary topology and built-in datasets (with progress) and store them.
 * Later visits: draw straight from IndexedDB, then fetch the small index to learn whether the
 * data build has produced new content (its hash changed) and, if so, load that. Datasets a
 * person imported survive either way.
 */

export type LoadStep = 'index' | 'boundaries' | 'datasets' | 'storing';

export interface LoadProgress {
  step: LoadStep;
  /** 0..1 over the whole load. */
  fraction: number;
}

export interface LoadedAtlas {
  index: AtlasIndex;
  topology: BoundaryTopology;
  /** The 2019 set's vector tiles, which the map draws. */
  tiles: TileBundle;
  store: AtlasStore;
  status: StorageStatus;
  /** Whether boundaries and datasets came from IndexedDB without fetching. */
  fromCache: { boundaries: boolean; datasets: boolean };
}

export interface LoadAtlasOptions {
  baseUrl: string;
  store: AtlasStore;
  status: StorageStatus;
  /**
   * Use what IndexedDB holds without asking the server first (check later with
   * `fetchAtlasIndex` and `isStale`); false always fetches the index first.
   */
  preferStored?: boolean;
  /**
   * The server's index, already requested (the caller starts it beside opening storage, so a
   * first visit does not wait for IndexedDB before asking); fetched here when absent.
   */
  index?: Promise<AtlasIndex>;
  fetch?: typeof fetch;
  onProgress?: (progress: LoadProgress) => void;
}

export class AtlasLoadError extends Error {}

const VINTAGE = '2019-districts';
/** The tile set drawn for VINTAGE (see `AtlasIndex.tiles`). */
const TILE_SET = '2019';
/** Meta key of the index that the stored boundaries and built-in datasets came with. */
export const STORED_INDEX_KEY = 'atlasIndex';

export async function fetchAtlasIndex(
  baseUrl: string,
  fetchFn: typeof fetch = fetch.bind(globalThis),
): Promise<AtlasIndex> {
  const index = await fetchJson<AtlasIndex>(fetchFn, `${baseUrl}atlas.json`, 'no-cache');
  if (index.schema !== 1) throw new AtlasLoadError(`atlas.json: unknown schema ${index.schema}`);
  return index;
}

/**
 * Whether the server's index describes other content than what was loaded: other files, or other
 * credits or lists, which live in the index itself (reloading skips the unchanged files).
 */
export function isStale(loaded: AtlasIndex, current: AtlasIndex): boolean {
  return (
    loaded.boundaries.contentHash !== current.boundaries.contentHash ||
    loaded.tiles?.[TILE_SET]?.contentHash !== current.tiles?.[TILE_SET]?.contentHash ||
    loaded.datasets.contentHash !== current.datasets.contentHash ||
    JSON.stringify(loaded.sources) !== JSON.stringify(current.sources) ||
    JSON.stringify(loaded.designatedLists) !== JSON.stringify(current.designatedLists)
  );
}

export async function loadAtlas(options: LoadAtlasOptions): Promise<LoadedAtlas> {
  const fetchFn = options.fetch ?? fetch.bind(globalThis);
  const report = options.onProgress ?? (() => {});
  let { store, status } = options;

  if (options.preferStored) {
    const cached = await loadStored(store);
    if (cached) {
      report({ step: 'storing', fraction: 1 });
      return { ...cached, store, status, fromCache: { boundaries: true, datasets: true } };
    }
  }

  report({ step: 'index', fraction: 0.02 });
  const index = await (options.index ?? fetchAtlasIndex(options.baseUrl, fetchFn));

  const stored = await store.getBoundarySet(VINTAGE);
  const boundariesCached = stored?.contentHash === index.boundaries.contentHash;
  const datasetsCached = (await store.getMeta(BUILT_IN_VERSION_KEY)) === index.datasets.contentHash;

  let topologyText: string;
  if (stored && boundariesCached) {
    topologyText = stored.topologyText;
  } else {
    topologyText = await fetchText(
      fetchFn,
      `${options.baseUrl}${index.boundaries.file}?v=${index.boundaries.contentHash.slice(0, 12)}`,
      index.boundaries.bytes,
      (loaded) => report({ step: 'boundaries', fraction: 0.05 + 0.45 * loaded }),
    );
  }
  const topology = parseTopology(topologyText, index.boundaries.file);

  const tileFile = tileSetFile(index);
  const storedTiles = await store.getTileSet(TILE_SET);
  const tilesCached = storedTiles?.contentHash === tileFile.contentHash;
  const tileBytes = tilesCached
    ? storedTiles.bytes
    : await fetchBytes(
        fetchFn,
        `${options.baseUrl}${tileFile.file}?v=${tileFile.contentHash.slice(0, 12)}`,
        tileFile.bytes,
        (loaded) => report({ step: 'boundaries', fraction: 0.5 + 0.3 * loaded }),
      );
  if (!tilesCached) await checkHash(tileBytes, tileFile);
  const tiles = parseTiles(tileBytes, tileFile.file);

  let bundles: DatasetBundle[] | null = null;
  if (!datasetsCached) {
    report({ step: 'datasets', fraction: 0.82 });
    const file = await fetchJson<{ schema: number; datasets: DatasetBundle[] }>(
      fetchFn,
      `${options.baseUrl}${index.datasets.file}?v=${index.datasets.contentHash.slice(0, 12)}`,
      'default',
    );
    if (file.schema !== 1 || !Array.isArray(file.datasets)) {
      throw new AtlasLoadError(
        `${index.datasets.file}: not a datasets file (schema 1 with datasets)`,
      );
    }
    bundles = file.datasets;
  }

  if (!boundariesCached || !tilesCached || bundles) {
    report({ step: 'storing', fraction: 0.9 });
    const boundarySet = {
      vintage: VINTAGE,
      contentHash: index.boundaries.contentHash,
      topologyText,
      manifest: index.boundaries,
      storedAt: new Date().toISOString(),
    };
    const tileSet = {
      set: TILE_SET,
      contentHash: tileFile.contentHash,
      bytes: tileBytes,
      storedAt: boundarySet.storedAt,
    };
    const write = async (target: AtlasStore) => {
      if (!boundariesCached) await target.putBoundarySet(boundarySet, unitRecords(topology));
      if (!tilesCached) await target.putTileSet(tileSet);
      if (bundles) await target.replaceBuiltInDatasets(bundles, index.datasets.contentHash);
    };
    try {
      await write(store);
    } catch (error) {
      // Over quota or a failing disk: carry on from memory with what is already stored.
      const fallback = memoryFallback(isQuotaError(error) ? 'quota' : 'error', describe(error));
      const memory = fallback.store as MemoryAtlasStore;
      await memory.copyDatasetsFrom(store);
      store = memory;
      status = fallback.status;
      await write(store);
    }
  }
  // Recorded last, so a stored index always describes content that is fully stored.
  const indexText = JSON.stringify(index);
  if ((await store.getMeta(STORED_INDEX_KEY)) !== indexText) {
    await store.putMeta(STORED_INDEX_KEY, indexText).catch(() => undefined);
  }
  report({ step: 'storing', fraction: 1 });
  return {
    index,
    topology,
    tiles,
    store,
    status,
    fromCache: { boundaries: boundariesCached && tilesCached, datasets: datasetsCached },
  };
}

/** What IndexedDB holds, if it is complete: boundaries and built-ins from one known index. */
async function loadStored(
  store: AtlasStore,
): Promise<{ index: AtlasIndex; topology: BoundaryTopology; tiles: TileBundle } | null> {
  const [indexText, stored, version, storedTiles] = await Promise.all([
    store.getMeta(STORED_INDEX_KEY),
    store.getBoundarySet(VINTAGE),
    store.getMeta(BUILT_IN_VERSION_KEY),
    store.getTileSet(TILE_SET),
  ]);
  if (!indexText || !stored || !storedTiles) return null;
  let index: AtlasIndex;
  try {
    index = JSON.parse(indexText) as AtlasIndex;
  } catch {
    return null;
  }
  const complete =
    index.schema === 1 &&
    index.boundaries?.contentHash === stored.contentHash &&
    index.tiles?.[TILE_SET]?.contentHash === storedTiles.contentHash &&
    index.datasets?.contentHash === version;
  if (!complete) return null;
  try {
    return {
      index,
      topology: parseTopology(stored.topologyText, index.boundaries.file),
      tiles: readTileBundle(storedTiles.bytes, storedTiles.set),
    };
  } catch {
    // Damaged in storage: fetch again.
    return null;
  }
}

function unitRecords(topology: BoundaryTopology): UnitRecord[] {
  return unitsFromTopology(topology).map((unit) => ({
    ...unit,
    id: `${VINTAGE}:${unit.level}:${unit.code}`,
    vintage: VINTAGE,
  }));
}

function parseTopology(text: string, file: string): BoundaryTopology {
  let parsed: Topology;
  try {
    parsed = JSON.parse(text) as Topology;
  } catch (error) {
    throw new AtlasLoadError(`${file}: not valid JSON (${describe(error)})`);
  }
  if (parsed.type !== 'Topology' || !parsed.objects?.districts || !parsed.objects?.provinces) {
    throw new AtlasLoadError(`${file}: not a boundary topology with districts and provinces`);
  }
  return parsed as BoundaryTopology;
}

function tileSetFile(index: AtlasIndex, set = TILE_SET): TileSetFile {
  const file = index.tiles?.[set];
  if (!file) throw new AtlasLoadError(`atlas.json: no map tiles for the ${set} boundaries`);
  return file;
}

/**
 * Another boundary set's tiles (the 2025 set), loaded when the map first shows it: read from
 * IndexedDB when stored under the index's hash, else fetched with progress, checked and stored.
 * A failed write keeps them in memory for this visit.
 */
export async function loadTileSet(options: {
  baseUrl: string;
  set: string;
  index: AtlasIndex;
  store: AtlasStore;
  fetch?: typeof fetch;
  onProgress?: (fraction: number) => void;
}): Promise<TileBundle> {
  const file = tileSetFile(options.index, options.set);
  const stored = await options.store.getTileSet(options.set).catch(() => undefined);
  if (stored?.contentHash === file.contentHash) {
    try {
      return readTileBundle(stored.bytes, file.file);
    } catch {
      // Damaged in storage: fetched again below.
    }
  }
  const bytes = await fetchBytes(
    options.fetch ?? fetch.bind(globalThis),
    `${options.baseUrl}${file.file}?v=${file.contentHash.slice(0, 12)}`,
    file.bytes,
    options.onProgress ?? (() => {}),
  );
  await checkHash(bytes, file);
  const tiles = parseTiles(bytes, file.file);
  await options.store
    .putTileSet({
      set: options.set,
      contentHash: file.contentHash,
      bytes,
      storedAt: new Date().toISOString(),
    })
    .catch(() => undefined);
  return tiles;
}

function parseTiles(bytes: ArrayBuffer, file: string): TileBundle {
  try {
    return readTileBundle(bytes, file);
  } catch (error) {
    if (error instanceof TileBundleError) throw new AtlasLoadError(error.message);
    throw error;
  }
}

/** A file whose bytes are not the ones the index names (cut short, or another build's) is refused. */
async function checkHash(bytes: ArrayBuffer, file: TileSetFile): Promise<void> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== file.contentHash) {
    throw new AtlasLoadError(`${file.file}: its content is not what atlas.json describes`);
  }
}

async function fetchJson<T>(fetchFn: typeof fetch, url: string, cache: RequestCache): Promise<T> {
  const response = await request(fetchFn, url, cache);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new AtlasLoadError(`${url}: not valid JSON (${describe(error)})`);
  }
}

async function request(fetchFn: typeof fetch, url: string, cache: RequestCache) {
  let response: Response;
  try {
    response = await fetchFn(url, { cache });
  } catch (error) {
    throw new AtlasLoadError(`${url}: ${describe(error)}`);
  }
  if (!response.ok) throw new AtlasLoadError(`${url}: HTTP ${response.status}`);
  return response;
}

/** Reads a body as text, reporting progress against the uncompressed size from the manifest. */
async function fetchText(
  fetchFn: typeof fetch,
  url: string,
  expectedBytes: number,
  onProgress: (fraction: number) => void,
): Promise<string> {
  return new TextDecoder().decode(await fetchBytes(fetchFn, url, expectedBytes, onProgress));
}

async function fetchBytes(
  fetchFn: typeof fetch,
  url: string,
  expectedBytes: number,
  onProgress: (fraction: number) => void,
): Promise<ArrayBuffer> {
  const response = await request(fetchFn, url, 'default');
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(Math.min(1, received / Math.max(1, expectedBytes)));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
