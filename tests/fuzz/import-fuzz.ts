/**
 * The import fuzz suite: seeded, deterministic mutations of real files (the seed CSVs and the
 * Tuyên Quang annex as CSV, XLSX and JSON; the districts of one province as GeoJSON, TopoJSON and
 * a zipped Shapefile) sent through the functions the two import workers call, in their order.
 * Oracles: no exception but an `ImportFileError` from the reader; no case over 2 s; whatever is
 * accepted satisfies the import's rules; equivalent re-encodings of a table give the same figures.
 * `npm run fuzz` runs 10,000 cases (FUZZ_CASES, FUZZ_SEED); `import-fuzz.test.ts` runs 500.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanClockwise, booleanPointInPolygon, kinks } from '@turf/turf';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import { feature as topologyFeature } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import writeExcelFile from 'write-excel-file/universal';
import { unitsFromTopology, type BoundaryTopology } from '../../src/lib/data/boundary-topology.ts';
import type { DatasetMetadata } from '../../src/lib/domain/dataset.ts';
import { proposeSettings } from '../../src/lib/domain/import/analyse-import.ts';
import { VIETNAM_EXTENT } from '../../src/lib/domain/import/boundaries/boundary-geometry.ts';
import { createBoundaryReport } from '../../src/lib/domain/import/boundaries/boundary-report.ts';
import {
  createBoundaryCollection,
  guessBoundaryProperties,
  matchBoundaries,
} from '../../src/lib/domain/import/boundaries/match-boundaries.ts';
import { readBoundaryFile } from '../../src/lib/domain/import/boundaries/read-boundary-file.ts';
import { seedColumnRole } from '../../src/lib/domain/import/columns.ts';
import { analyseImportInEra } from '../../src/lib/domain/import/import-era.ts';
import {
  createImportBundle,
  createImportReport,
} from '../../src/lib/domain/import/import-report.ts';
import { countCeiling, IMPORT_LIMITS, isWholeUnit } from '../../src/lib/domain/import/limits.ts';
import { ImportFileError, readImportFile } from '../../src/lib/domain/import/read-import-file.ts';
import {
  createUnitMatcher,
  foldText,
  type KnownUnit,
} from '../../src/lib/domain/import/unit-names.ts';
import { INDICATORS, type IndicatorId } from '../../src/lib/domain/indicators.ts';
import { createZippedShapefile, WGS84_PRJ } from '../fixtures/shapefile.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CASE_BUDGET_MS = 2000;

// ---------------------------------------------------------------------------------------------
// The real files every case starts from.

const topology = JSON.parse(
  readFileSync(path.join(ROOT, 'public', 'generated', 'boundaries-2019.topojson'), 'utf8'),
) as BoundaryTopology;
const UNITS: KnownUnit[] = unitsFromTopology(topology).map(
  ({ level, code, name, provinceCode }) => ({
    level,
    code,
    name,
    provinceCode,
  }),
);
const matchers = { '2019': createUnitMatcher(UNITS), '2025': null };

const SEEDS = [
  ...[
    'tuyen-quang-2020-plan',
    'tuyen-quang-2020-budget',
    'rach-gia-2022-review',
    'krong-pa-2021-report',
    'kien-giang-2016-review',
    'kien-giang-2015-income-standard',
    'kien-giang-2010-income-standard',
  ].map((name) => path.join(ROOT, 'data', 'seeds', `${name}.csv`)),
  path.join(ROOT, 'tests', 'fixtures', 'tuyen-quang-2020-annex.csv'),
].map((file) => ({
  name: path.basename(file),
  /** The seeds write numbers the English way (36.03), the annex the Vietnamese (210.299). */
  numbers: file.endsWith('annex.csv') ? ('vi' as const) : ('en' as const),
  rows: Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data,
}));

const METADATA = (() => {
  const meta = JSON.parse(
    readFileSync(path.join(ROOT, 'data', 'seeds', 'tuyen-quang-2020-plan.meta.json'), 'utf8'),
  ) as DatasetMetadata;
  return { ...meta, id: 'fuzz' };
})();

/** The districts of Tuyên Quang (08) as GeoJSON: real rings, holes and all. */
const DISTRICTS: Feature<Polygon | MultiPolygon>[] = (() => {
  const districts = topology.objects.districts as unknown as GeometryCollection;
  const collection = topologyFeature(
    topology as unknown as Topology,
    districts,
  ) as FeatureCollection;
  return collection.features
    .filter((f) => (f.properties as { provinceCode: string }).provinceCode === '08')
    .map((f) => {
      const p = f.properties as { code: string; name: string };
      return {
        type: 'Feature',
        properties: { ma_huyen: p.code, ten_huyen: p.name },
        geometry: f.geometry as Polygon | MultiPolygon,
      };
    });
})();

