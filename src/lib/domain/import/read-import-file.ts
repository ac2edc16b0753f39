import { unzipSync, zipSync } from 'fflate';
import readExcelFile from 'read-excel-file/universal';
import { en } from '../../i18n/messages-en.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  checkInflatedSize,
  IMPORT_LIMITS,
  InflateLimitError,
  longJsonStringOffset,
  longXmlTexts,
  scanJson,
  type JsonLongText,
  type JsonDuplicateKey,
} from './limits.ts';
import type { Cell } from './numbers.ts';
import {
  columnLetter,
  decodeText,
  headerNameAbove,
  longCellBeforeParsing,
  notATable,
  parseDelimitedText,
  type RawTable,
  type TextEncodingName,
} from './raw-table.ts';

/**
 * Turns a file's bytes into a table: CSV/TSV (any delimiter and encoding `decodeText` knows),
 * XLSX (one sheet at a time), JSON (an array of records or of rows), and the attribute tables of
 * GeoJSON and TopoJSON. Unreadable files raise an `ImportFileError`: an English message, and a
 * message key with its values so the page can say it in the reader's language.
 */
export type FileFormat = 'csv' | 'xlsx' | 'json' | 'geojson' | 'topojson';

export interface ReadFile {
  format: FileFormat;
  table: RawTable;
  /** XLSX sheet names (the first is read unless another is chosen). */
  sheets: string[];
  sheet: string | null;
  encoding: TextEncodingName | null;
}

export type ImportFileErrorKey = Extract<MessageKey, `importFile_${string}`>;

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly key: ImportFileErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(en[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)));
  }
}

export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  options: { sheet?: string | null; onProgress?: (fraction: number) => void } = {},
): Promise<ReadFile> {
  if (bytes.length === 0) throw new ImportFileError('importFile_empty');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) {
    throw new ImportFileError('importFile_xls');
  }
  if (zip) {
    if (/\.(zip|shp)$/i.test(name)) {
      throw new ImportFileError('importFile_shapefile');
    }
    return readWorkbook(bytes, options.sheet ?? null);
  }
  if (looksLikeUtf8Json(name, bytes)) refuseLongTextBeforeDecoding(bytes);
  const { text, encoding } = decodeText(bytes);
  // A picture or a font renamed .csv, or the HTML "Excel" of a reporting system: not a table,
  // and said so now rather than read as one ("no unit column", quoting errors by the dozen).
  const other = notATable(text);
  if (other === 'binary') throw new ImportFileError('importFile_binary');
  if (other === 'html') throw new ImportFileError('importFile_html');
  const start = text.trimStart()[0];
  if (
    /\.(geo|topo)?json$/i.test(name) ||
    start === '{' ||
    (start === '[' && /\.json$/i.test(name))
  ) {
    const { format, table } = readJson(text);
    return { format, table, sheets: [], sheet: null, encoding };
  }
  // A cell over the text limit is refused before the table is parsed (a file of one 10 MB cell
  // took 2–3 s to refuse on a loaded machine); one made of shorter runs, after.
  const long = longCellBeforeParsing(text, IMPORT_LIMITS.textLength);
  if (long) throw cellTooLongError(long.row - 1, long.column - 1, long.header);
  const table = parseDelimitedText(text, options.onProgress);
  if (table.rows.length === 0) throw new ImportFileError('importFile_noRows');
  checkTextLength(table.rows);
  return { format: 'csv', table, sheets: [], sheet: null, encoding };
}

/** The parts of a workbook that read-excel-file inflates and reads. */
const isXmlPart = (entry: string) => /\.xml(\.rels)?$/.test(entry);

async function readWorkbook(bytes: Uint8Array, sheet: string | null): Promise<ReadFile> {
  // read-excel-file inflates the workbook's XML parts: a few kilobytes can inflate to
  // gigabytes, so their sizes are checked first (see limits.ts).
  const { sheets, chosen, rows } = await readSheets(bytes, sheet, async () => {
    checkInflatedSize(bytes, isXmlPart);
    await refuseLongWorkbookText(bytes, sheet);
  });
  checkTextLength(rows);
  return {
    format: 'xlsx',
    table: { rows: dropEmptyRows(rows), readerWarnings: [] },
    sheets: sheets.map((s) => s.sheet),
    sheet: chosen.sheet,
    encoding: null,
  };
}

