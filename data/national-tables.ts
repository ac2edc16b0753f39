import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { AdminProvince } from './boundaries/types.ts';
import type {
  DatasetBundle,
  DatasetKind,
  DatasetWarning,
  PovertyStandard,
  SourceDocument,
  StandardPeriod,
} from '../src/lib/domain/dataset.ts';
import type { DesignatedList } from '../src/lib/domain/priority/designated-lists.ts';
import { isDatasetKind } from '../src/lib/domain/provenance.ts';

/**
 * The national tables of `data/national/`: GSO province rates and the poor-district list, each a
 * CSV as received (every row names its source) beside a `.meta.json` that says what the table is
 * and is not. The data build checks them against the GSO code list, so a mistyped code or a
 * figure out of range stops the build instead of reaching a map.
 */
export interface NationalTableMeta {
  id: string;
  title: { vi: string; en: string };
  /** An official list (the poor districts) is neither a measurement nor a plan. */
  kind: DatasetKind | 'official-list';
  level: 'province' | 'district';
  years: number[];
  /** The poverty line of each year, where the table is a rate. */
  standards?: Record<string, string>;
  /** For a list read only in part: how many entries the act names and how many are known. */
  listSize?: { stated: number; known: number };
  source: SourceDocument;
  licence: string;
  caveat: { vi: string; en: string };
  notes: { vi: string; en: string }[];
}

export interface NationalTable {
  meta: NationalTableMeta;
  file: string;
  rows: Record<string, string>[];
}

export class NationalTableError extends Error {
  constructor(file: string, where: string, message: string) {
    super(`${file}${where ? `, ${where}` : ''}: ${message}`);
  }
}

const RATE_COLUMNS = ['level', 'province_code', 'province_name', 'province_name_vi', 'year'];
const RATE_VALUE = 'poverty_rate_pct';
const LIST_COLUMNS = ['province_code', 'district_code', 'district_name', 'list'];

function bilingual(value: unknown): value is { vi: string; en: string } {
  const text = value as { vi?: unknown; en?: unknown } | null;
  return typeof text?.vi === 'string' && text.vi !== '' && typeof text.en === 'string';
}

export function parseNationalMeta(text: string, file: string): NationalTableMeta {
  const fail = (message: string): never => {
    throw new NationalTableError(file, '', message);
  };
  let meta: NationalTableMeta;
  try {
    meta = JSON.parse(text) as NationalTableMeta;
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  if (typeof meta.id !== 'string' || !/^[a-z0-9-]+$/.test(meta.id)) fail('id must be a slug');
  if (!bilingual(meta.title)) fail('title needs vi and en');
  if (!bilingual(meta.caveat)) fail('caveat needs vi and en: say what the table is not');
  if (!Array.isArray(meta.notes) || !meta.notes.every(bilingual)) fail('notes need vi and en');
  if (meta.kind !== 'official-list' && !isDatasetKind(meta.kind)) fail(`unknown kind ${meta.kind}`);
  if (meta.level !== 'province' && meta.level !== 'district') fail(`unknown level ${meta.level}`);
  if (!Array.isArray(meta.years) || meta.years.length === 0) fail('years must list the years');
  for (const key of ['title', 'issuer', 'locator'] as const) {
    if (typeof meta.source?.[key] !== 'string' || meta.source[key] === '') fail(`source.${key}`);
  }
  if (typeof meta.licence !== 'string' || meta.licence === '') fail('licence is required');
  return meta;
}

function readCsv(text: string, file: string, required: string[]): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter: ',',
    skipEmptyLines: true,
  });
  const error = parsed.errors[0];
  if (error) throw new NationalTableError(file, `row ${(error.row ?? 0) + 2}`, error.message);
  const header = parsed.meta.fields ?? [];
  for (const column of [...required, 'source']) {
    if (!header.includes(column)) throw new NationalTableError(file, '', `no column ${column}`);
  }
  parsed.data.forEach((row, i) => {
    if (row.source?.trim() === '') {
      throw new NationalTableError(
        file,
        `row ${i + 2}, column source`,
        'every figure names its source',
      );
    }
  });
  return parsed.data;
}