// ---------------------------------------------------------------------------------------------
// Equivalent spellings of one table.

const WINDOWS_1258 = (() => {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) table.set(decoder.decode(new Uint8Array([b])), b);
  return table;
})();
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Windows-1258 writes a letter as its base (ă, ê, ơ…) and a combining tone mark. */
function encode1258(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const decomposed = char.normalize('NFD');
    const base = decomposed.replace(TONES, '').normalize('NFC');
    for (const part of [base, ...(decomposed.match(TONES) ?? [])]) {
      const byte = WINDOWS_1258.get(part);
      if (byte === undefined) return null;
      bytes.push(byte);
    }
  }
  return new Uint8Array(bytes);
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i += 1)
    view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** A number cell in Vietnamese form: `.` groups thousands, `,` marks decimals. */
function vietnamese(value: string): string {
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(value)) return value;
  const [whole, fraction] = value.replace(/,/g, '').split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** A number cell in English form, from the Vietnamese. */
function english(value: string): string {
  if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(value)) return value;
  return value.replace(/\./g, '').replace(',', '.');
}

type Spelling = (rows: string[][], numbers: 'en' | 'vi') => Uint8Array | null;
const csv = (rows: string[][], delimiter = ',') => Papa.unparse(rows, { delimiter, newline: '\n' });
const SPELLINGS: Spelling[] = [
  (rows) => utf8(csv(rows)),
  (rows) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv(rows))]),
  (rows) => utf16(csv(rows), true),
  (rows) => utf16(csv(rows), false),
  (rows) => encode1258(csv(rows)),
  (rows) => utf8(csv(rows, ';')),
  (rows) => utf8(csv(rows, '\t')),
  (rows, numbers) => {
    const other = numbers === 'en' ? vietnamese : english;
    return utf8(
      csv(
        rows.map((row, r) => (r === 0 ? row : row.map(other))),
        ';',
      ),
    );
  },
  (rows) => utf8(csv(rows).normalize('NFD')),
  (rows) => utf8(csv(rows).replace(/\n/g, '\r\n')),
];

// ---------------------------------------------------------------------------------------------
// Cases: small descriptions, drawn by fast-check from the seed, made into bytes one at a time.

const HOSTILE_CELLS = [
  '12,5 %',
  '12 %',
  '1e308',
  '1e29',
  '250',
  '-3',
  '-101',
  '5.4',
  '5,4',
  '0',
  '',
  'NaN',
  'Infinity',
  '=1+1',
  '@SUM(A1)',
  '9999999999',
  '1.234.567',
  '1,234,567',
  '(12)',
  '١٢',
];
const HOSTILE_HEADERS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', ''];

type Mutation =
  | { op: 'cell'; row: number; col: number; value: string }
  | { op: 'header'; col: number; value: string | null }
  | { op: 'duplicate-column'; col: number; delta: number }
  | { op: 'duplicate-row'; row: number }
  | { op: 'unit-column'; col: number; row: number }
  | { op: 'duplicate-key'; row: number; col: number }
  | { op: 'long-cell'; row: number; col: number; length: number }
  | { op: 'split-cell'; row: number; col: number }
  | { op: 'truncate'; at: number }
  | { op: 'byte'; at: number; value: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'nest'; depth: number }
  | { op: 'geometry'; feature: number; fault: GeometryFault }
  | { op: 'bomb' };

type GeometryFault = 'bow-tie' | 'reverse' | 'hole-outside' | 'spike' | 'nan' | 'projected';

const TABLE_FORMATS = ['csv', 'xlsx', 'json', 'geojson', 'topojson'] as const;
const BOUNDARY_FORMATS = ['boundary-geojson', 'boundary-topojson', 'shapefile'] as const;
type CaseFormat = (typeof TABLE_FORMATS)[number] | (typeof BOUNDARY_FORMATS)[number] | 'reencode';

export interface FuzzCase {
  format: CaseFormat;
  base: number;
  mutations: Mutation[];
  /** For 'reencode': the two equivalent spellings compared. */
  spellings: [number, number];
}

