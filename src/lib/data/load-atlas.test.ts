import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasDatabase } from '../db/atlas-db.ts';
import {
  BUILT_IN_VERSION_KEY,
  IndexedDbAtlasStore,
  MemoryAtlasStore,
  type AtlasStore,
} from '../db/atlas-store.ts';
import { DESIGNATED_LISTS } from '../domain/priority/designated-lists.ts';
import {
  planBundle,
  BOUNDARY_FILE,
  TILE_FILE,
  hash,
  tileBundle,
  BASE,
  site,
  build,
  serve,
  type Site,
} from './atlas-site.fixture.ts';
import {
  AtlasLoadError,
  fetchAtlasIndex,
  loadTileSet,
  isStale,
  loadAtlas,
  type LoadProgress,
} from './load-atlas.ts';

const openDatabases: AtlasDatabase[] = [];
async function indexedDbStore() {
  const db = new AtlasDatabase(`test-${crypto.randomUUID()}`);
  openDatabases.push(db);
  await db.open();
  return { db, store: new IndexedDbAtlasStore(db) };
}

afterEach(() => {
  for (const db of openDatabases.splice(0)) db.close();
});

function load(
  store: AtlasStore,
  origin: Site,
  onProgress?: (p: LoadProgress) => void,
  preferStored = false,
) {
  return loadAtlas({
    baseUrl: BASE,
    store,
    status: { mode: 'indexeddb' },
    preferStored,
    fetch: origin.fetch,
    ...(onProgress ? { onProgress } : {}),
  });
}

const urls = (origin: Site) => origin.requests.map((r) => r.url);
const ids = async (store: AtlasStore) => (await store.listDatasets()).map((d) => d.id).sort();

// ---- Tests -----------------------------------------------------------------------------------

describe('loadAtlas, first visit', () => {
  it('fetches the index, the topology, the tiles and the datasets, and stores them', async () => {
    const { db, store } = await indexedDbStore();
    const b = build();
    const origin = serve(b);

    const atlas = await load(store, origin);

    const tiles = b.index.tiles!['2019']!;
    expect(origin.requests).toEqual([
      { url: `${BASE}atlas.json`, cache: 'no-cache' },
      { url: `${BASE}${BOUNDARY_FILE}?v=${'b'.repeat(12)}`, cache: 'default' },
      { url: `${BASE}${TILE_FILE}?v=${tiles.contentHash.slice(0, 12)}`, cache: 'default' },
      { url: `${BASE}datasets.json?v=${'d'.repeat(12)}`, cache: 'default' },
    ]);
    expect([...atlas.tiles.tile(0, 0, 0)!]).toEqual([1, 2, 3, 0]);
    expect(await store.getTileSet('2019')).toMatchObject({
      set: '2019',
      contentHash: tiles.contentHash,
    });
    expect(atlas.fromCache).toEqual({ boundaries: false, datasets: false });
    expect(atlas.index).toEqual(b.index);
    expect(atlas.topology).toEqual(b.topology);
    expect(atlas.store).toBe(store);
    expect(atlas.status).toEqual({ mode: 'indexeddb' });

    const stored = await store.getBoundarySet('2019-districts');
    expect(stored).toMatchObject({
      vintage: '2019-districts',
      contentHash: hash('b'),
      topologyText: b.topologyText,
      manifest: b.index.boundaries,
    });
    expect((await db.units.toArray()).map((u) => u.id).sort()).toEqual([
      '2019-districts:district:070',
      '2019-districts:district:071',
      '2019-districts:province:08',
    ]);
    expect(await db.units.get('2019-districts:district:071')).toEqual({
      id: '2019-districts:district:071',
      vintage: '2019-districts',
      level: 'district',
      code: '071',
      name: 'Huyện Lâm Bình',
      type: 'Huyện',
      provinceCode: '08',
    });
    expect(await ids(store)).toEqual(['tuyen-quang-2020-plan']);
    expect(await store.getObservations('tuyen-quang-2020-plan')).toEqual(
      b.bundles[0]!.observations,
    );
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe(hash('d'));
  });

  it('uses an index requested before storage was opened instead of asking again', async () => {
    const { store } = await indexedDbStore();
    const b = build();
    const origin = serve(b);
    const index = fetchAtlasIndex(BASE, origin.fetch);

    const atlas = await loadAtlas({
      baseUrl: BASE,
      store,
      status: { mode: 'indexeddb' },
      index,
      fetch: origin.fetch,
    });

    expect(urls(origin).filter((url) => url.endsWith('atlas.json'))).toHaveLength(1);
    expect(atlas.index).toEqual(b.index);
    expect(atlas.topology).toEqual(b.topology);
  });

  it('reports progress that never decreases and ends at 1', async () => {
    const { store } = await indexedDbStore();
    const progress: LoadProgress[] = [];
    await load(store, serve(build()), (p) => progress.push(p));

    const fractions = progress.map((p) => p.fraction);
    for (let i = 1; i < fractions.length; i += 1) {
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    }
    expect(fractions[0]!).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
    expect(progress[0]!.step).toBe('index');
    expect(progress.at(-1)!.step).toBe('storing');
    // The topology arrives in three chunks, each reported, up to the whole download.
    // Three chunks of the topology, then three of the tiles.
    const boundaries = progress.filter((p) => p.step === 'boundaries');
    expect(boundaries).toHaveLength(6);
    expect(boundaries.at(-1)!.fraction).toBeCloseTo(0.8, 10);
    expect(new Set(progress.map((p) => p.step))).toEqual(
      new Set(['index', 'boundaries', 'datasets', 'storing']),
    );
  });
});