/** A rate table: province codes known, one value per province and year, 0–100 %. */
function checkRates(table: NationalTable, provinces: AdminProvince[]): void {
  const known = new Map(provinces.map((p) => [p.code, p]));
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const where = (column: string) => `row ${i + 2}, column ${column}`;
    const fail = (column: string, message: string): never => {
      throw new NationalTableError(table.file, where(column), message);
    };
    const year = Number(row.year);
    if (!table.meta.years.includes(year))
      fail('year', `${row.year} is not one of the table's years`);
    const rate = Number(row[RATE_VALUE]);
    if (row[RATE_VALUE] === '' || !Number.isFinite(rate) || rate < 0 || rate > 100) {
      fail(RATE_VALUE, `"${row[RATE_VALUE]}" is not a rate between 0 and 100`);
    }
    if (row.level !== 'province') return;
    // A unit that no longer exists (Hà Tây, 2006) is kept without a code: it has no boundary.
    if (row.province_code === '') return;
    const province = known.get(row.province_code!);
    if (!province) fail('province_code', `${row.province_code} is not a GSO province code`);
    // The official name with its diacritics, as the GSO list has it after its type ("Tỉnh …").
    const official = province!.name.replace(/^(Tỉnh|Thành phố) /, '');
    if (row.province_name_vi !== official) {
      fail('province_name_vi', `"${row.province_name_vi}" is not ${official}`);
    }
    const key = `${row.province_code}/${year}`;
    if (seen.has(key)) fail('province_code', `${row.province_code} appears twice for ${year}`);
    seen.add(key);
  });
}

/** A list of districts: each a district of its province in the GSO list, none twice. */
function checkDistrictList(table: NationalTable, provinces: AdminProvince[]): void {
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const fail = (column: string, message: string): never => {
      throw new NationalTableError(table.file, `row ${i + 2}, column ${column}`, message);
    };
    const province = provinces.find((p) => p.code === row.province_code);
    if (!province) fail('province_code', `${row.province_code} is not a GSO province code`);
    if (!province!.districts.some((d) => d.code === row.district_code)) {
      fail('district_code', `${row.district_code} is not a district of ${province!.name}`);
    }
    if (seen.has(row.district_code!)) fail('district_code', `${row.district_code} is listed twice`);
    seen.add(row.district_code!);
  });
  const size = table.meta.listSize;
  if (size && size.known !== table.rows.length) {
    throw new NationalTableError(
      table.file,
      '',
      `listSize.known says ${size.known}, the file has ${table.rows.length}`,
    );
  }
}

/** Reads and checks every table of `dir`; throws a NationalTableError naming file, row and column. */
export async function readNationalTables(
  dir: string,
  provinces: AdminProvince[],
): Promise<NationalTable[]> {
  const metaFiles = (await readdir(dir)).filter((name) => name.endsWith('.meta.json')).sort();
  const tables: NationalTable[] = [];
  for (const metaFile of metaFiles) {
    const meta = parseNationalMeta(await readFile(path.join(dir, metaFile), 'utf8'), metaFile);
    const file = metaFile.replace(/\.meta\.json$/, '.csv');
    const text = await readFile(path.join(dir, file), 'utf8');
    const isList = meta.kind === 'official-list';
    const rows = readCsv(text, file, isList ? LIST_COLUMNS : [...RATE_COLUMNS, RATE_VALUE]);
    const table = { meta, file, rows };
    if (isList) checkDistrictList(table, provinces);
    else checkRates(table, provinces);
    tables.push(table);
  }
  return tables;
}

const POVERTY_STANDARDS: readonly string[] = ['2016-2020', '2022-2025'];
/** The standards a year of a national rate table can be measured against (meta `standards`). */
const STANDARD_PERIODS: readonly string[] = [
  'income-2006-2010',
  'income-2011-2015',
  ...POVERTY_STANDARDS,
];