const at = fc.double({ min: 0, max: 1, noNaN: true });
const index = fc.nat({ max: 40 });
const tableMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('cell' as const),
    row: index,
    col: index,
    value: fc.oneof(fc.constantFrom(...HOSTILE_CELLS), fc.string({ maxLength: 6 })),
  }),
  fc.record({
    op: fc.constant('header' as const),
    col: index,
    value: fc.option(fc.constantFrom(...HOSTILE_HEADERS)),
  }),
  fc.record({
    op: fc.constant('duplicate-column' as const),
    col: index,
    delta: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({ op: fc.constant('duplicate-row' as const), row: index }),
  fc.record({ op: fc.constant('unit-column' as const), col: index, row: index }),
  fc.record({ op: fc.constant('duplicate-key' as const), row: index, col: index }),
  fc.record({
    op: fc.constant('long-cell' as const),
    row: index,
    col: index,
    length: fc.constantFrom(201, 1001, 100_000, 10_000_000),
  }),
  fc.record({ op: fc.constant('split-cell' as const), row: index, col: index }),
);
const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('byte' as const), at, value: fc.nat({ max: 255 }) }),
  fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
);
const geometryMutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constant('geometry' as const),
  feature: fc.nat({ max: 10 }),
  fault: fc.constantFrom<GeometryFault>(
    'bow-tie',
    'reverse',
    'hole-outside',
    'spike',
    'nan',
    'projected',
  ),
});

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  fc.record({
    format: fc.constantFrom(...TABLE_FORMATS),
    base: fc.nat({ max: SEEDS.length - 1 }),
    mutations: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: tableMutation },
        { weight: 2, arbitrary: byteMutation },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('nest' as const),
            depth: fc.constantFrom(40, 70, 100_000),
          }),
        },
        { weight: 1, arbitrary: fc.constant({ op: 'bomb' as const }) },
      ),
      { maxLength: 3 },
    ),
    spellings: fc.constant<[number, number]>([0, 0]),
  }),
  fc.record({
    format: fc.constantFrom(...BOUNDARY_FORMATS),
    base: fc.constant(0),
    mutations: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: geometryMutation },
        { weight: 2, arbitrary: byteMutation },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('header' as const),
            col: index,
            value: fc.constantFrom(...HOSTILE_HEADERS),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('duplicate-key' as const),
            row: index,
            col: index,
          }),
        },
        { weight: 1, arbitrary: fc.constant({ op: 'bomb' as const }) },
      ),
      { maxLength: 3 },
    ),
    spellings: fc.constant<[number, number]>([0, 0]),
  }),
  fc.record({
    format: fc.constant('reencode' as const),
    base: fc.nat({ max: SEEDS.length - 1 }),
    mutations: fc.array(
      fc.record({
        op: fc.constant('cell' as const),
        row: index,
        col: index,
        value: fc.oneof(
          fc.constantFrom(...HOSTILE_CELLS),
          fc.integer({ min: 0, max: 99_999 }).map(String),
        ),
      }),
      { maxLength: 2 },
    ),
    spellings: fc.tuple(
      fc.nat({ max: SPELLINGS.length - 1 }),
      fc.nat({ max: SPELLINGS.length - 1 }),
    ),
  }),
);

// ---------------------------------------------------------------------------------------------
// Making bytes.

/**
 * The rows with the table mutations made; `disagreeingCopy` when a unit column was copied with
 * one row naming another unit, `split` when a figure of a data row was split in two cells (as
 * an unquoted `3,094` in a comma-delimited file is), both of which the import must refuse.
 */