describe('loadAtlas, returning visit preferring what is stored', () => {
  it('draws from IndexedDB without a single request', async () => {
    const { store } = await indexedDbStore();
    const b = build();
    await load(store, serve(b));

    const origin = serve(b);
    const atlas = await load(store, origin, undefined, true);

    expect(urls(origin)).toEqual([]);
    expect(atlas.fromCache).toEqual({ boundaries: true, datasets: true });
    expect(atlas.index).toEqual(b.index);
    expect(atlas.topology).toEqual(b.topology);
  });

  it('tells a stale index from a current one', async () => {
    const b = build();
    const current = await fetchAtlasIndex(BASE, serve(b).fetch);
    expect(isStale(b.index, current)).toBe(false);
    const newer = build({ boundaryHash: hash('e') });
    expect(isStale(b.index, await fetchAtlasIndex(BASE, serve(newer).fetch))).toBe(true);
    const newerData = build({ datasetsHash: hash('f') });
    expect(isStale(b.index, await fetchAtlasIndex(BASE, serve(newerData).fetch))).toBe(true);
    // Lists and credits live in the index itself: a new one is new content too.
    const list = { ...DESIGNATED_LISTS[0]!, members: [{ code: '001', name: 'A' }] };
    expect(isStale(b.index, { ...b.index, designatedLists: [list] })).toBe(true);
    expect(
      isStale({ ...b.index, designatedLists: [list] }, { ...b.index, designatedLists: [list] }),
    ).toBe(false);
  });

  it('goes to the server when the store is empty or incomplete', async () => {
    const { db, store } = await indexedDbStore();
    const b = build();
    const first = serve(b);
    await load(store, first, undefined, true);
    expect(urls(first)).toContain(`${BASE}atlas.json`);

    // Built-in datasets from another build than the stored index: not a consistent snapshot.
    await db.meta.put({ key: BUILT_IN_VERSION_KEY, value: hash('x') });
    const second = serve(b);
    const atlas = await load(store, second, undefined, true);
    expect(urls(second)).toEqual([`${BASE}atlas.json`, `${BASE}datasets.json?v=${'d'.repeat(12)}`]);
    expect(atlas.fromCache).toEqual({ boundaries: true, datasets: false });
  });
});

describe('loadAtlas, returning visit', () => {
  it('fetches only atlas.json when nothing changed', async () => {
    const { store } = await indexedDbStore();
    const b = build();
    await load(store, serve(b));

    const origin = serve(b);
    const progress: LoadProgress[] = [];
    const atlas = await load(store, origin, (p) => progress.push(p));

    expect(urls(origin)).toEqual([`${BASE}atlas.json`]);
    expect(atlas.fromCache).toEqual({ boundaries: true, datasets: true });
    expect(atlas.topology).toEqual(b.topology);
    expect(await ids(atlas.store)).toEqual(['tuyen-quang-2020-plan']);
    expect(progress.map((p) => p.fraction)).toEqual([0.02, 1]);
  });

  it('fetches the boundaries again, but not the datasets, when their hash changes', async () => {
    const { store } = await indexedDbStore();
    await load(store, serve(build()));

    const next = build({ shift: 1, boundaryHash: hash('c') });
    const origin = serve(next);
    const atlas = await load(store, origin);

    expect(urls(origin)).toEqual([
      `${BASE}atlas.json`,
      `${BASE}${BOUNDARY_FILE}?v=${'c'.repeat(12)}`,
      `${BASE}${TILE_FILE}?v=${next.index.tiles!['2019']!.contentHash.slice(0, 12)}`,
    ]);
    expect(atlas.fromCache).toEqual({ boundaries: false, datasets: true });
    expect(atlas.topology).toEqual(next.topology);
    expect(atlas.topology).not.toEqual(build().topology);
    expect((await store.getBoundarySet('2019-districts'))?.contentHash).toBe(hash('c'));
    expect(await ids(store)).toEqual(['tuyen-quang-2020-plan']);
  });

  it('keeps a user dataset when the built-in datasets change', async () => {
    const { db, store } = await indexedDbStore();
    await load(store, serve(build()));
    const user = planBundle('my-import', false);
    await db.datasets.put({ ...user.metadata, storedAt: new Date().toISOString() });
    await db.figures.bulkPut(user.observations);

    const next = build({ datasetsHash: hash('e'), bundles: [planBundle('new-plan', true)] });
    const origin = serve(next);
    const atlas = await load(store, origin);

    expect(urls(origin)).toEqual([`${BASE}atlas.json`, `${BASE}datasets.json?v=${'e'.repeat(12)}`]);
    expect(atlas.fromCache).toEqual({ boundaries: true, datasets: false });
    expect(await ids(store)).toEqual(['my-import', 'new-plan']);
    expect(await store.getObservations('tuyen-quang-2020-plan')).toEqual([]);
    expect(await store.getObservations('my-import')).toEqual(user.observations);
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe(hash('e'));
  });
});

