import Papa from 'papaparse';
import { IMPORT_LIMITS } from './limits.ts';
import { cellText, parseCell, type Cell } from './numbers.ts';
import { createProblem, type TableProblem } from './problems.ts';

/** A table as read from a file, before anyone decided what its rows and columns mean. */
export interface RawTable {
  rows: Cell[][];
  /** Problems of the reader itself (an unclosed quote), 0-based row. */
  readerWarnings: ReaderWarning[];
}

/**
 * Papa Parse's error codes. Its English texts never reach the page: each code has a message of
 * our own (`readerProblems`). TooFewFields and TooManyFields come only from its header mode,
 * which is not used (rows of other lengths are the import's own rules), but have one too.
 */
export const READER_CODES = [
  'MissingQuotes',
  'InvalidQuotes',
  'UndetectableDelimiter',
  'TooFewFields',
  'TooManyFields',
] as const;
export type ReaderCode = (typeof READER_CODES)[number];

export interface ReaderWarning {
  /** 0-based row among the rows read. */
  row: number;
  code: ReaderCode;
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16 (by BOM, or by the zero bytes of
 * mostly-ASCII text), and Windows-1258 — the legacy Vietnamese code page — when the bytes are not
 * valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else {
    encoding = guessUtf16(bytes) ?? 'utf-8';
  }
  const body = bytes.subarray(start);
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(body), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(body), encoding: 'windows-1258' };
  }
}

/** UTF-16 without BOM: in text that is mostly ASCII, every other byte is zero. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length - (bytes.length % 2), 2000);
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Delimited text with any delimiter Papa Parse can guess (comma, semicolon, tab, pipe…), in
 * chunks so a worker can report progress. Empty lines are dropped.
 */
export function parseDelimitedText(
  text: string,
  onProgress?: (fraction: number) => void,
): RawTable {
  const rows: Cell[][] = [];
  const readerWarnings: RawTable['readerWarnings'] = [];
  const body = withoutBom(text);
  const length = Math.max(1, body.length);
  // Papa Parse streams strings in chunks too; its types only declare `chunk` for files.
  const config: Papa.ParseConfig<string[]> & {
    chunkSize: number;
    chunk: (results: Papa.ParseResult<string[]>) => void;
  } = {
    skipEmptyLines: 'greedy',
    chunkSize: PAPA_CHUNK,
    chunk: (results) => {
      for (const error of results.errors) {
        // Rows of other lengths are the import's to judge (analyse-import.ts); broken quoting
        // and a delimiter guessed at are the reader's.
        const code = error.code as string;
        if ((READER_CODES as readonly string[]).includes(code)) {
          readerWarnings.push({ row: rows.length + (error.row ?? 0), code: code as ReaderCode });
        }
      }
      for (const row of results.data) rows.push(row);
      onProgress?.(Math.min(1, results.meta.cursor / length));
    },
  };
  Papa.parse<string[]>(body, config);
  return { rows, readerWarnings };
}

/** Other rows a grouped reader problem lists by number; the rest it counts. */
const LISTED_ROWS = 5;

/**
 * The reader's warnings as problems in our words, one per kind of fault (43 malformed quotes
 * are one problem, at the first row, listing the next few rows and counting the rest). Broken
 * quoting makes the cells unreliable, so it is an error; a delimiter Papa Parse could not guess
 * (it read the file as comma-delimited) is a warning — the columns it gave are checked anyway.
 */
export function readerProblems(warnings: readonly ReaderWarning[]): TableProblem[] {
  const rowsByCode = new Map<ReaderCode, Set<number>>();
  for (const { row, code } of warnings) {
    const rows = rowsByCode.get(code) ?? new Set<number>();
    rows.add(row + 1);
    rowsByCode.set(code, rows);
  }
  return [...rowsByCode].map(([code, set]) => {
    const [first = 1, ...others] = [...set].sort((a, b) => a - b);
    const severity = code === 'UndetectableDelimiter' ? 'warning' : 'error';
    return createProblem(severity, first, '', READER_KINDS[code], {
      others: others.length,
      otherRows: others.slice(0, LISTED_ROWS).join(', '),
    });
  });
}

