import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoundaryManifest } from '../data/atlas-index.ts';
import type { DatasetBundle, Observation } from '../domain/dataset.ts';
import {
  AtlasDatabase,
  FIRST_DECK_ID,
  type BoundarySetRecord,
  type UnitRecord,
  type UserBoundarySetRecord,
} from './atlas-db.ts';
import {
  BUILT_IN_VERSION_KEY,
  READ_CHUNK,
  WRITE_CHUNK,
  IndexedDbAtlasStore,
  MemoryAtlasStore,
  describe as describeError,
  isQuotaError,
  memoryFallback,
  openAtlasStore,
  type AtlasStore,
} from './atlas-store.ts';

const VINTAGE = '2019-districts';

function bundle(id: string, builtIn: boolean, units = ['070', '071']): DatasetBundle {
  const observations: Observation[] = units.map((unitCode, i) => ({
    datasetId: id,
    unitCode,
    unitLevel: 'district',
    indicator: 'rate_start',
    year: 2020,
    value: 10 + i,
  }));
  return {
    metadata: {
      id,
      title: { vi: id, en: id },
      source: { title: 'Kế hoạch', number: null, date: null, issuer: 'UBND', locator: 'Biểu' },
      standard: '2016-2020',
      level: 'district',
      kind: builtIn ? 'plan' : 'survey',
      year: 2020,
      vintage: VINTAGE,
      licence: 'public',
      notes: [],
      indicators: ['rate_start'],
      builtIn,
      warnings: [],
    },
    observations,
  };
}

const MANIFEST = { schema: 1, vintage: VINTAGE, contentHash: 'hash' } as BoundaryManifest;

function boundarySet(contentHash: string, vintage = VINTAGE): BoundarySetRecord {
  return {
    vintage,
    contentHash,
    topologyText: `{"type":"Topology","hash":"${contentHash}"}`,
    manifest: MANIFEST,
    storedAt: '2024-01-01T00:00:00.000Z',
  };
}

function userBoundarySet(id: string, createdAt: string): UserBoundarySetRecord {
  return {
    id,
    name: `Ranh giới ${id}`,
    sourceFile: `${id}.zip`,
    featureCount: 2,
    matchedCount: 1,
    geojsonText: '{"type":"FeatureCollection","features":[]}',
    createdAt,
  };
}

function unit(code: string, vintage = VINTAGE): UnitRecord {
  return {
    id: `${vintage}:district:${code}`,
    vintage,
    level: 'district',
    code,
    name: `Huyện ${code}`,
    type: 'Huyện',
    provinceCode: '08',
  };
}

const sortById = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

/** Databases opened by a test, closed after it. */
const openDatabases: AtlasDatabase[] = [];
function newDatabase(name = `test-${crypto.randomUUID()}`) {
  const db = new AtlasDatabase(name);
  openDatabases.push(db);
  return db;
}