describe('loadAtlas errors', () => {
  async function failure(origin: Site): Promise<AtlasLoadError> {
    const { store } = await indexedDbStore();
    const error: unknown = await load(store, origin).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AtlasLoadError);
    return error as AtlasLoadError;
  }

  it('names the URL of a 404', async () => {
    const origin = serve(build());
    origin.files.delete(`${BASE}${BOUNDARY_FILE}`);
    const error = await failure(origin);
    expect(error.message).toBe(`${BASE}${BOUNDARY_FILE}?v=${'b'.repeat(12)}: HTTP 404`);
  });

  it('names the URL of invalid JSON', async () => {
    const origin = serve(build());
    origin.files.set(`${BASE}atlas.json`, '<!doctype html>');
    expect((await failure(origin)).message).toMatch(/^\/atlas\/atlas\.json: not valid JSON/);

    const datasets = serve(build());
    datasets.files.set(`${BASE}datasets.json`, '{"schema":1,');
    expect((await failure(datasets)).message).toMatch(
      new RegExp(`^/atlas/datasets\\.json\\?v=${'d'.repeat(12)}: not valid JSON`),
    );
  });

  it('rejects a datasets file that is JSON but has no datasets', async () => {
    const origin = serve(build());
    origin.files.set(`${BASE}datasets.json`, JSON.stringify({ schema: 1 }));
    expect((await failure(origin)).message).toBe(
      'datasets.json: not a datasets file (schema 1 with datasets)',
    );
  });

  it('names the file of a topology that is not JSON or not a boundary topology', async () => {
    const origin = serve(build());
    origin.files.set(`${BASE}${BOUNDARY_FILE}`, 'garbage');
    expect((await failure(origin)).message).toMatch(/^boundaries-2019\.topojson: not valid JSON/);

    origin.files.set(`${BASE}${BOUNDARY_FILE}`, JSON.stringify({ type: 'Topology', objects: {} }));
    expect((await failure(origin)).message).toBe(
      'boundaries-2019.topojson: not a boundary topology with districts and provinces',
    );
  });

  it('names the URL when the network fails', async () => {
    const origin = serve(build());
    const offline: Site = {
      ...origin,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    };
    expect((await failure(offline)).message).toBe('/atlas/atlas.json: TypeError: Failed to fetch');
  });

  it('rejects an index with an unknown schema', async () => {
    const origin = serve(build());
    origin.files.set(`${BASE}atlas.json`, JSON.stringify({ ...build().index, schema: 2 }));
    expect((await failure(origin)).message).toBe('atlas.json: unknown schema 2');
  });
});

describe('loadAtlas and the map tiles', () => {
  it('refuses tiles whose bytes are not the ones the index names', async () => {
    const { store } = await indexedDbStore();
    const b = build();
    const origin = serve(b);
    origin.files.set(`${BASE}${TILE_FILE}`, tileBundle(5).bytes);
    await expect(load(store, origin)).rejects.toThrow(
      `${TILE_FILE}: its content is not what atlas.json describes`,
    );
    expect(await store.getTileSet('2019')).toBeUndefined();
  });

  it('draws a returning visit from stored tiles, and fetches them again only when they change', async () => {
    const { store } = await indexedDbStore();
    await load(store, serve(build()));
    const same = serve(build());
    await load(store, same, undefined, true);
    expect(urls(same)).toEqual([]);
    const next = build({ shift: 2 });
    const origin = serve(next);
    const atlas = await load(store, origin);
    expect(urls(origin)).toContain(
      `${BASE}${TILE_FILE}?v=${next.index.tiles!['2019']!.contentHash.slice(0, 12)}`,
    );
    expect([...atlas.tiles.tile(0, 0, 0)!]).toEqual([1, 2, 3, 2]);
  });
});

