/**
 * The third-party files the data build reads live in the repository, one folder per source under
 * `data/sources/<id>/`, each with its LICENSE, a SOURCE.md for people and a `source.json` that
 * the build, the map credits, the open-data page and NOTICE all read, so they cannot drift apart.
 * Large files are stored brotli- or gzip-compressed and decompressed here with node:zlib.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import type { DataSource, LicenceId, SourceCredit } from '../../src/lib/data/atlas-index.ts';
import { BoundaryBuildError } from './errors.ts';

/** `data/sources/` of this checkout: the build needs nothing outside the repository. */
export const SOURCES_DIR = resolve(import.meta.dirname, '..', 'sources');
export const SOURCE_RECORD_FILE = 'source.json';

const CREDIT_FIELDS = ['id', 'title', 'licence', 'attribution', 'url', 'changes'] as const;
const LICENCES: readonly LicenceId[] = ['GPL-3.0', 'CC-BY-SA-4.0', 'MIT'];

/** Reads a source file, decompressing `.br` and `.gz` by their extension. */
export async function readSourceFile(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new BoundaryBuildError(path, `cannot read (${(error as Error).message})`);
  }
  try {
    if (path.endsWith('.br')) return brotliDecompressSync(bytes);
    if (path.endsWith('.gz')) return gunzipSync(bytes);
  } catch (error) {
    throw new BoundaryBuildError(path, `cannot decompress (${(error as Error).message})`);
  }
  return bytes;
}

/** The stored form of a source file named `name` (compressed when the name says so). */
export function encodeSourceFile(name: string, text: string): Buffer {
  const bytes = Buffer.from(text);
  if (!name.endsWith('.br')) return bytes;
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

function parseCredit(value: unknown, where: string): SourceCredit {
  if (typeof value !== 'object' || value === null) {
    throw new BoundaryBuildError(where, 'expected an object');
  }
  const record = value as Record<string, unknown>;
  for (const field of CREDIT_FIELDS) {
    if (typeof record[field] !== 'string' || record[field] === '') {
      throw new BoundaryBuildError(where, `"${field}" must be a non-empty string`);
    }
  }
  return creditFields(record as unknown as SourceCredit);
}

/** Only the credit fields, so a record's version and file list never reach the app. */
function creditFields(record: SourceCredit): SourceCredit {
  const { id, title, licence, attribution, url, changes } = record;
  return { id, title, licence, attribution, url, changes };
}

export function parseSourceRecord(text: string, where: string): DataSource {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BoundaryBuildError(where, `invalid JSON (${(error as Error).message})`);
  }
  const credit = parseCredit(json, where);
  const record = json as Record<string, unknown>;
  if (!LICENCES.includes(credit.licence as LicenceId)) {
    throw new BoundaryBuildError(where, `"licence" must be one of ${LICENCES.join(', ')}`);
  }
  if (typeof record.version !== 'string' || record.version === '') {
    throw new BoundaryBuildError(where, '"version" must be a non-empty string');
  }
  const what = record.what as Record<string, unknown> | undefined;
  if (typeof what?.vi !== 'string' || typeof what.en !== 'string' || !what.vi || !what.en) {
    throw new BoundaryBuildError(where, '"what" must say what the source holds, in "vi" and "en"');
  }
  const derived = record.derived;
  if (!Array.isArray(derived) || derived.some((d) => typeof d !== 'string')) {
    throw new BoundaryBuildError(where, '"derived" must be a list of dist/ paths');
  }
  const upstream = record.upstream;
  if (upstream !== undefined && !Array.isArray(upstream)) {
    throw new BoundaryBuildError(where, '"upstream" must be a list');
  }
  return {
    ...credit,
    licence: credit.licence as LicenceId,
    what: { vi: what.vi, en: what.en },
    version: record.version,
    derived: derived as string[],
    ...(upstream
      ? { upstream: upstream.map((u, i) => parseCredit(u, `${where} upstream[${i}]`)) }
      : {}),
  };
}

/** Every `data/sources/<id>/source.json`, by id; a folder's name must be its record's id. */
export async function readSourceRecords(sourcesDir: string): Promise<Map<string, DataSource>> {
  let names: string[];
  try {
    names = (await readdir(sourcesDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    throw new BoundaryBuildError(sourcesDir, `cannot list (${(error as Error).message})`);
  }
  const records = new Map<string, DataSource>();
  for (const name of names) {
    const path = join(sourcesDir, name, SOURCE_RECORD_FILE);
    const record = parseSourceRecord((await readSourceFile(path)).toString('utf8'), path);
    if (record.id !== name) {
      throw new BoundaryBuildError(path, `id "${record.id}" differs from its folder "${name}"`);
    }
    records.set(name, record);
  }
  return records;
}

/** The credits of source `id` and its upstream sources, as the app shows them. */
export function creditsOf<Id extends string>(
  records: ReadonlyMap<string, DataSource>,
  id: Id,
): (SourceCredit & { id: Id })[] {
  const record = records.get(id);
  if (!record) throw new BoundaryBuildError(join('data/sources', id), 'no such source folder');
  return [creditFields(record), ...(record.upstream ?? [])] as (SourceCredit & { id: Id })[];
}