function mutateRows(
  rows: string[][],
  mutations: Mutation[],
): { rows: string[][]; disagreeingCopy: boolean; split: boolean } {
  const out = rows.map((row) => [...row]);
  let disagreeingCopy = false;
  let split = false;
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  for (const m of mutations) {
    if (m.op === 'cell') {
      const row = pick(out.slice(1), m.row);
      if (row) row[m.col % row.length] = m.value;
    } else if (m.op === 'header') {
      const header = out[0]!;
      header[m.col % header.length] = m.value ?? pick(header, m.col + 1)!;
    } else if (m.op === 'duplicate-column') {
      const c = m.col % out[0]!.length;
      for (const [r, row] of out.entries()) {
        const value = row[c] ?? '';
        const number = Number(value);
        row.push(
          r > 0 && value !== '' && Number.isFinite(number)
            ? String(Math.max(0, number + m.delta))
            : value,
        );
      }
    } else if (m.op === 'unit-column') {
      // The seeds name their unit columns (district_code…); the annex, read turned, has none.
      const units = out[0]!.flatMap((h, c) =>
        UNIT_ROLES.has(seedColumnRole(h) ?? 'ignore') ? [c] : [],
      );
      const data = out.slice(1);
      if (units.length === 0 || data.length === 0) continue;
      const c = units[m.col % units.length]!;
      const r = m.row % data.length;
      const own = data[r]![c] ?? '';
      // Another row's unit, when the column has one (a province column may hold one code).
      const other = data.map((row) => row[c] ?? '').find((v) => foldText(v) !== foldText(own));
      for (const [i, row] of out.entries()) {
        row.push(i === r + 1 && other !== undefined ? other : (row[c] ?? ''));
      }
      if (other !== undefined) disagreeingCopy = true;
    } else if (m.op === 'duplicate-row') {
      const row = pick(out.slice(1), m.row);
      if (row) out.push([...row]);
    } else if (m.op === 'long-cell') {
      const row = pick(out, m.row)!;
      row[m.col % row.length] = `Huyện ${'x'.repeat(m.length)}`;
    } else if (m.op === 'split-cell') {
      // A figure of two digits or more, not a unit's code: the row keeps its unit.
      const header = out[0]!;
      const row = pick(out.slice(1), m.row);
      const figures = (row ?? []).flatMap((value, c) =>
        /^\d{2,}(\.\d+)?$/.test(value) &&
        !UNIT_ROLES.has(seedColumnRole(header[c] ?? '') ?? 'ignore')
          ? [c]
          : [],
      );
      if (!row || figures.length === 0) continue;
      const c = figures[m.col % figures.length]!;
      const value = row[c]!;
      const cut = Math.ceil(value.length / 2);
      row.splice(c, 1, value.slice(0, cut), value.slice(cut));
      split = true;
    }
  }
  return { rows: out, disagreeingCopy, split };
}

const UNIT_ROLES: ReadonlySet<string> = new Set(['code', 'name', 'province']);
/** Marks a key that the JSON text then names twice (JSON.stringify writes each key once). */
const TWICE = '\u0000twice';

function mutateBytes(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const i = Math.floor(
      (m.op === 'truncate' || m.op === 'byte' || m.op === 'delete' ? m.at : 0) * out.length,
    );
    if (m.op === 'truncate') out = out.slice(0, i);
    else if (m.op === 'byte' && out.length > 0) {
      out = out.slice();
      out[Math.min(i, out.length - 1)] = m.value;
    } else if (m.op === 'delete')
      out = new Uint8Array([...out.subarray(0, i), ...out.subarray(i + m.length)]);
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function recordsOf(rows: string[][]): Record<string, string>[] {
  const [header = [], ...data] = rows;
  return data.map((row) => {
    const record: Record<string, string> = {};
    // defineProperty: a key `__proto__` is a field like any other. A JSON record naming a key
    // twice is refused (the 'duplicate-key' mutation plants one), so of two equal headers the
    // first is kept.
    header.forEach((key, c) => {
      if (!Object.hasOwn(record, key)) {
        Object.defineProperty(record, key, { value: row[c] ?? '', enumerable: true });
      }
    });
    return record;
  });
}

async function tableBytes(
  format: (typeof TABLE_FORMATS)[number],
  rows: string[][],
  mutations: Mutation[],
) {
  const nest = mutations.find((m) => m.op === 'nest');
  if (mutations.some((m) => m.op === 'bomb')) {
    return { name: 'bang.xlsx', bytes: BOMB() };
  }
  const name = `bang.${format}`;
  let bytes: Uint8Array;
  if (format === 'csv') bytes = utf8(Papa.unparse(rows));
  else if (format === 'xlsx') {
    const data = rows.map((row) =>
      row.map((value) =>
        value !== '' && /^-?\d+(\.\d+)?$/.test(value) ? { value: Number(value) } : { value },
      ),
    );
    const blob = await writeExcelFile(data).toBlob();
    bytes = new Uint8Array(await blob.arrayBuffer());
  } else {
    const records = recordsOf(rows);
    const twice = mutations.find((m) => m.op === 'duplicate-key');
    const record = twice?.op === 'duplicate-key' ? records[twice.row % records.length] : undefined;
    if (twice?.op === 'duplicate-key' && record) {
      const keys = Object.keys(record);
      const key = keys[twice.col % keys.length];
      if (key !== undefined) {
        const value = `${record[key]}0`;
        Object.defineProperty(record, `${key}${TWICE}`, { value, enumerable: true });
      }
    }
    const geometry = { type: 'Point', coordinates: [105.2, 22.1] };
    const value =
      format === 'json'
        ? records
        : format === 'geojson'
          ? {
              type: 'FeatureCollection',
              features: records.map((properties) => ({ type: 'Feature', properties, geometry })),
            }
          : {
              type: 'Topology',
              arcs: [],
              objects: {
                bang: {
                  type: 'GeometryCollection',
                  geometries: records.map((properties) => ({
                    type: 'Point',
                    coordinates: [0, 0],
                    properties,
                  })),
                },
              },
            };
    let text = JSON.stringify(value).replace(`${JSON.stringify(TWICE).slice(1, -1)}"`, '"');
    if (nest?.op === 'nest')
      text = `{"rows":${'['.repeat(nest.depth)}${text}${']'.repeat(nest.depth)}}`;
    bytes = utf8(text);
  }
  return { name, bytes: mutateBytes(bytes, mutations) };
}

let bomb: Uint8Array | null = null;
/** A 60 MB XML part in a zip of a few dozen kilobytes, made once. */
function BOMB(): Uint8Array {
  bomb ??= zipSync(
    { 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024).fill(0x20) },
    { level: 9 },
  );
  return bomb;
}