const READER_KINDS = {
  MissingQuotes: 'missing-quotes',
  InvalidQuotes: 'invalid-quotes',
  UndetectableDelimiter: 'undetectable-delimiter',
  TooFewFields: 'field-count',
  TooManyFields: 'field-count',
} as const satisfies Record<ReaderCode, string>;

/** How much of a decoded text is looked at to tell a table from something else. */
const SNIFF_LENGTH = 4096;

/**
 * What a decoded file is when it is not a text table: binary content (a picture or a font
 * renamed .csv: a NUL, or more than one character in ten a control character or an undecodable
 * byte, in its first kilobytes — text never has either), or HTML (the "Excel" file many
 * reporting systems export is an HTML table). Null for anything that may be a table.
 */
export function notATable(text: string): 'binary' | 'html' | null {
  const head = withoutBom(text).slice(0, SNIFF_LENGTH);
  let odd = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c === 0) return 'binary';
    // C0 controls but white space and the separators Papa Parse may take for delimiters, DEL,
    // C1 controls, U+FFFD (a byte not decoded).
    const plain = (c >= 0x09 && c <= 0x0d) || c === 0x1e || c === 0x1f;
    if ((c < 0x20 && !plain) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) odd += 1;
  }
  if (odd > head.length / 10) return 'binary';
  return MARKUP.test(head) ? 'html' : null;
}

/** The start of an HTML page (or of the XML a spreadsheet saved "as web page" or as XML). */
const MARKUP = /^\s*<(?:(?:!doctype\s+html|html|table|head|body|meta|\?xml)[\s>/]|!--)/i;

/**
 * The name of 0-based column `c` as a message gives it for a cell of 0-based row `r`: the text
 * of the header row above it (`guessHeaderRow`), or null when there is none — no header, the
 * cell on or above it, an empty header or one longer than a name — and its letter is used.
 */
export function headerNameAbove(rows: readonly Cell[][], r: number, c: number): string | null {
  const header = guessHeaderRow(rows);
  if (header < 0 || header >= r) return null;
  const text = cellText(rows[header]![c] ?? null);
  return text !== '' && text.length <= IMPORT_LIMITS.nameLength ? text : null;
}

/** The characters `parseDelimitedText` hands Papa Parse at a time. */
const PAPA_CHUNK = 1 << 20;

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

/**
 * Where a cell can end in delimited text: any delimiter Papa Parse may guess (its
 * `delimitersToGuess`, and ',' when it guesses none), a quote, either line break character.
 */
const CELL_END_CHARS = ',\t|;\u001e\u001f"\r\n';
const CELL_ENDS = new Uint8Array(128);
for (const c of CELL_END_CHARS) CELL_ENDS[c.charCodeAt(0)] = 1;

/** White space as `String.prototype.trim` (and so Papa Parse's 'greedy' empty line) knows it. */
const isTrimSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const endsCell = (c: number) => c < 128 && CELL_ENDS[c] === 1;

/**
 * The runs of more than `limit` characters of `text` in which no cell can end (see CELL_ENDS)
 * and which are not all white space, as [start, end) offsets. Whatever the delimiter, line break
 * and quoting, Papa Parse keeps such a run whole, character for character, in one cell (quotes,
 * which `""` halves, end runs too), so that cell is over the limit. Linear, and mostly less: a
 * run must hold the character `limit` places on from where it could start, so the scan jumps
 * there and looks back only as far as the last cell end (each character is looked at once).
 */
export function longTextRuns(text: string, limit: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  // [from, clear) holds no cell end: a run may start at `from`.
  let from = 0;
  let clear = 0;
  // Where each cell end character next occurs (found with indexOf, which is native and only
  // ever moves on): a long run's end is the nearest.
  const next = [...CELL_END_CHARS].map(() => -1);
  const cellEndFrom = (at: number) => {
    let end = text.length;
    for (const [k, c] of [...CELL_END_CHARS].entries()) {
      if (next[k]! < at && next[k] !== text.length) {
        const i = text.indexOf(c, at);
        next[k] = i < 0 ? text.length : i;
      }
      end = Math.min(end, next[k]!);
    }
    return end;
  };
  while (from + limit < text.length) {
    const top = from + limit;
    let j = top;
    while (j >= clear && !endsCell(text.charCodeAt(j))) j -= 1;
    if (j >= clear) {
      from = j + 1;
      clear = top + 1;
      continue;
    }
    const end = cellEndFrom(top + 1);
    let s = from;
    while (s < end && isTrimSpace(text.charCodeAt(s))) s += 1;
    // A run of spaces alone may be dropped with its line ('greedy') or after a closing quote.
    if (s < end) runs.push({ start: from, end });
    from = end + 1;
    clear = from;
  }
  return runs;
}

