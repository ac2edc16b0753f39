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
  const length = Math.max(1, text.length);
  // Papa Parse streams strings in chunks too; its types only declare `chunk` for files.
  const config: Papa.ParseConfig<string[]> & {
    chunkSize: number;
    chunk: (results: Papa.ParseResult<string[]>) => void;
  } = {
    skipEmptyLines: 'greedy',
    chunkSize: 1 << 20,
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
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), config);
  return { rows, readerWarnings };
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