function breakGeometry(features: Feature<Polygon | MultiPolygon>[], mutations: Mutation[]) {
  const out = structuredClone(features);
  for (const m of mutations) {
    if (m.op === 'header') {
      for (const f of out) (f.properties as Record<string, unknown>)[m.value ?? 'x'] = 'x';
      continue;
    }
    if (m.op !== 'geometry') continue;
    const f = out[m.feature % out.length]!;
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const rings = polygons[0]!;
    const shell = rings[0]!;
    const n = shell.length - 1;
    if (m.fault === 'bow-tie') {
      // Swapping two vertices far apart makes the ring cross itself.
      const i = 1;
      const j = Math.floor(n / 2);
      [shell[i], shell[j]] = [shell[j]!, shell[i]!];
    } else if (m.fault === 'reverse') shell.reverse();
    else if (m.fault === 'hole-outside') {
      const [x, y] = shell[0]! as [number, number];
      rings.push([
        [x - 0.3, y - 0.3],
        [x - 0.3, y - 0.28],
        [x - 0.28, y - 0.28],
        [x - 0.28, y - 0.3],
        [x - 0.3, y - 0.3],
      ]);
    } else if (m.fault === 'spike') {
      const [x, y] = shell[2]! as [number, number];
      shell.splice(3, 0, [x + 0.01, y + 0.01], [x, y]);
    } else if (m.fault === 'nan') shell[1] = [Number.NaN, 22];
    else if (m.fault === 'projected') shell[1] = [500_000, 2_400_000];
  }
  return out;
}