afterEach(() => {
  for (const db of openDatabases.splice(0)) db.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

interface Fixture {
  store: AtlasStore;
  /** Puts a dataset the way an import does, outside replaceBuiltInDatasets. */
  addUserDataset(bundle: DatasetBundle): Promise<void>;
}

/** A read-only source holding the given datasets, for MemoryAtlasStore.copyDatasetsFrom. */
function sourceOf(bundles: DatasetBundle[], version?: string): AtlasStore {
  const memory = new MemoryAtlasStore();
  return {
    kind: 'memory',
    getBoundarySet: (vintage) => memory.getBoundarySet(vintage),
    putBoundarySet: () => Promise.reject(new Error('read-only')),
    getTileSet: (set) => memory.getTileSet(set),
    putTileSet: () => Promise.reject(new Error('read-only')),
    getMeta: async (key) => (key === BUILT_IN_VERSION_KEY ? version : undefined),
    putMeta: () => Promise.reject(new Error('read-only')),
    listDatasets: async () =>
      bundles.map((b) => ({ ...b.metadata, storedAt: '2024-01-01T00:00:00.000Z' })),
    getObservations: async (id) => bundles.find((b) => b.metadata.id === id)?.observations ?? [],
    getUnitObservations: () => Promise.reject(new Error('not used by copyDatasetsFrom')),
    replaceBuiltInDatasets: () => Promise.reject(new Error('read-only')),
    putUserDataset: () => Promise.reject(new Error('read-only')),
    deleteDataset: () => Promise.reject(new Error('read-only')),
    updateDatasetMetadata: () => Promise.reject(new Error('read-only')),
    countObservations: async () =>
      new Map(bundles.map((b) => [b.metadata.id, b.observations.length])),
    listScenarios: async () => [],
    putScenario: () => Promise.reject(new Error('read-only')),
    deleteScenario: () => Promise.reject(new Error('read-only')),
    listUserBoundarySets: async () => [],
    getUserBoundarySet: async () => undefined,
    putUserBoundarySet: () => Promise.reject(new Error('read-only')),
    deleteUserBoundarySet: () => Promise.reject(new Error('read-only')),
    listSlideDecks: async () => [],
    putSlideDeck: () => Promise.reject(new Error('read-only')),
    putSlideDecks: () => Promise.reject(new Error('read-only')),
    deleteSlideDeck: () => Promise.reject(new Error('read-only')),
  };
}

const implementations: [string, () => Promise<Fixture>][] = [
  [
    'IndexedDbAtlasStore',
    async () => {
      const db = newDatabase();
      await db.open();
      return {
        store: new IndexedDbAtlasStore(db),
        async addUserDataset({ metadata, observations }) {
          await db.datasets.put({ ...metadata, storedAt: new Date().toISOString() });
          await db.figures.bulkPut(observations);
        },
      };
    },
  ],
  [
    'MemoryAtlasStore',
    async () => {
      const store = new MemoryAtlasStore();
      return {
        store,
        addUserDataset: (user) => store.copyDatasetsFrom(sourceOf([user])),
      };
    },
  ],
];

describe.each(implementations)('%s', (_name, create) => {
  it('starts empty', async () => {
    const { store } = await create();
    expect(await store.getBoundarySet(VINTAGE)).toBeUndefined();
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBeUndefined();
    expect(await store.listDatasets()).toEqual([]);
    expect(await store.getObservations('anything')).toEqual([]);
  });

  it('stores built-in datasets, their observations and the version hash', async () => {
    const { store } = await create();
    const plan = bundle('plan-a', true);
    await store.replaceBuiltInDatasets([plan], 'v1');

    const datasets = await store.listDatasets();
    expect(datasets).toEqual([{ ...plan.metadata, storedAt: expect.any(String) as string }]);
    expect(new Date(datasets[0]!.storedAt).toISOString()).toBe(datasets[0]!.storedAt);
    expect(await store.getObservations('plan-a')).toEqual(plan.observations);
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe('v1');
    expect(await store.getMeta('other-key')).toBeUndefined();
  });

  it('replaces the old built-in datasets and keeps a user dataset', async () => {
    const { store, addUserDataset } = await create();
    await store.replaceBuiltInDatasets([bundle('plan-a', true), bundle('plan-b', true)], 'v1');
    const user = bundle('my-survey', false, ['072']);
    await addUserDataset(user);

    const next = bundle('plan-c', true, ['073']);
    await store.replaceBuiltInDatasets([next], 'v2');

    expect((await store.listDatasets()).map((d) => d.id).sort()).toEqual(['my-survey', 'plan-c']);
    expect(await store.getObservations('plan-a')).toEqual([]);
    expect(await store.getObservations('plan-b')).toEqual([]);
    expect(await store.getObservations('plan-c')).toEqual(next.observations);
    expect(await store.getObservations('my-survey')).toEqual(user.observations);
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe('v2');
  });

  it("stores, describes, counts and deletes a person's dataset, leaving built-ins alone", async () => {
    const { store } = await create();
    await store.replaceBuiltInDatasets([bundle('plan-a', true)], 'v1');
    const mine = bundle('my-survey', false, ['072', '073', '074']);
    await store.putUserDataset(mine);
    expect(await store.getObservations('my-survey')).toEqual(mine.observations);
    expect(await store.countObservations()).toEqual(
      new Map([
        ['plan-a', 2],
        ['my-survey', 3],
      ]),
    );

    // Saving again under the same id replaces the figures, it does not add to them.
    const smaller = bundle('my-survey', false, ['072']);
    await store.putUserDataset(smaller);
    expect(await store.getObservations('my-survey')).toEqual(smaller.observations);

    await store.updateDatasetMetadata('my-survey', { title: { vi: 'Điều tra', en: 'Survey' } });
    const edited = (await store.listDatasets()).find((d) => d.id === 'my-survey')!;
    expect(edited.title).toEqual({ vi: 'Điều tra', en: 'Survey' });
    expect(edited.editedAt).toEqual(expect.any(String));
    expect(await store.getObservations('my-survey')).toEqual(smaller.observations);

    await store.deleteDataset('my-survey');
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['plan-a']);
    expect(await store.getObservations('my-survey')).toEqual([]);
  });

  it("reads one unit's figures from every dataset, and nothing of other units", async () => {
    const { store } = await create();
    await store.replaceBuiltInDatasets([bundle('plan-a', true, ['070', '071'])], 'v1');
    await store.putUserDataset(bundle('my-survey', false, ['071', '072']));
    const province = { ...bundle('province-08', false, ['08']) };
    province.observations = province.observations.map((o) => ({ ...o, unitLevel: 'province' }));
    await store.putUserDataset(province);

    const found = await store.getUnitObservations([
      { code: '071', level: 'district' },
      { code: '08', level: 'province' },
    ]);
    const keys = found.map((o) => `${o.datasetId}:${o.unitCode}:${o.value}`).sort();
    expect(keys).toEqual(['my-survey:071:10', 'plan-a:071:11', 'province-08:08:10']);
    // The level is part of the unit: a district asked for does not bring a province's figures.
    expect(await store.getUnitObservations([{ code: '08', level: 'district' }])).toEqual([]);
    // A province is its own province: asked for at both levels, each figure comes once.
    const own = await store.getUnitObservations([
      { code: '08', level: 'district' },
      { code: '08', level: 'province' },
    ]);
    expect(own.map((o) => `${o.datasetId}:${o.unitCode}:${o.value}`)).toEqual([
      'province-08:08:10',
    ]);
  });

  it('refuses to store an import over a built-in dataset or with stray figures', async () => {
    const { store } = await create();
    await store.replaceBuiltInDatasets([bundle('plan-a', true)], 'v1');
    const impostor = bundle('plan-a', false);
    await expect(store.putUserDataset(impostor)).rejects.toThrow('built-in');
    await expect(store.putUserDataset(bundle('x', true))).rejects.toThrow('built-in');
    const stray = bundle('mine', false);
    stray.observations[0] = { ...stray.observations[0]!, datasetId: 'plan-a' };
    await expect(store.putUserDataset(stray)).rejects.toThrow('belongs to plan-a');
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['plan-a']);
    expect(await store.getObservations('plan-a')).toEqual(bundle('plan-a', true).observations);
    await expect(store.updateDatasetMetadata('nothing', { year: 2021 })).rejects.toThrow();
  });

  it('replaces a boundary set', async () => {
    const { store } = await create();
    await store.putBoundarySet(boundarySet('old'), [unit('070'), unit('071')]);
    expect(await store.getBoundarySet(VINTAGE)).toEqual(boundarySet('old'));
    await store.putBoundarySet(boundarySet('new'), [unit('072')]);
    expect(await store.getBoundarySet(VINTAGE)).toEqual(boundarySet('new'));
    expect(await store.getBoundarySet('other-vintage')).toBeUndefined();
  });

  it('stores, lists (oldest first) and deletes imported boundary sets', async () => {
    const { store } = await create();
    expect(await store.listUserBoundarySets()).toEqual([]);
    expect(await store.listSlideDecks()).toEqual([]);
    await store.putUserBoundarySet(userBoundarySet('b', '2026-02-01T00:00:00.000Z'));
    await store.putUserBoundarySet(userBoundarySet('a', '2026-01-01T00:00:00.000Z'));
    expect((await store.listUserBoundarySets()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await store.getUserBoundarySet('b')).toEqual(
      userBoundarySet('b', '2026-02-01T00:00:00.000Z'),
    );
    await store.deleteUserBoundarySet('a');
    expect(await store.listUserBoundarySets()).toEqual([
      userBoundarySet('b', '2026-02-01T00:00:00.000Z'),
    ]);
  });

  it('saves, lists (latest first), replaces and deletes scenarios', async () => {
    const { store } = await create();
    const scenario = (id: string, updatedAt: string) => ({
      id,
      name: `Kịch bản ${id}`,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt,
      definition: { version: 1, units: { '071': { locked: true } } },
    });
    await store.putScenario(scenario('a', '2025-01-02T00:00:00.000Z'));
    await store.putScenario(scenario('b', '2025-01-03T00:00:00.000Z'));
    expect((await store.listScenarios()).map((s) => s.id)).toEqual(['b', 'a']);
    await store.putScenario({ ...scenario('a', '2025-01-04T00:00:00.000Z'), name: 'Đổi tên' });
    const listed = await store.listScenarios();
    expect(listed.map((s) => s.name)).toEqual(['Đổi tên', 'Kịch bản b']);
    expect(listed[0]!.definition).toEqual(scenario('a', '').definition);
    await store.deleteScenario('b');
    expect((await store.listScenarios()).map((s) => s.id)).toEqual(['a']);
  });

  it('saves, lists (in their order), replaces, reorders and deletes slide decks', async () => {
    const { store } = await create();
    const deck = (id: string, position: number) => ({
      id,
      name: `Họp ${id}`,
      updatedAt: '2025-01-02T00:00:00.000Z',
      position,
      json: '{}',
    });
    await store.putSlideDeck(deck('a', 1));
    await store.putSlideDeck(deck('b', 0));
    expect((await store.listSlideDecks()).map((d) => d.id)).toEqual(['b', 'a']);
    await store.putSlideDeck({ ...deck('a', 1), json: '{"x":1}' });
    expect((await store.listSlideDecks()).map((d) => [d.id, d.json])).toEqual([
      ['b', '{}'],
      ['a', '{"x":1}'],
    ]);
    await store.putSlideDecks([deck('b', 1), { ...deck('a', 0), json: '{"x":1}' }]);
    expect((await store.listSlideDecks()).map((d) => d.id)).toEqual(['a', 'b']);
    await store.deleteSlideDeck('b');
    expect((await store.listSlideDecks()).map((d) => d.id)).toEqual(['a']);
  });
});

describe('IndexedDbAtlasStore', () => {
  it('replaces the units of that vintage only', async () => {
    const db = newDatabase();
    const store = new IndexedDbAtlasStore(db);
    await store.putBoundarySet(boundarySet('x', 'other-vintage'), [unit('001', 'other-vintage')]);
    await store.putBoundarySet(boundarySet('old'), [unit('070'), unit('071')]);
    await store.putBoundarySet(boundarySet('new'), [unit('071'), unit('072')]);

    expect(sortById(await db.units.where('vintage').equals(VINTAGE).toArray())).toEqual([
      unit('071'),
      unit('072'),
    ]);
    expect(await db.units.where('vintage').equals('other-vintage').toArray()).toEqual([
      unit('001', 'other-vintage'),
    ]);
  });

  it('replaces a boundary set in one transaction: a failing write leaves the old one', async () => {
    const db = newDatabase();
    const store = new IndexedDbAtlasStore(db);
    await store.putBoundarySet(boundarySet('old'), [unit('070'), unit('071')]);

    const broken = { ...unit('072'), id: undefined } as unknown as UnitRecord;
    await expect(store.putBoundarySet(boundarySet('new'), [unit('073'), broken])).rejects.toThrow();

    expect(await store.getBoundarySet(VINTAGE)).toEqual(boundarySet('old'));
    expect(sortById(await db.units.toArray())).toEqual([unit('070'), unit('071')]);
  });

  it('replaces built-in datasets in one transaction: a failing write keeps the old ones', async () => {
    const db = newDatabase();
    const store = new IndexedDbAtlasStore(db);
    const plan = bundle('plan-a', true);
    await store.replaceBuiltInDatasets([plan], 'v1');

    const broken = bundle('plan-b', true);
    broken.observations[0] = { ...broken.observations[0]!, unitCode: undefined } as never;
    await expect(store.replaceBuiltInDatasets([broken], 'v2')).rejects.toThrow();

    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['plan-a']);
    expect(await store.getObservations('plan-a')).toEqual(plan.observations);
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe('v1');
  });

  it("stores a person's dataset in one transaction: a failing write stores nothing", async () => {
    const db = newDatabase();
    const store = new IndexedDbAtlasStore(db);
    const first = bundle('my-survey', false, ['070', '071']);
    await store.putUserDataset(first);

    const broken = bundle('my-survey', false, ['072', '073']);
    broken.observations[1] = { ...broken.observations[1]!, indicator: undefined } as never;
    await expect(store.putUserDataset(broken)).rejects.toThrow();
    // The earlier version is intact: neither its figures were deleted nor new ones added.
    expect(await store.getObservations('my-survey')).toEqual(first.observations);

    const fresh = bundle('new-import', false, ['072', '073']);
    fresh.observations[1] = { ...fresh.observations[1]!, unitCode: undefined } as never;
    await expect(store.putUserDataset(fresh)).rejects.toThrow();
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['my-survey']);
    expect(await db.figures.where('datasetId').equals('new-import').count()).toBe(0);
  });

  it('writes a large dataset in chunks, still all or nothing', async () => {
    const db = newDatabase();
    const store = new IndexedDbAtlasStore(db);
    const rest = WRITE_CHUNK / 2;
    const codes = Array.from({ length: 2 * WRITE_CHUNK + rest }, (_, i) =>
      String(i).padStart(5, '0'),
    );
    const large = bundle('communes', false, codes);
    const bulkPut = vi.spyOn(db.figures, 'bulkPut');
    await store.putUserDataset(large);
    expect(bulkPut.mock.calls.map(([records]) => records.length)).toEqual([
      WRITE_CHUNK,
      WRITE_CHUNK,
      rest,
    ]);
    expect(await store.getObservations('communes')).toHaveLength(codes.length);

    // A bad figure in the last chunk undoes the first two.
    const broken = bundle('communes-2', false, codes);
    broken.observations[codes.length - 1] = {
      ...broken.observations[codes.length - 1]!,
      indicator: undefined,
    } as never;
    await expect(store.putUserDataset(broken)).rejects.toThrow();
    expect(await db.figures.where('datasetId').equals('communes-2').count()).toBe(0);
  });

  it('reads a large dataset in chunks of keys: all its figures, in key order, no neighbour', async () => {
    const db = newDatabase();
    const store = new IndexedDbAtlasStore(db);
    const codes = Array.from({ length: 2 * READ_CHUNK + 7 }, (_, i) => String(i).padStart(5, '0'));
    const large = bundle('communes', false, codes);
    // Ids that sort right beside it, before and after.
    await store.putUserDataset(bundle('commune', false, codes.slice(0, 3)));
    await store.putUserDataset(large);
    await store.putUserDataset(bundle('communes-2', false, codes.slice(0, 3)));
    const where = vi.spyOn(db.figures, 'where');
    const read = await store.getObservations('communes');
    expect(where).toHaveBeenCalledTimes(3);
    const key = (o: Observation) => [o.unitCode, o.indicator, String(o.year)].join('|');
    const expected = [...large.observations].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(read).toEqual(expected);
    expect(await store.getObservations('nothing')).toEqual([]);
  });

  it('keeps what it stored across connections', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const first = new IndexedDbAtlasStore(newDatabase(name));
    await first.replaceBuiltInDatasets([bundle('plan-a', true)], 'v1');
    await first.putBoundarySet(boundarySet('h'), [unit('070')]);
    first.db.close();

    const second = new IndexedDbAtlasStore(newDatabase(name));
    expect((await second.listDatasets()).map((d) => d.id)).toEqual(['plan-a']);
    expect(await second.getMeta(BUILT_IN_VERSION_KEY)).toBe('v1');
    expect((await second.getBoundarySet(VINTAGE))?.contentHash).toBe('h');
  });
});