describe('loadTileSet (the 2025 set, loaded when first shown)', () => {
  it('fetches and stores a set once, then reads it from IndexedDB', async () => {
    const { store } = await indexedDbStore();
    const b = build();
    const tiles = tileBundle(7);
    const index = { ...b.index, tiles: { '2025': { ...tiles.file, file: 'tiles-2025.atlt' } } };
    const origin = site({ [`${BASE}tiles-2025.atlt`]: tiles.bytes });
    const fractions: number[] = [];
    const first = await loadTileSet({
      baseUrl: BASE,
      set: '2025',
      index,
      store,
      fetch: origin.fetch,
      onProgress: (f) => fractions.push(f),
    });
    expect([...first.tile(0, 0, 0)!]).toEqual([1, 2, 3, 7]);
    expect(fractions.at(-1)).toBe(1);
    const again = await loadTileSet({
      baseUrl: BASE,
      set: '2025',
      index,
      store,
      fetch: origin.fetch,
    });
    expect([...again.tile(0, 0, 0)!]).toEqual([1, 2, 3, 7]);
    expect(urls(origin)).toHaveLength(1);
  });
});

describe('loadAtlas when storing fails', () => {
  /** The IndexedDB store, except that writing boundaries fails with `error`. */
  function failingWrites(store: AtlasStore, error: Error): AtlasStore {
    return {
      kind: store.kind,
      getBoundarySet: (vintage) => store.getBoundarySet(vintage),
      putBoundarySet: () => Promise.reject(error),
      getTileSet: (set) => store.getTileSet(set),
      putTileSet: (record) => store.putTileSet(record),
      getMeta: (key) => store.getMeta(key),
      putMeta: (key, value) => store.putMeta(key, value),
      listDatasets: () => store.listDatasets(),
      getObservations: (id) => store.getObservations(id),
      getUnitObservations: (units) => store.getUnitObservations(units),
      replaceBuiltInDatasets: (bundles, version) => store.replaceBuiltInDatasets(bundles, version),
      putUserDataset: (bundle) => store.putUserDataset(bundle),
      deleteDataset: (id) => store.deleteDataset(id),
      updateDatasetMetadata: (id, changes) => store.updateDatasetMetadata(id, changes),
      countObservations: () => store.countObservations(),
      listScenarios: () => store.listScenarios(),
      putScenario: (record) => store.putScenario(record),
      deleteScenario: (id) => store.deleteScenario(id),
      listUserBoundarySets: () => store.listUserBoundarySets(),
      getUserBoundarySet: (id) => store.getUserBoundarySet(id),
      putUserBoundarySet: (record) => store.putUserBoundarySet(record),
      deleteUserBoundarySet: (id) => store.deleteUserBoundarySet(id),
      listSlideDecks: () => store.listSlideDecks(),
      putSlideDeck: (record) => store.putSlideDeck(record),
      deleteSlideDeck: (id) => store.deleteSlideDeck(id),
      putSlideDecks: (records) => store.putSlideDecks(records),
    };
  }

  it("carries on from memory with reason 'quota' and keeps the user's datasets", async () => {
    const { db, store } = await indexedDbStore();
    const user = planBundle('my-import', false);
    await db.datasets.put({ ...user.metadata, storedAt: new Date().toISOString() });
    await db.figures.bulkPut(user.observations);
    const full = failingWrites(store, new DOMException('full', 'QuotaExceededError'));
    const b = build();

    const atlas = await load(full, serve(b));

    expect(atlas.status).toEqual({
      mode: 'memory',
      reason: 'quota',
      detail: 'QuotaExceededError: full',
    });
    expect(atlas.store).toBeInstanceOf(MemoryAtlasStore);
    expect(atlas.topology).toEqual(b.topology);
    expect(await ids(atlas.store)).toEqual(['my-import', 'tuyen-quang-2020-plan']);
    expect(await atlas.store.getObservations('tuyen-quang-2020-plan')).toEqual(
      b.bundles[0]!.observations,
    );
    expect(await atlas.store.getObservations('my-import')).toEqual(user.observations);
    expect(await atlas.store.getMeta(BUILT_IN_VERSION_KEY)).toBe(hash('d'));
    expect((await atlas.store.getBoundarySet('2019-districts'))?.contentHash).toBe(hash('b'));
    // Nothing was written to IndexedDB.
    expect(await store.getBoundarySet('2019-districts')).toBeUndefined();
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBeUndefined();
  });

  it("carries on from memory with reason 'error' for other write failures", async () => {
    const { store } = await indexedDbStore();
    const atlas = await load(failingWrites(store, new Error('disk')), serve(build()));
    expect(atlas.status).toEqual({ mode: 'memory', reason: 'error', detail: 'Error: disk' });
    expect(await ids(atlas.store)).toEqual(['tuyen-quang-2020-plan']);
  });
});