function boundaryBytes(format: (typeof BOUNDARY_FORMATS)[number], mutations: Mutation[]) {
  if (mutations.some((m) => m.op === 'bomb')) {
    const big = zipSync({ 'a.shp': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    return { name: 'ranh-gioi.zip', bytes: big };
  }
  const features = breakGeometry(DISTRICTS, mutations);
  let name: string;
  let bytes: Uint8Array;
  if (format === 'boundary-geojson' || format === 'boundary-topojson') {
    // A JSON key said twice (a Shapefile's table cannot): a feature's property, written again
    // with another value, as in the table cases.
    const twice = mutations.find((m) => m.op === 'duplicate-key');
    const properties = twice && features[twice.row % features.length]?.properties;
    if (twice?.op === 'duplicate-key' && properties) {
      const keys = Object.keys(properties);
      const key = keys[twice.col % keys.length];
      if (key !== undefined) {
        const value = `${String(properties[key])}0`;
        Object.defineProperty(properties, `${key}${TWICE}`, { value, enumerable: true });
      }
    }
    const fc = { type: 'FeatureCollection', features } as FeatureCollection;
    const geojson = format === 'boundary-geojson';
    name = geojson ? 'ranh-gioi.geojson' : 'ranh-gioi.topojson';
    const text = JSON.stringify(geojson ? fc : toTopology({ huyen: fc }));
    bytes = utf8(text.replace(`${JSON.stringify(TWICE).slice(1, -1)}"`, '"'));
  } else {
    name = 'ranh-gioi.zip';
    const fields = Object.keys(features[0]!.properties ?? {}).filter((k) => k !== '');
    bytes = createZippedShapefile({
      shapes: features.map(
        (f) =>
          (f.geometry.type === 'Polygon'
            ? [f.geometry.coordinates]
            : f.geometry.coordinates) as number[][][][],
      ),
      fields: fields.map((k) => k.slice(0, 10)),
      records: features.map((f) =>
        fields.map((k) => String((f.properties as Record<string, unknown>)[k])),
      ),
      prj: WGS84_PRJ,
      cpg: 'UTF-8',
    });
  }
  return { name, bytes: mutateBytes(bytes, mutations) };
}

// ---------------------------------------------------------------------------------------------
// Running a case through the workers' functions, and the oracles.

export interface CaseOutcome {
  status: 'accepted' | 'refused' | 'unreadable';
  ms: number;
  /** Broken oracles; empty when the case passed. */
  failures: string[];
}

/** What `import.worker.ts` does with a file, then what the page would store. */
async function importTable(name: string, bytes: Uint8Array) {
  let read;
  try {
    read = await readImportFile(name, bytes, {});
  } catch (error) {
    if (error instanceof ImportFileError) return { status: 'unreadable' as const, error };
    throw error;
  }
  const { table, ...described } = read;
  const settings = proposeSettings(table, matchers['2019'], matchers['2025']);
  const analysis = analyseImportInEra(table, settings, matchers);
  const report = createImportReport({ ...described, name }, table, settings, analysis);
  structuredClone(report); // the worker posts it
  if (report.file.name !== name) throw new Error('the report lost the file name');
  if (report.errorCount > 0) return { status: 'refused' as const, report };
  const bundle = createImportBundle(analysis, METADATA);
  structuredClone(bundle);
  return { status: 'accepted' as const, report, bundle, analysis };
}

/** What `boundary-import.worker.ts` does with a file. */
function importBoundaries(name: string, bytes: Uint8Array) {
  const read = readBoundaryFile(name, bytes, { layer: null });
  const matcher = matchers['2019'];
  const features = read.ok ? read.features : [];
  const settings = read.ok
    ? guessBoundaryProperties(read.properties, features, matcher)
    : { code: null, name: null, province: null };
  const matching = read.ok ? matchBoundaries(features, settings, matcher) : null;
  const report = createBoundaryReport({ name, bytes: bytes.length }, read, settings, matching);
  structuredClone(report);
  if (!read.ok || !matching) return { status: 'refused' as const, read };
  const text = JSON.stringify(createBoundaryCollection(features, matching));
  return { status: 'accepted' as const, read, text };
}

type Accepted = Extract<Awaited<ReturnType<typeof importTable>>, { status: 'accepted' }>;

/** Half a unit in the last printed decimal: how far a rounded figure may be from the truth. */
const halfUnit = (value: number) => 0.5 * 10 ** -(String(value).split('.')[1]?.length ?? 0);

/** The rules every stored table keeps (README, "Import rules"). */
export function tableRuleBreaks({ bundle }: Pick<Accepted, 'bundle'>): string[] {
  const breaks: string[] = [];
  const byUnit = new Map<string, Map<IndicatorId, number>>();
  for (const o of bundle.observations) {
    const { kind, unit } = INDICATORS[o.indicator];
    const where = `${o.unitCode} ${o.indicator} = ${o.value}`;
    if (!Number.isFinite(o.value)) breaks.push(`not finite: ${where}`);
    if (kind === 'rate' && (o.value < 0 || o.value > 100))
      breaks.push(`rate outside 0–100: ${where}`);
    if (kind === 'change' && Math.abs(o.value) > 100)
      breaks.push(`reduction outside ±100: ${where}`);
    if (kind === 'count' && o.value < 0) breaks.push(`negative count: ${where}`);
    if (isWholeUnit(unit) && !Number.isInteger(o.value)) breaks.push(`count not whole: ${where}`);
    const ceiling = countCeiling(unit, o.unitLevel);
    if (ceiling !== null && o.value > ceiling) breaks.push(`count above ceiling: ${where}`);
    const figures = byUnit.get(o.unitCode) ?? new Map<IndicatorId, number>();
    figures.set(o.indicator, o.value);
    byUnit.set(o.unitCode, figures);
  }
  for (const [code, figures] of byUnit) {
    for (const [id, value] of figures) {
      const ratio = INDICATORS[id].ratio;
      if (!ratio) continue;
      const part = figures.get(ratio.count);
      const whole = figures.get(ratio.total);
      if (part !== undefined && whole !== undefined && part > whole) {
        breaks.push(`${code}: ${ratio.count} ${part} > ${ratio.total} ${whole} (${id} ${value})`);
      }
    }
    const start = figures.get('rate_start');
    const reduction = figures.get('rate_reduction');
    const end = figures.get('rate_end');
    if (
      start !== undefined &&
      reduction !== undefined &&
      end !== undefined &&
      Math.abs(start - reduction - end) >
        halfUnit(start) + halfUnit(reduction) + halfUnit(end) + 1e-9
    ) {
      breaks.push(`${code}: ${start} − ${reduction} ≠ ${end}`);
    }
  }
  const stored = JSON.stringify(bundle.metadata);
  if (stored.length > 2_000_000) breaks.push(`dataset record of ${stored.length} characters`);
  for (const w of bundle.metadata.warnings) {
    for (const value of Object.values(w.params ?? {})) {
      if (typeof value === 'string' && value.length > IMPORT_LIMITS.nameLength + 1) {
        breaks.push(`warning quotes ${value.length} characters`);
      }
    }
  }
  return breaks;
}

/** The rules every stored boundary keeps: simple rings, holes inside, RFC 7946 winding. */
export function boundaryRuleBreaks(text: string): string[] {
  const breaks: string[] = [];
  const collection = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon>;
  const e = VIETNAM_EXTENT;
  collection.features.forEach((f, i) => {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) {
      const vertices = new Set(rings.flat().map(([x, y]) => `${x},${y}`));
      // turf's kinks as an independent check; it also lists touching vertices, which are allowed.
      for (const k of kinks({ type: 'Polygon', coordinates: rings }).features) {
        const [x, y] = k.geometry.coordinates as [number, number];
        if (!vertices.has(`${x},${y}`)) breaks.push(`feature ${i + 1}: crossing at ${x},${y}`);
      }
      rings.forEach((ring: Position[], r) => {
        const [first, last] = [ring[0]!, ring[ring.length - 1]!];
        if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1])
          breaks.push(`feature ${i + 1}: open ring`);
        if (booleanClockwise(ring) !== r > 0)
          breaks.push(`feature ${i + 1}: ring ${r + 1} wound wrongly`);
        if (
          r > 0 &&
          !ring.every((p) =>
            booleanPointInPolygon(p, { type: 'Polygon', coordinates: [rings[0]!] }),
          )
        ) {
          breaks.push(`feature ${i + 1}: hole ${r} outside its shell`);
        }
        for (const [x, y] of ring) {
          if (!(x! >= e.west && x! <= e.east && y! >= e.south && y! <= e.north))
            breaks.push(`feature ${i + 1}: ${x},${y} outside Vietnam`);
        }
      });
    }
  });
  return breaks;
}

