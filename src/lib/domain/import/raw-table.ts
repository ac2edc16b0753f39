import Papa from 'papaparse';
import { cellText, parseCell, type Cell } from './numbers.ts';

/** A table as read from a file, before anyone decided what its rows and columns mean. */
export interface RawTable {
  rows: Cell[][];
  /** Problems of the reader itself (an unclosed quote), 0-based row. */
  readerWarnings: { row: number; message: string }[];
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
        // Short or long rows are ordinary in hand-made tables; only broken quoting is reported.
        if (error.type === 'Quotes') {
          readerWarnings.push({ row: rows.length + (error.row ?? 0), message: error.message });
        }
      }
      for (const row of results.data) rows.push(row);
      onProgress?.(Math.min(1, results.meta.cursor / length));
    },
  };
  Papa.parse<string[]>(body, config);
  return { rows, readerWarnings };
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
 * the same places. Null when no such run exists (a cell may still be over the limit, made of
 * shorter runs: the parsed table is checked too). Costs a scan of the text when there is none.
 */
export function longCellBeforeParsing(
  text: string,
  limit: number,
): { row: number; column: number } | null {
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
    if (c >= 0) return { row: r + 1, column: c + 1 };
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

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