/** A rate table's `standards` name a known standard for each of its years. */
function checkStandards(meta: NationalTableMeta, file: string): void {
  for (const year of meta.years) {
    const standard = meta.standards?.[String(year)];
    if (standard === undefined || !STANDARD_PERIODS.includes(standard)) {
      throw new NationalTableError(
        file,
        '',
        `standards.${year} must be one of ${STANDARD_PERIODS.join(', ')} (got ${standard})`,
      );
    }
  }
}

const sourceName = (row: Record<string, string>) => row.province_name_vi || row.province_name!;

/**
 * The rate tables as datasets: province figures of the `poverty_rate` indicator, one per
 * province and year, each figure carrying its year and each year its standard. The national row
 * of each year is kept as the source's own national figure. A province row without a code (Hà
 * Tây, 2006: a province merged into Hà Nội in 2008) has no boundary: it is not a figure on the
 * map, but it is kept, as a warning of the dataset that names it and its value, never dropped
 * silently. A list is not a set of figures.
 */
export function nationalDatasets(tables: readonly NationalTable[]): DatasetBundle[] {
  return tables
    .filter((t) => t.meta.kind !== 'official-list')
    .map(({ meta, rows, file }) => {
      checkStandards(meta, file);
      const years = [...meta.years].sort((a, b) => a - b);
      const year = years[years.length - 1]!;
      const standards = Object.fromEntries(
        years.map((y) => [String(y), meta.standards![String(y)] as StandardPeriod]),
      );
      const standard = standards[String(year)]!;
      const nationalOf = (y: number) => {
        const row = rows.find((r) => r.level === 'national' && Number(r.year) === y);
        return row ? { poverty_rate: Number(row[RATE_VALUE]) } : undefined;
      };
      const nationalByYear = Object.fromEntries(
        years.flatMap((y) => {
          const national = nationalOf(y);
          return national ? [[String(y), national]] : [];
        }),
      );
      const national = nationalOf(year);
      const warnings: DatasetWarning[] = [];
      rows.forEach((r, i) => {
        if (r.level !== 'province' || r.province_code !== '') return;
        warnings.push({
          row: i + 2,
          column: 'province_code',
          message: `${sourceName(r)} (${r.year}, ${r[RATE_VALUE]} %): no code and no boundary; kept in the table, not drawn on the map`,
          kind: 'no-boundary',
          params: { name: sourceName(r), year: r.year!, value: Number(r[RATE_VALUE]) },
        });
      });
      return {
        metadata: {
          id: meta.id,
          title: meta.title,
          source: meta.source,
          standard: (POVERTY_STANDARDS.includes(standard) ? standard : 'other') as PovertyStandard,
          level: meta.level,
          kind: meta.kind as DatasetKind,
          year,
          // A single-year table stays as every single-year dataset is: no list of years.
          ...(years.length > 1 ? { years, standards } : {}),
          vintage: '2019-districts',
          licence: meta.licence,
          caveat: meta.caveat,
          notes: meta.notes,
          indicators: ['poverty_rate'],
          builtIn: true,
          warnings,
          ...(national ? { national } : {}),
          ...(years.length > 1 && Object.keys(nationalByYear).length > 0 ? { nationalByYear } : {}),
        },
        observations: rows
          .filter((r) => r.level === 'province' && r.province_code !== '')
          .map((r) => ({
            datasetId: meta.id,
            unitCode: r.province_code!,
            unitLevel: 'province' as const,
            indicator: 'poverty_rate' as const,
            year: Number(r.year),
            value: Number(r[RATE_VALUE]),
          })),
      };
    });
}

/** The official lists (the 2021–2025 poor districts), as the atlas's designated lists. */
export function nationalLists(tables: readonly NationalTable[]): DesignatedList[] {
  return tables
    .filter((t) => t.meta.kind === 'official-list')
    .map(({ meta, rows }) => ({
      id: meta.id,
      label: meta.title,
      reason: { vi: 'huyện nghèo 2021–2025', en: 'poor district 2021–2025' },
      members: rows.map((r) => ({ code: r.district_code!, name: r.district_name! })),
      source: meta.source,
      quote: meta.source.locator,
      ...(meta.listSize ? { completeness: meta.listSize } : {}),
    }));
}