/**
 * The first cell of `parseDelimitedText(text)` longer than `limit` characters (1-based row of
 * its rows, and column), found without parsing a long text: the runs `longTextRuns` finds are
 * cut to `limit + 1` characters, and what is left is parsed with the delimiter and line break
 * Papa Parse guesses from the whole text's first chunk — the same rows, cells over the limit in
 * the same places — with the header its column has there (`headerNameAbove`). Null when no such
 * run exists (a cell may still be over the limit, made of shorter runs: the parsed table is
 * checked too). Costs a scan of the text when there is none.
 */
export function longCellBeforeParsing(
  text: string,
  limit: number,
): { row: number; column: number; header: string | null } | null {
  const body = withoutBom(text);
  const runs = longTextRuns(body, limit);
  if (runs.length === 0) return null;
  const { delimiter, linebreak } = Papa.parse<string[]>(body.slice(0, PAPA_CHUNK), {
    skipEmptyLines: 'greedy',
    preview: 1,
  }).meta;
  const parts: string[] = [];
  let from = 0;
  const standIn = 'x'.repeat(limit + 1);
  for (const { start, end } of runs) {
    parts.push(body.slice(from, start), standIn);
    from = end;
  }
  parts.push(body.slice(from));
  const { data } = Papa.parse<string[]>(parts.join(''), {
    delimiter,
    newline: linebreak as Papa.ParseConfig['newline'],
    skipEmptyLines: 'greedy',
  });
  for (const [r, row] of data.entries()) {
    const c = row.findIndex((cell) => cell.length > limit);
    if (c >= 0) return { row: r + 1, column: c + 1, header: headerNameAbove(data, r, c) };
  }
  return null;
}

/** Units as columns (as in a plan's annex) → units as rows. Short rows are padded. */
export function transposeTable(rows: readonly Cell[][]): Cell[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
}

/**
 * The header is the top row with the most text cells (titles above it have one, data rows are
 * mostly numbers); a table with no row of two or more text cells has no header (-1).
 */
export function guessHeaderRow(rows: readonly Cell[][]): number {
  let best = -1;
  let bestCount = 1;
  for (let r = 0; r < Math.min(rows.length, 15); r += 1) {
    const textCells = rows[r]!.filter(
      (cell) => cellText(cell) !== '' && !parseCell(cell, 'vi').ok,
    ).length;
    if (textCells > bestCount) {
      best = r;
      bestCount = textCells;
    }
  }
  return best;
}

/**
 * How many cells of a row count: up to its last one that is not empty. Trailing empty cells
 * (`a;b;c;;`, as spreadsheets write every column of a sheet) are no cells at all.
 */
export function filledLength(row: readonly Cell[]): number {
  for (let c = row.length - 1; c >= 0; c -= 1) if (cellText(row[c] ?? null) !== '') return c + 1;
  return 0;
}

/**
 * Whether a row of figures below the header row (`guessHeaderRow`) has more cells than the
 * header: such a table is not read turned, whatever matches, so the row is reported as too long.
 * A row of text alone (a footnote with unquoted commas) says nothing of the table's layout.
 */
export function hasLongRows(rows: readonly Cell[][]): boolean {
  const header = guessHeaderRow(rows);
  if (header < 0) return false;
  const width = rows[header]!.length;
  return rows
    .slice(header + 1)
    .some(
      (row) =>
        row.length > width &&
        filledLength(row) > width &&
        row.some((cell) => parseCell(cell, 'vi').ok),
    );
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