/** Mutations that leave a planted fault where it was put (no bytes lost, no header renamed). */
const KEEPING: ReadonlySet<Mutation['op']> = new Set([
  'split-cell',
  'unit-column',
  'duplicate-key',
  'duplicate-column',
  'duplicate-row',
  'nest',
]);

/**
 * Faults no import may keep quiet about: two unit columns that differ, a JSON key said twice (in a
 * table or a boundary file), a CSV row with more cells than its header.
 */
function refusalBreaks(
  c: FuzzCase,
  disagreeingCopy: boolean,
  status: CaseOutcome['status'],
  split = false,
): string[] {
  if (c.format === 'boundary-geojson' || c.format === 'boundary-topojson') {
    // Broken geometry and added properties leave the planted key where it was.
    const keeps = c.mutations.every(
      (m) => m.op === 'geometry' || m.op === 'header' || KEEPING.has(m.op),
    );
    return keeps && c.mutations.some((m) => m.op === 'duplicate-key') && status === 'accepted'
      ? ['a boundary file with a key twice was accepted']
      : [];
  }
  if (!c.mutations.every((m) => KEEPING.has(m.op))) return [];
  const json = c.format === 'json' || c.format === 'geojson' || c.format === 'topojson';
  const breaks: string[] = [];
  // A JSON record keeps one of two equal headers (see recordsOf), so only CSV and XLSX copy one.
  if (disagreeingCopy && !json && status === 'accepted') {
    breaks.push('a unit column copied with another unit in one row was accepted');
  }
  if (split && status === 'accepted') {
    breaks.push(
      'a CSV row with a figure split in two cells (one more than the header) was accepted',
    );
  }
  if (json && c.mutations.some((m) => m.op === 'duplicate-key') && status !== 'unreadable') {
    breaks.push(`a JSON record with a key twice was ${status}`);
  }
  return breaks;
}

function figuresOf(result: Awaited<ReturnType<typeof importTable>>): string {
  if (result.status !== 'accepted') return result.status;
  return result.bundle.observations
    .map((o) => `${o.unitLevel}:${o.unitCode}:${o.indicator}=${o.value}`)
    .sort()
    .join('\n');
}

