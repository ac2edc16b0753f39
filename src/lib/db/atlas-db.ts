import Dexie, { type EntityTable, type Table } from 'dexie';
import type { BoundaryManifest } from '../data/atlas-index.ts';
import type { DatasetMetadata, Observation, UnitLevel } from '../domain/dataset.ts';

/**
 * The atlas's one IndexedDB database. Schema versions are append-only: a new version adds an
 * upgrade function and never drops a table that holds a person's own data.
 */

/** A boundary vintage's topology, kept as the JSON text it arrived in (cheap to clone and store). */
export interface BoundarySetRecord {
  vintage: string;
  contentHash: string;
  topologyText: string;
  manifest: BoundaryManifest;
  storedAt: string;
}

/**
 * A boundary set's vector tiles (see tile-bundle.ts), kept under the content hash the index gave:
 * a returning visit draws the map from here without the network.
 */
export interface TileSetRecord {
  set: string;
  contentHash: string;
  bytes: ArrayBuffer;
  storedAt: string;
}

export interface UnitRecord {
  /** `${vintage}:${level}:${code}` */
  id: string;
  vintage: string;
  level: UnitLevel;
  code: string;
  name: string;
  type: string;
  provinceCode: string;
}

export interface DatasetRecord extends DatasetMetadata {
  storedAt: string;
  /** When a person last edited the metadata; "restore defaults" asks before undoing that. */
  editedAt?: string;
}

export type ObservationRecord = Observation;

/** Saved scenarios (the scenario simulator fills `definition`). */
export interface ScenarioRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  definition: unknown;
}

/**
 * A boundary set a person imported (GeoJSON, TopoJSON or zipped Shapefile), stored as the
 * GeoJSON FeatureCollection the map draws: each feature's name, code and matched district.
 */
export interface UserBoundarySetRecord {
  id: string;
  name: string;
  /** The file it came from, credited on the map. */
  sourceFile: string;
  featureCount: number;
  /** Features matched to a 2019 district, which the current dataset can colour. */
  matchedCount: number;
  geojsonText: string;
  createdAt: string;
}

/** A presentation's slides, as the deck file's JSON (`deckToJson`): checked in full on read. */
export interface SlideDeckRecord {
  id: string;
  name: string;
  updatedAt: string;
  /** Where the deck stands in the list of decks, from 0. */
  position: number;
  json: string;
}

/** The id under which versions 2–3 kept their one deck. */
export const FIRST_DECK_ID = 'current';

export interface MetaRecord {
  key: string;
  value: string;
}

export const DATABASE_NAME = 'vn-poverty-atlas';

/** Figures copied per request by the version-5 upgrade. */
const MIGRATE_CHUNK = 5000;

export class AtlasDatabase extends Dexie {
  boundarySets!: EntityTable<BoundarySetRecord, 'vintage'>;
  tileSets!: EntityTable<TileSetRecord, 'set'>;
  units!: EntityTable<UnitRecord, 'id'>;
  datasets!: EntityTable<DatasetRecord, 'id'>;
  /** Figures, keyed by dataset, unit, indicator and year (`observations` until version 5). */
  figures!: Table<ObservationRecord, [string, string, string, number]>;
  scenarios!: EntityTable<ScenarioRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  userBoundarySets!: EntityTable<UserBoundarySetRecord, 'id'>;
  slideDecks!: EntityTable<SlideDeckRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      boundarySets: 'vintage',
      units: 'id, vintage, provinceCode',
      datasets: 'id',
      observations: '[datasetId+unitCode+indicator], datasetId',
      scenarios: 'id, name, updatedAt',
      meta: 'key',
    });
    // 2: presentation slide decks. A new table only: every v1 table and record is kept as it is.
    this.version(2).stores({ slideDecks: 'id, updatedAt' });
    // 3: boundary sets a person imported. Dexie keeps every earlier table; 3 names only its own.
    this.version(3).stores({ userBoundarySets: 'id, createdAt' });
    // 4: any number of decks, in the order a person puts them. The one deck kept until now stays
    // and becomes the first; any other (none shipped) follows, latest changed first.
    this.version(4)
      .stores({ slideDecks: 'id, updatedAt, position' })
      .upgrade(async (tx) => {
        const table = tx.table<SlideDeckRecord, string>('slideDecks');
        const decks = await table.toArray();
        decks.sort((a, b) =>
          a.id === FIRST_DECK_ID
            ? -1
            : b.id === FIRST_DECK_ID
              ? 1
              : b.updatedAt.localeCompare(a.updatedAt),
        );
        await table.bulkPut(decks.map((deck, position) => ({ ...deck, position })));
      });
    // 5: a dataset holds any number of years, so a figure's key names its year. IndexedDB cannot
    // change a table's key: the figures move to a new table `figures`, each given its dataset's
    // year (records stored before years existed are all single-year), and `observations` goes
    // once they are copied (Dexie deletes it after this upgrade has run).
    this.version(5)
      .stores({
        observations: null,
        figures: '[datasetId+unitCode+indicator+year], datasetId',
      })
      .upgrade(async (tx) => {
        const years = new Map(
          (await tx.table<DatasetRecord, string>('datasets').toArray()).map((d) => [d.id, d.year]),
        );
        const figures = tx.table<ObservationRecord>('figures');
        const old = tx.table<Omit<ObservationRecord, 'year'> & { year?: number }>('observations');
        const records = await old.toArray();
        for (let i = 0; i < records.length; i += MIGRATE_CHUNK) {
          await figures.bulkPut(
            records.slice(i, i + MIGRATE_CHUNK).map((o) => ({
              ...o,
              // A figure of a dataset that is gone (none should be) keeps year 0: still readable.
              year: o.year ?? years.get(o.datasetId) ?? 0,
            })),
          );
        }
      });
    // 6: the map's vector tiles, one bundle per boundary set (built-in data only, re-fetched
    // whenever the build changes, so no upgrade step).
    this.version(6).stores({ tileSets: 'set' });
  }
}