/** A workbook's sheets, the one chosen (or the first) and its rows, after `check`. */
async function readSheets(
  bytes: Uint8Array,
  sheet: string | null,
  check: () => void | Promise<void> = () => {},
) {
  let sheets: Awaited<ReturnType<typeof readExcelFile>>;
  try {
    await check();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    sheets = await readExcelFile(buffer as ArrayBuffer);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof InflateLimitError) {
      throw new ImportFileError('importFile_tooLarge', { limit: error.limit / 1024 / 1024 });
    }
    throw new ImportFileError('importFile_workbook', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (sheets.length === 0) throw new ImportFileError('importFile_noSheets');
  const chosen = sheets.find((s) => s.sheet === sheet) ?? sheets[0]!;
  return { sheets, chosen, rows: chosen.data.map((row) => row.map(toCell)) };
}

/**
 * A text over the limit in a workbook's XML (a workbook of one 10 MB cell took 2–3 s to refuse
 * on a loaded machine), found in the inflated parts before they are parsed as XML. To
 * name its row and column as `checkTextLength` would, the workbook is read again with each such
 * text cut to `limit + 1` characters (a few milliseconds); a text over the limit outside the
 * chosen sheet's cells (another sheet, an unused shared string), or in a workbook that cannot be
 * read besides, refuses the file without them. Parts fflate cannot inflate are left for
 * read-excel-file to report as it does.
 */
async function refuseLongWorkbookText(bytes: Uint8Array, sheet: string | null): Promise<void> {
  const limit = IMPORT_LIMITS.textLength;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => isXmlPart(file.name) });
  } catch {
    return;
  }
  const standIn = new TextEncoder().encode('x'.repeat(limit + 1));
  let found = false;
  for (const [name, part] of Object.entries(parts)) {
    const texts = longXmlTexts(part, limit);
    if (texts.length === 0) continue;
    found = true;
    const pieces: Uint8Array[] = [];
    let from = 0;
    for (const { start, end } of texts) {
      pieces.push(part.subarray(from, start), standIn);
      from = end;
    }
    pieces.push(part.subarray(from));
    parts[name] = concatBytes(pieces);
  }
  if (!found) return;
  const rows = await readSheets(zipSync(parts, { level: 0 }), sheet).then(
    (read) => read.rows,
    // A workbook broken besides: its text over the limit is reason enough.
    () => [],
  );
  checkTextLength(rows);
  throw new ImportFileError('importFile_textTooLong', { limit });
}

function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

function dropEmptyRows(rows: Cell[][]): Cell[][] {
  return rows.filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== ''));
}

/** A JSON file (by its name or first character) in a single-byte-based encoding, not UTF-16. */
function looksLikeUtf8Json(name: string, bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 2000);
  if (head.includes(0)) return false;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || (head[i]! >= 0x09 && head[i]! <= 0x0d))) i += 1;
  return /\.(geo|topo)?json$/i.test(name) || head[i] === 0x7b || head[i] === 0x5b;
}

/**
 * A string over the text limit, found in the bytes: only what comes before it is decoded and
 * scanned (with the string's place kept), to name its record and field.
 */
function refuseLongTextBeforeDecoding(bytes: Uint8Array): void {
  const limit = IMPORT_LIMITS.textLength;
  const at = longJsonStringOffset(bytes, limit);
  if (at < 0) return;
  const before = decodeText(bytes.subarray(0, at)).text;
  const standIn = `"${'x'.repeat(limit + 1)}"`;
  const { tooLong } = scanJson(before + standIn, { textLimit: limit });
  throw longTextError(tooLong ?? { path: [], isKey: false, offset: at });
}

function readJson(text: string): { format: FileFormat; table: RawTable } {
  // Deep nesting overflows the stack of whatever walks the result; real tables need 6 levels.
  const { tooDeepAt, duplicate, tooLong } = scanJson(text, {
    textLimit: IMPORT_LIMITS.textLength,
  });
  if (tooDeepAt >= 0) {
    throw new ImportFileError('importFile_jsonDepth', { limit: IMPORT_LIMITS.jsonDepth });
  }
  if (tooLong) throw longTextError(tooLong);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('importFile_json', { detail: (error as Error).message });
  }
  const list = findList(data);
  // JSON.parse keeps the last of a key said twice; which figure was meant cannot be known.
  if (duplicate) throw duplicateKeyError(duplicate, list);
  if (!list) throw new ImportFileError('importFile_noList');
  const { format, items } = list;
  if (format === 'json' && items.every(Array.isArray)) {
    return {
      format,
      table: { rows: items.map((row) => (row as unknown[]).map(toCell)), readerWarnings: [] },
    };
  }
  return { format, table: recordsTable(items.map((item) => (isRecord(item) ? item : {}))) };
}

/** The list a JSON file's table is read from, and its path (to name a record in a message). */
interface JsonList {
  format: FileFormat;
  path: string[];
  items: unknown[];
}

