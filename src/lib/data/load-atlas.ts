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
import type { AtlasIndex } from './atlas-index.ts';
import { unitsFromTopology, type BoundaryTopology } from './boundary-topology.ts';

/**
 * First visit: fetch the boundary topology and built-in datasets (with progress) and store them.
 * Later visits: fetch only the small index and read everything else from IndexedDB, unless the
 * data build has produced new content (its hash changed). Datasets a person imported survive.
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
  store: AtlasStore;
  status: StorageStatus;
  /** Whether boundaries and datasets came from IndexedDB without fetching. */
  fromCache: { boundaries: boolean; datasets: boolean };
}

export interface LoadAtlasOptions {
  baseUrl: string;
  store: AtlasStore;
  status: StorageStatus;
  fetch?: typeof fetch;
  onProgress?: (progress: LoadProgress) => void;
}

export class AtlasLoadError extends Error {}

const VINTAGE = '2019-districts';

export async function loadAtlas(options: LoadAtlasOptions): Promise<LoadedAtlas> {
  const fetchFn = options.fetch ?? fetch.bind(globalThis);
  const report = options.onProgress ?? (() => {});
  let { store, status } = options;

  report({ step: 'index', fraction: 0.02 });
  const index = await fetchJson<AtlasIndex>(fetchFn, `${options.baseUrl}atlas.json`, 'no-cache');
  if (index.schema !== 1) throw new AtlasLoadError(`atlas.json: unknown schema ${index.schema}`);

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
      (loaded) => report({ step: 'boundaries', fraction: 0.05 + 0.75 * loaded }),
    );
  }
  const topology = parseTopology(topologyText, index.boundaries.file);

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

  if (!boundariesCached || bundles) {
    report({ step: 'storing', fraction: 0.9 });
    const boundarySet = {
      vintage: VINTAGE,
      contentHash: index.boundaries.contentHash,
      topologyText,
      manifest: index.boundaries,
      storedAt: new Date().toISOString(),
    };
    const write = async (target: AtlasStore) => {
      await target.putBoundarySet(boundarySet, unitRecords(topology));
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
  report({ step: 'storing', fraction: 1 });
  return {
    index,
    topology,
    store,
    status,
    fromCache: { boundaries: boundariesCached, datasets: datasetsCached },
  };
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
  const response = await request(fetchFn, url, 'default');
  if (!response.body) return response.text();
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
  return new TextDecoder().decode(bytes);
}
