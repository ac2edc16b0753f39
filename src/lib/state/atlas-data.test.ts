import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE, build, hash, serve, type Site } from '../data/atlas-site.fixture.ts';
import { AtlasDatabase } from '../db/atlas-db.ts';
import { openAtlasStore } from '../db/atlas-store.ts';
import { AtlasData } from './atlas-data.svelte.ts';

const databases: AtlasDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

/** One browser profile: a database of its own, shared by every AtlasData made from it. */
function profile() {
  const name = `atlas-data-${crypto.randomUUID()}`;
  return () =>
    openAtlasStore(() => {
      const db = new AtlasDatabase(name);
      databases.push(db);
      return db;
    });
}

function atlasData(origin: Site, openStore = profile(), onLoaded?: () => Promise<void>) {
  return new AtlasData({ fetch: origin.fetch, openStore, ...(onLoaded ? { onLoaded } : {}) });
}

describe('AtlasData', () => {
  it('loads the boundaries, tiles and datasets, and is ready only after its onLoaded work', async () => {
    const b = build();
    const seen: string[] = [];
    const data: AtlasData = atlasData(serve(b), profile(), async () => {
      seen.push(`${data.phase}: ${data.datasets.map((d) => d.id).join()}`);
    });
    expect(data.phase).toBe('loading');
    await data.load(BASE);
    expect(data.phase).toBe('ready');
    expect(seen).toEqual(['loading: tuyen-quang-2020-plan']);
    expect(data.units.map((u) => `${u.level}:${u.code}`).sort()).toEqual([
      'district:070',
      'district:071',
      'province:08',
    ]);
    expect(data.tiles?.header.set).toBe('2019');
    expect(data.geometry?.provinces.features.map((f) => f.properties.name)).toEqual([
      'Tuyên Quang',
    ]);
    expect(data.progress.fraction).toBe(1);
    expect(data.store).not.toBeNull();
  });

  it('says it failed, naming the file, when the first visit cannot fetch the data', async () => {
    const origin = serve(build());
    origin.files.delete(`${BASE}atlas.json`);
    const data = atlasData(origin);
    await data.load(BASE);
    expect(data.phase).toBe('failed');
    expect(data.error).toContain(`${BASE}atlas.json`);
  });

  it('draws a return visit from storage, and settles only once a newer build is loaded', async () => {
    const openStore = profile();
    await atlasData(serve(build()), openStore).load(BASE);

    const newer = build({ shift: 1, boundaryHash: hash('c') });
    const origin = serve(newer);
    const data = atlasData(origin, openStore);
    await data.load(BASE);
    // Ready from storage: the stored index, whatever the server now has.
    expect(data.phase).toBe('ready');
    await data.settled();
    expect(data.index?.boundaries.contentHash).toBe(hash('c'));
    expect(origin.requests.some((r) => r.url.startsWith(`${BASE}boundaries-2019.topojson`))).toBe(
      true,
    );
  });
});