function findList(data: unknown): JsonList | null {
  if (isRecord(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
    const items = data.features.map((feature) =>
      isRecord(feature) && isRecord(feature.properties) ? feature.properties : {},
    );
    return { format: 'geojson', path: ['features'], items };
  }
  if (isRecord(data) && data.type === 'Topology' && isRecord(data.objects)) {
    const found = Object.entries(data.objects).find(
      ([, o]) => isRecord(o) && Array.isArray(o.geometries),
    ) as [string, { geometries: unknown[] }] | undefined;
    if (!found) throw new ImportFileError('importFile_noCollection');
    const [name, object] = found;
    const items = object.geometries.map((g) =>
      isRecord(g) && isRecord(g.properties) ? g.properties : {},
    );
    return { format: 'topojson', path: ['objects', name, 'geometries'], items };
  }
  if (Array.isArray(data))
    return data.length > 0 ? { format: 'json', path: [], items: data } : null;
  if (!isRecord(data)) return null;
  const entry = Object.entries(data).find(([, value]) => Array.isArray(value)) as
    [string, unknown[]] | undefined;
  return entry && entry[1].length > 0
    ? { format: 'json', path: [entry[0]], items: entry[1] }
    : null;
}

/**
 * Names where a text over the limit is, from the scan's path (the file is not parsed): the first
 * index on the path is the record (or row) of the table's list — `[i]`, `rows[i]`,
 * `features[i].properties`, `geometries[i].properties` — and what follows it the field (or the
 * column of a list of rows).
 */
function longTextError({ path, isKey }: JsonLongText): ImportFileError {
  const limit = IMPORT_LIMITS.textLength;
  const first = path.findIndex((step) => typeof step === 'number');
  if (first < 0) return new ImportFileError('importFile_textTooLong', { limit });
  const index = path[first] as number;
  const field = path.slice(first + 1).find((step) => step !== 'properties');
  if (typeof field === 'number') {
    return new ImportFileError('importFile_textTooLongInRow', {
      limit,
      row: index + 1,
      column: columnLetter(field),
    });
  }
  // A key over the limit is not worth naming; the key of a value over it is.
  return new ImportFileError('importFile_textTooLongInRecord', {
    limit,
    record: index + 1,
    row: index + 2,
    key: !isKey && typeof field === 'string' && field.length > 0 ? field : '…',
  });
}

/**
 * A CSV or XLSX table read whole: its first cell over the text limit, by row and column (the
 * table is not guessed at or matched, which would each read the cell again).
 */
function checkTextLength(rows: readonly Cell[][]): void {
  for (const [r, row] of rows.entries()) {
    for (const [c, cell] of row.entries()) {
      if (typeof cell === 'string' && cell.length > IMPORT_LIMITS.textLength) {
        throw cellTooLongError(r, c, headerNameAbove(rows, r, c));
      }
    }
  }
}

/**
 * The cell of 0-based row `r` and column `c` is over the text limit: the column named by its
 * header when it has one above the cell, else by its letter, as the validation report does.
 */
function cellTooLongError(r: number, c: number, header: string | null): ImportFileError {
  const limit = IMPORT_LIMITS.textLength;
  return header === null
    ? new ImportFileError('importFile_textTooLongInRow', {
        limit,
        row: r + 1,
        column: columnLetter(c),
      })
    : new ImportFileError('importFile_textTooLongInColumn', { limit, row: r + 1, column: header });
}

/** Names the record holding the key twice when it is in the table's list, else the key alone. */
function duplicateKeyError(duplicate: JsonDuplicateKey, list: JsonList | null): ImportFileError {
  const { key, path } = duplicate;
  const inList =
    list !== null &&
    path.length > list.path.length &&
    list.path.every((step, i) => path[i] === step) &&
    typeof path[list.path.length] === 'number';
  if (!inList) return new ImportFileError('importFile_duplicateKey', { key });
  const index = path[list.path.length] as number;
  // A list of records has its header (the keys) as row 1; a list of rows starts with it.
  const rows = list.format === 'json' && list.items.every(Array.isArray);
  return new ImportFileError('importFile_duplicateKeyInRecord', {
    key,
    record: index + 1,
    row: rows ? index + 1 : index + 2,
  });
}

/** Records → a header row with every key (in order of first appearance) and one row each. */
function recordsTable(records: Record<string, unknown>[]): RawTable {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  if (keys.length === 0) throw new ImportFileError('importFile_noFields');
  return {
    // Own keys only: a record without `constructor` must not read Object.prototype's.
    rows: [
      keys,
      ...records.map((record) =>
        keys.map((key) => (Object.hasOwn(record, key) ? toCell(record[key]) : null)),
      ),
    ],
    readerWarnings: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