export async function runCase(c: FuzzCase): Promise<CaseOutcome> {
  const failures: string[] = [];
  const seed = SEEDS[c.base]!;
  let ms = 0;
  const timed = async <T>(work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      ms = Math.max(ms, performance.now() - started);
    }
  };
  let status: CaseOutcome['status'] = 'refused';
  try {
    if (c.format === 'reencode') {
      const { rows } = mutateRows(seed.rows, c.mutations);
      const spelled = c.spellings.map((s) => SPELLINGS[s]!(rows, seed.numbers));
      if (spelled.some((bytes) => bytes === null)) return { status: 'refused', ms: 0, failures };
      const results = [];
      for (const bytes of spelled) results.push(await timed(() => importTable('bang.csv', bytes!)));
      const [first, second] = results.map(figuresOf);
      if (first !== second) {
        failures.push(
          `spellings ${c.spellings.join(' and ')} of ${seed.name} differ:\n${diff(first!, second!)}`,
        );
      }
      status = results[0]!.status;
      if (results[0]!.status === 'accepted') failures.push(...tableRuleBreaks(results[0]!));
    } else if ((BOUNDARY_FORMATS as readonly string[]).includes(c.format)) {
      const { name, bytes } = boundaryBytes(
        c.format as (typeof BOUNDARY_FORMATS)[number],
        c.mutations,
      );
      const result = await timed(() => importBoundaries(name, bytes));
      status = result.status;
      if (result.status === 'accepted') failures.push(...boundaryRuleBreaks(result.text));
      failures.push(...refusalBreaks(c, false, result.status));
    } else {
      // Only delimited text splits a figure at a delimiter; a workbook's or JSON's cells are
      // their own (and a JSON record has no cell beyond its keys).
      const mutations = c.mutations.filter((m) => m.op !== 'split-cell' || c.format === 'csv');
      const { rows, disagreeingCopy, split } = mutateRows(seed.rows, mutations);
      const { name, bytes } = await tableBytes(
        c.format as (typeof TABLE_FORMATS)[number],
        rows,
        c.mutations,
      );
      const result = await timed(() => importTable(name, bytes));
      status = result.status;
      if (result.status === 'accepted') failures.push(...tableRuleBreaks(result));
      failures.push(...refusalBreaks(c, disagreeingCopy, result.status, split));
    }
  } catch (error) {
    failures.push(
      `uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
  if (ms > CASE_BUDGET_MS) failures.push(`took ${Math.round(ms)} ms`);
  return { status, ms, failures };
}

function diff(a: string, b: string): string {
  const left = new Set(a.split('\n'));
  const right = new Set(b.split('\n'));
  const only = (x: Set<string>, y: Set<string>) => [...x].filter((l) => !y.has(l)).slice(0, 4);
  return `  only first: ${only(left, right).join('; ')}\n  only second: ${only(right, left).join('; ')}`;
}

export interface FuzzSummary {
  cases: number;
  seed: number;
  byFormat: Record<string, Record<CaseOutcome['status'], number>>;
  failures: { case: FuzzCase; failures: string[] }[];
  slowestMs: number;
  /** The five slowest cases, slowest first, by their index in the run. */
  slowest: { index: number; case: FuzzCase; ms: number }[];
  totalMs: number;
}

export function drawCases(count: number, seed: number): FuzzCase[] {
  return fc.sample(fuzzCase, { numRuns: count, seed });
}

export async function runFuzz(
  count: number,
  seed: number,
  onProgress?: (done: number) => void,
): Promise<FuzzSummary> {
  const started = performance.now();
  const summary: FuzzSummary = {
    cases: count,
    seed,
    byFormat: {},
    failures: [],
    slowestMs: 0,
    slowest: [],
    totalMs: 0,
  };
  const cases = drawCases(count, seed);
  for (const [i, c] of cases.entries()) {
    const outcome = await runCase(c);
    const tally = (summary.byFormat[c.format] ??= { accepted: 0, refused: 0, unreadable: 0 });
    tally[outcome.status] += 1;
    summary.slowestMs = Math.max(summary.slowestMs, outcome.ms);
    if (summary.slowest.length < 5 || outcome.ms > summary.slowest[4]!.ms) {
      summary.slowest.push({ index: i, case: c, ms: outcome.ms });
      summary.slowest.sort((a, b) => b.ms - a.ms).splice(5);
    }
    if (outcome.failures.length > 0) summary.failures.push({ case: c, failures: outcome.failures });
    if ((i + 1) % 500 === 0) onProgress?.(i + 1);
  }
  summary.totalMs = performance.now() - started;
  return summary;
}