/** Figures as versions 1–4 stored them: no year (it was the dataset's). */
const withoutYears = (observations: Observation[]) =>
  observations.map(({ year: _year, ...rest }) => rest);

/** The schema of versions 1–4, written by a Dexie that knows nothing later. */
function version4(name: string): Dexie {
  const old = new Dexie(name);
  old.version(1).stores({
    boundarySets: 'vintage',
    units: 'id, vintage, provinceCode',
    datasets: 'id',
    observations: '[datasetId+unitCode+indicator], datasetId',
    scenarios: 'id, name, updatedAt',
    meta: 'key',
  });
  old.version(2).stores({ slideDecks: 'id, updatedAt' });
  old.version(3).stores({ userBoundarySets: 'id, createdAt' });
  old.version(4).stores({ slideDecks: 'id, updatedAt, position' });
  return old;
}

describe('schema upgrade', () => {
  it("opens a version-4 database at version 5 (or later): every figure gets its dataset's year, a person's data is intact", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v4 = version4(name);
    const built = bundle('plan-a', true, ['070', '071']);
    const mine = { ...bundle('import-mine', false, ['072']) };
    mine.metadata = { ...mine.metadata, year: 2023 };
    const deck = {
      id: 'd',
      name: 'Họp',
      updatedAt: '2026-01-01T00:00:00.000Z',
      position: 0,
      json: '{}',
    };
    await v4.table('datasets').bulkPut([
      { ...built.metadata, storedAt: '2026-01-01T00:00:00.000Z' },
      { ...mine.metadata, storedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    await v4
      .table('observations')
      .bulkPut(withoutYears([...built.observations, ...mine.observations]));
    await v4.table('slideDecks').put(deck);
    await v4.table('meta').put({ key: BUILT_IN_VERSION_KEY, value: 'v4' });
    v4.close();

    const db = newDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(db.tables.map((t) => t.name)).not.toContain('observations');
    const store = new IndexedDbAtlasStore(db);
    expect(await store.getObservations('plan-a')).toEqual(built.observations);
    expect(await store.getObservations('import-mine')).toEqual(
      mine.observations.map((o) => ({ ...o, year: 2023 })),
    );
    expect((await store.listDatasets()).map((d) => d.id).sort()).toEqual(['import-mine', 'plan-a']);
    expect(await store.listSlideDecks()).toEqual([deck]);
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe('v4');
    // A figure's key now names its year: one unit's two years are two figures.
    await store.putUserDataset(twoYears('history', false));
    expect(await store.getObservations('history')).toHaveLength(2);
  });

  it('opens a version-1 database at version 5 (or later) with its data intact and empty slide-deck and boundary-set tables', async () => {
    const name = `test-${crypto.randomUUID()}`;
    // The schema as version 1 shipped it, written by a Dexie that knows nothing later.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      boundarySets: 'vintage',
      units: 'id, vintage, provinceCode',
      datasets: 'id',
      observations: '[datasetId+unitCode+indicator], datasetId',
      scenarios: 'id, name, updatedAt',
      meta: 'key',
    });
    const mine = bundle('import-mine', false);
    const scenario = {
      id: 's1',
      name: 'Kịch bản',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      definition: { target: 3 },
    };
    await v1.table('datasets').put({ ...mine.metadata, storedAt: '2026-01-01T00:00:00.000Z' });
    await v1.table('observations').bulkPut(withoutYears(mine.observations));
    await v1.table('scenarios').put(scenario);
    await v1.table('boundarySets').put(boundarySet('h'));
    await v1.table('units').bulkPut([unit('070')]);
    await v1.table('meta').put({ key: BUILT_IN_VERSION_KEY, value: 'v1' });
    v1.close();

    const db = newDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    const store = new IndexedDbAtlasStore(db);
    expect(await store.listDatasets()).toEqual([
      { ...mine.metadata, storedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(await store.getObservations('import-mine')).toEqual(mine.observations);
    expect(await store.listScenarios()).toEqual([scenario]);
    expect(await store.getBoundarySet(VINTAGE)).toEqual(boundarySet('h'));
    expect(await db.units.toArray()).toEqual([unit('070')]);
    expect(await store.getMeta(BUILT_IN_VERSION_KEY)).toBe('v1');
    expect(await store.listUserBoundarySets()).toEqual([]);
    await store.putUserBoundarySet(userBoundarySet('a', '2026-03-01T00:00:00.000Z'));
    expect(await store.listUserBoundarySets()).toHaveLength(1);
    expect(await store.listSlideDecks()).toEqual([]);
  });

  it("opens a version-3 database at version 5 (or later): the one deck becomes the first of a list, and a person's data is intact", async () => {
    const name = `test-${crypto.randomUUID()}`;
    // The schema as version 3 shipped it: one deck, kept under the id "current", no position.
    const v3 = new Dexie(name);
    v3.version(1).stores({
      boundarySets: 'vintage',
      units: 'id, vintage, provinceCode',
      datasets: 'id',
      observations: '[datasetId+unitCode+indicator], datasetId',
      scenarios: 'id, name, updatedAt',
      meta: 'key',
    });
    v3.version(2).stores({ slideDecks: 'id, updatedAt' });
    v3.version(3).stores({ userBoundarySets: 'id, createdAt' });
    const deckJson = JSON.stringify({ format: 'vn-poverty-atlas-slides', version: 1, slides: [] });
    const current = {
      id: FIRST_DECK_ID,
      name: 'Họp giao ban',
      updatedAt: '2026-01-01T00:00:00.000Z',
      json: deckJson,
    };
    // A later-changed deck of another id (written by hand, say) must not push it from first place.
    const other = { ...current, id: 'x', name: 'Khác', updatedAt: '2026-02-01T00:00:00.000Z' };
    const mine = bundle('import-mine', false);
    const scenario = {
      id: 's1',
      name: 'Kịch bản',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      definition: { target: 3 },
    };
    const boundaries = userBoundarySet('u', '2026-03-01T00:00:00.000Z');
    await v3.table('slideDecks').bulkPut([other, current]);
    await v3.table('datasets').put({ ...mine.metadata, storedAt: '2026-01-01T00:00:00.000Z' });
    await v3.table('observations').bulkPut(withoutYears(mine.observations));
    await v3.table('scenarios').put(scenario);
    await v3.table('userBoundarySets').put(boundaries);
    v3.close();

    const db = newDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    const store = new IndexedDbAtlasStore(db);
    expect(await store.listSlideDecks()).toEqual([
      { ...current, position: 0 },
      { ...other, position: 1 },
    ]);
    expect(await store.getObservations('import-mine')).toEqual(mine.observations);
    expect(await store.listScenarios()).toEqual([scenario]);
    expect(await store.listUserBoundarySets()).toEqual([boundaries]);
  });
});

/** One unit's rate in 2010 and in 2015, as a multi-year dataset holds it. */
function twoYears(id: string, builtIn: boolean): DatasetBundle {
  const base = bundle(id, builtIn, ['070']);
  const [figure] = base.observations;
  return {
    metadata: { ...base.metadata, year: 2015, years: [2010, 2015] },
    observations: [
      { ...figure!, year: 2010, value: 30 },
      { ...figure!, year: 2015, value: 20 },
    ],
  };
}

describe.each(implementations)('%s with years', (_name, create) => {
  it('keeps each year of a multi-year dataset apart', async () => {
    const { store } = await create();
    const history = twoYears('history', true);
    await store.replaceBuiltInDatasets([history], 'v1');
    const stored = await store.getObservations('history');
    expect(stored.map((o) => [o.year, o.value]).sort()).toEqual([
      [2010, 30],
      [2015, 20],
    ]);
    expect(await store.getUnitObservations([{ code: '070', level: 'district' }])).toHaveLength(2);
  });

  it("moves a single-year dataset's figures to the year it is given, leaving a multi-year dataset's", async () => {
    const { store } = await create();
    await store.putUserDataset(bundle('mine', false, ['070', '071']));
    await store.updateDatasetMetadata('mine', { year: 2021 });
    expect((await store.getObservations('mine')).map((o) => o.year)).toEqual([2021, 2021]);
    await store.putUserDataset(twoYears('history', false));
    await store.updateDatasetMetadata('history', { year: 2016 });
    expect((await store.getObservations('history')).map((o) => o.year).sort()).toEqual([
      2010, 2015,
    ]);
  });
});

describe('MemoryAtlasStore.copyDatasetsFrom', () => {
  it('copies datasets, observations, imported boundary sets and the built-in version', async () => {
    const db = newDatabase();
    const source = new IndexedDbAtlasStore(db);
    const plan = bundle('plan-a', true);
    const user = bundle('my-survey', false, ['072']);
    await source.replaceBuiltInDatasets([plan], 'v1');
    await db.datasets.put({ ...user.metadata, storedAt: '2024-01-01T00:00:00.000Z' });
    await db.figures.bulkPut(user.observations);
    await source.putUserBoundarySet(userBoundarySet('mine', '2026-01-01T00:00:00.000Z'));

    const memory = new MemoryAtlasStore();
    await memory.copyDatasetsFrom(source);
    expect(await memory.listUserBoundarySets()).toEqual(await source.listUserBoundarySets());

    expect(sortById(await memory.listDatasets())).toEqual(sortById(await source.listDatasets()));
    expect(await memory.getObservations('plan-a')).toEqual(plan.observations);
    expect(await memory.getObservations('my-survey')).toEqual(user.observations);
    expect(await memory.getMeta(BUILT_IN_VERSION_KEY)).toBe('v1');
  });

  it('leaves the version unset when the source has none', async () => {
    const memory = new MemoryAtlasStore();
    await memory.copyDatasetsFrom(sourceOf([bundle('my-survey', false)]));
    expect((await memory.listDatasets()).map((d) => d.id)).toEqual(['my-survey']);
    expect(await memory.getMeta(BUILT_IN_VERSION_KEY)).toBeUndefined();
  });

  it('does not throw when the source cannot be read', async () => {
    const memory = new MemoryAtlasStore();
    const unreadable: AtlasStore = {
      ...sourceOf([]),
      listDatasets: () => Promise.reject(new DOMException('gone', 'UnknownError')),
    };
    await expect(memory.copyDatasetsFrom(unreadable)).resolves.toBeUndefined();
    expect(await memory.listDatasets()).toEqual([]);
  });
});

describe('openAtlasStore', () => {
  it('opens IndexedDB', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const { store, status } = await openAtlasStore(() => newDatabase(name));
    expect(status).toEqual({ mode: 'indexeddb' });
    expect(store).toBeInstanceOf(IndexedDbAtlasStore);
    expect(store.kind).toBe('indexeddb');
    const { db } = store as IndexedDbAtlasStore;
    expect(db.name).toBe(name);
    expect(db.isOpen()).toBe(true);
  });

  it("falls back to memory with reason 'unavailable' when indexedDB is undefined", async () => {
    vi.stubGlobal('indexedDB', undefined);
    const createDatabase = vi.fn(() => newDatabase());
    const { store, status } = await openAtlasStore(createDatabase);
    expect(store).toBeInstanceOf(MemoryAtlasStore);
    expect(status).toEqual({
      mode: 'memory',
      reason: 'unavailable',
      detail: 'indexedDB is not defined',
    });
    expect(createDatabase).not.toHaveBeenCalled();
  });

  it("falls back with reason 'unavailable' when the database cannot be created", async () => {
    const { store, status } = await openAtlasStore(() => {
      throw new TypeError('no Dexie here');
    });
    expect(store.kind).toBe('memory');
    expect(status).toEqual({
      mode: 'memory',
      reason: 'unavailable',
      detail: 'TypeError: no Dexie here',
    });
  });

  it("falls back with reason 'quota' or 'unavailable' when opening fails", async () => {
    const full = newDatabase();
    vi.spyOn(full, 'open').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    expect((await openAtlasStore(() => full)).status).toEqual({
      mode: 'memory',
      reason: 'quota',
      detail: 'QuotaExceededError: full',
    });

    const broken = newDatabase();
    vi.spyOn(broken, 'open').mockRejectedValue(new DOMException('nope', 'InvalidStateError'));
    expect((await openAtlasStore(() => broken)).status).toEqual({
      mode: 'memory',
      reason: 'unavailable',
      detail: 'InvalidStateError: nope',
    });
  });

  it("falls back with reason 'blocked' when an older connection does not close", async () => {
    const name = `test-${crypto.randomUUID()}`;
    // An older tab: schema version 1 (Dexie asks for version 10), ignoring versionchange.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const versionChange = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // Dexie logs the blocked upgrade.
    older.onversionchange = versionChange;
    try {
      const started = Date.now();
      const { store, status } = await openAtlasStore(() => newDatabase(name));
      expect(store.kind).toBe('memory');
      expect(status).toEqual({
        mode: 'memory',
        reason: 'blocked',
        detail: 'another tab holds an older version of the database',
      });
      expect(versionChange).toHaveBeenCalled();
      // Dexie's blocked event answers at once; the 4 s timeout is only a backstop.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      older.close();
    }
  });

  it('opens IndexedDB once the other tab lets go', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const opened = await openAtlasStore(() => newDatabase(name));
    expect(opened.status).toMatchObject({ mode: 'memory', reason: 'blocked' });
    older.close();
    const later = await opened.unblocked!;
    expect(later.status).toEqual({ mode: 'indexeddb' });
    expect(later.store.kind).toBe('indexeddb');
    await later.store.putMeta('k', 'v');
    expect(await later.store.getMeta('k')).toBe('v');
  });
});

describe('memoryFallback', () => {
  it('gives a fresh memory store and the reason', () => {
    const a = memoryFallback('error', 'disk');
    const b = memoryFallback('error', 'disk');
    expect(a.store).toBeInstanceOf(MemoryAtlasStore);
    expect(a.store).not.toBe(b.store);
    expect(a.status).toEqual({ mode: 'memory', reason: 'error', detail: 'disk' });
  });
});

describe('isQuotaError', () => {
  it('recognises a DOMException named QuotaExceededError', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
  });

  it('recognises a Dexie error whose inner error is a QuotaExceededError', () => {
    const error = new Dexie.AbortError(
      'Transaction aborted',
      new DOMException('full', 'QuotaExceededError'),
    );
    expect(error.name).toBe('AbortError');
    expect(isQuotaError(error)).toBe(true);
  });

  it('rejects other errors and non-errors', () => {
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('x', new Error('other')))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe('describe', () => {
  it('names an error and its message, or stringifies anything else', () => {
    expect(describeError(new RangeError('bad'))).toBe('RangeError: bad');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(42)).toBe('42');
  });
});
