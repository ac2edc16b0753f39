import { unzipSync } from 'fflate';
import type { UnitLevel } from '../dataset.ts';
import type { IndicatorUnit } from '../indicators.ts';

/**
 * What an import accepts at most, in one place: the README's import section states the same
 * figures. Beyond them a file is refused with a message rather than stored or left to hang.
 */
export const IMPORT_LIMITS = {
  /** A unit's name, as read from its cell: the longest real one is under 60 characters. */
  nameLength: 200,
  /** Any cell read for a unit or a figure. */
  cellLength: 1000,
  /**
   * Any one text of a table file, read or not (a note, a key, a cell of an unused column): far
   * above any real note, and checked while the file is read, so that a file of one 10 MB cell is
   * refused before it is parsed, guessed at and matched.
   */
  textLength: 100_000,
  /** Nesting of arrays and objects in a JSON file (a FeatureCollection needs 6). */
  jsonDepth: 64,
  /** Bytes an XLSX or zipped Shapefile may inflate to. */
  inflatedBytes: 50 * 1024 * 1024,
} as const;

/**
 * The most households (and people) one unit of each level can count: above the largest real
 * one (Hồ Chí Minh City after 2025: about 4 million households, 14 million people) with room,
 * far below a typo or an exponent.
 */
const HOUSEHOLD_CEILING: Record<UnitLevel, number> = {
  province: 10_000_000,
  district: 1_000_000,
  commune: 200_000,
};
const PEOPLE_PER_HOUSEHOLD_CEILING = 5;

/** The ceiling of a count in `unit` for a unit of `level`, or null when it has none (money). */
export function countCeiling(unit: IndicatorUnit, level: UnitLevel): number | null {
  if (unit === 'households') return HOUSEHOLD_CEILING[level];
  if (unit === 'people') return HOUSEHOLD_CEILING[level] * PEOPLE_PER_HOUSEHOLD_CEILING;
  return null;
}

/** Counts of households and people are whole; money (million VND) may have decimals. */
export function isWholeUnit(unit: IndicatorUnit): boolean {
  return unit === 'households' || unit === 'people';
}

/** Where a JSON object names a key twice: the key, and the path of keys and indexes to it. */
export interface JsonDuplicateKey {
  key: string;
  path: (string | number)[];
  offset: number;
}

/** Where a JSON string is longer than the text limit: the path of keys and indexes to it. */
export interface JsonLongText {
  path: (string | number)[];
  /** The string is a key (its object's key, not a value). */
  isKey: boolean;
  offset: number;
}

export interface JsonScan {
  /** The offset at which the text nests deeper than the limit, or -1. */
  tooDeepAt: number;
  /** The first object that holds a key twice (JSON.parse would silently keep the last). */
  duplicate: JsonDuplicateKey | null;
  /** The first string longer than `textLimit` (the scan stops there), or null. */
  tooLong: JsonLongText | null;
}

interface Container {
  keys: Set<string> | null;
  /** The object's current key, or the array's current index. */
  at: string | number;
  expectKey: boolean;
}

/**
 * One linear pass over JSON text, run before `JSON.parse` and the readers that walk the result
 * recursively: how deep it nests (it stops there), with `keys` the first object holding a key
 * twice, and the first string longer than `textLimit` characters (it stops there too, so a
 * 10 MB string costs a scan of `textLimit` characters, not a parse). Malformed text is scanned
 * as far as it can be JSON (see OUTSIDE_STRINGS); `JSON.parse` then says what is wrong.
 */
export function scanJson(
  text: string,
  {
    limit = IMPORT_LIMITS.jsonDepth as number,
    keys = true,
    textLimit = Number.POSITIVE_INFINITY,
  } = {},
): JsonScan {
  const stack: Container[] = [];
  let duplicate: JsonDuplicateKey | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      // Past this index the string's text is longer than the limit; escapes may make what it
      // reads as shorter, which `longerThan` counts (once).
      let checkAt = start + 1 + textLimit;
      let escaped = false;
      for (i += 1; i < text.length; i += 1) {
        if (i > checkAt) {
          if (longerThan(text, start, textLimit)) {
            const open = stack[stack.length - 1];
            const tooLong = {
              path: stack.map((container) => container.at),
              isKey: open?.keys != null && open.expectKey,
              offset: start,
            };
            return { tooDeepAt: -1, duplicate, tooLong };
          }
          checkAt = Number.POSITIVE_INFINITY;
        }
        const s = text.charCodeAt(i);
        if (s === 0x5c) {
          escaped = true;
          i += 1;
        } else if (s === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (!top?.keys || !top.expectKey) continue;
      top.expectKey = false;
      const key = decodeKey(text.slice(start, i + 1), escaped);
      top.at = key;
      if (top.keys.has(key)) {
        duplicate ??= {
          key,
          path: stack.slice(0, -1).map((container) => container.at),
          offset: start,
        };
      } else top.keys.add(key);
    } else if (c === 0x5b || c === 0x7b) {
      if (stack.length >= limit) return { tooDeepAt: i, duplicate, tooLong: null };
      const object = c === 0x7b;
      stack.push({
        keys: object && keys ? new Set() : null,
        at: object ? '' : 0,
        expectKey: object,
      });
    } else if (c === 0x5d || c === 0x7d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top && typeof top.at === 'number') top.at += 1;
      else if (top) top.expectKey = true;
    } else if (c > 0xff || OUTSIDE_STRINGS[c] !== 1) break;
  }
  return { tooDeepAt: -1, duplicate, tooLong: null };
}

/**
 * What JSON may hold outside its strings: white space, punctuation, numbers, true, false, null.
 * The scans stop at anything else (a file whose quotes a cut has shifted), which `JSON.parse`
 * then refuses at the same place, instead of reading on through text that is no JSON.
 */
const OUTSIDE_STRINGS = new Uint8Array(256);
for (const c of ' \t\n\r[]{},:0123456789+-.eEtrufalsn') OUTSIDE_STRINGS[c.charCodeAt(0)] = 1;

/**
 * The byte offset of the first JSON string in UTF-8 `bytes` that reads as more than `limit`
 * characters, or -1: run on the bytes, before they are decoded, so that a file of one 10 MB
 * string is refused without decoding it. Characters are counted as UTF-16 units, an escape as
 * one; bytes that are not UTF-8 (a Windows-1258 file) may be counted short, never long, and the
 * scan of the decoded text (`scanJson`) then finds what this one missed.
 */
export function longJsonStringOffset(bytes: Uint8Array, limit: number): number {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (let i = bom ? 3 : 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0x22) {
      if (OUTSIDE_STRINGS[bytes[i]!] !== 1) return -1;
      continue;
    }
    const start = i;
    let length = 0;
    for (i += 1; i < bytes.length; i += 1) {
      const b = bytes[i]!;
      if (b === 0x22) break;
      if (b === 0x5c) i += bytes[i + 1] === 0x75 ? 5 : 1;
      // A lead byte (not a continuation byte) starts a character.
      if ((b & 0xc0) !== 0x80) length += 1;
      if (length > limit) return start;
    }
  }
  return -1;
}

/**
 * The `<t>` elements (a workbook's texts: shared strings, inline strings, rich-text runs; any
 * namespace prefix) of the UTF-8 XML `bytes` whose text reads as more than `limit` characters, as
 * [start, end) byte offsets of their content: one linear pass over the bytes, before any of them is
 * decoded or parsed as XML. An entity (`&amp;`) and an `_xHHHH_` escape count as one character, as
 * does a character outside the BMP: a text may be counted short, never long. Text in a CDATA
 * section is not counted.
 */
export function longXmlTexts(bytes: Uint8Array, limit: number): { start: number; end: number }[] {
  const texts: { start: number; end: number }[] = [];
  let i = bytes.indexOf(0x3c);
  while (i >= 0) {
    // The element's name ends at white space, '>' or '/'.
    let n = i + 1;
    while (n < bytes.length && !NAME_ENDS[bytes[n]!]) n += 1;
    const isText = n - i >= 2 && bytes[n - 1] === 0x74 && (n - i === 2 || bytes[n - 2] === 0x3a);
    // The start tag ends at a '>' outside quoted attribute values.
    let quote = 0;
    let gt = n;
    for (; gt < bytes.length; gt += 1) {
      const b = bytes[gt]!;
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === 0x22 || b === 0x27) quote = b;
      else if (b === 0x3e) break;
    }
    const start = gt + 1;
    const next = bytes.indexOf(0x3c, start);
    const end = next < 0 ? bytes.length : next;
    // Fewer bytes than the limit are fewer characters too.
    if (isText && bytes[gt - 1] !== 0x2f && end - start > limit) {
      if (xmlTextLength(bytes, start, end, limit) > limit) texts.push({ start, end });
    }
    i = next;
  }
  return texts;
}

const NAME_ENDS = new Uint8Array(256);
for (const c of ' \t\r\n>/') NAME_ENDS[c.charCodeAt(0)] = 1;

/** The characters of XML text in bytes [start, end), counted up to just past `limit`. */
function xmlTextLength(bytes: Uint8Array, start: number, end: number, limit: number): number {
  let length = 0;
  for (let i = start; i < end && length <= limit; i += 1) {
    const b = bytes[i]!;
    if (b === 0x26) {
      const semicolon = bytes.subarray(i, Math.min(end, i + 12)).indexOf(0x3b);
      if (semicolon > 0) i += semicolon;
    } else if (b === 0x5f && isXlsxEscape(bytes, i, end)) i += 6;
    // A lead byte (not a continuation byte) starts a character.
    else if ((b & 0xc0) === 0x80) continue;
    length += 1;
  }
  return length;
}

/** `_xHHHH_` at `i`: one character once unescaped (ECMA-376 ST_Xstring). */
function isXlsxEscape(bytes: Uint8Array, i: number, end: number): boolean {
  if (i + 6 >= end || bytes[i + 1] !== 0x78 || bytes[i + 6] !== 0x5f) return false;
  for (let h = i + 2; h < i + 6; h += 1) {
    const b = bytes[h]! | 0x20;
    if (!((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66))) return false;
  }
  return true;
}

/** Whether the string opened at `start` reads as more than `limit` characters. */
function longerThan(text: string, start: number, limit: number): boolean {
  let length = 0;
  for (let i = start + 1; i < text.length && length <= limit; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return false;
    if (c === 0x5c) i += text.charCodeAt(i + 1) === 0x75 ? 5 : 1;
    length += 1;
  }
  return length > limit;
}

/** A key as JSON.parse reads it ("\u0061" is "a"); a malformed one as written. */
function decodeKey(quoted: string, escaped: boolean): string {
  if (!escaped) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** The offset at which JSON text nests deeper than `limit`, or -1. */
export function jsonDepthExceeded(text: string, limit: number = IMPORT_LIMITS.jsonDepth): number {
  return scanJson(text, { limit, keys: false }).tooDeepAt;
}

export class InflateLimitError extends Error {
  override name = 'InflateLimitError';
  constructor(
    readonly entry: string,
    readonly limit: number,
  ) {
    super(`the archive inflates to more than ${limit / 1024 / 1024} MB (at “${entry}”)`);
  }
}

/**
 * Refuses a zip archive whose entries selected by `keep` inflate past `limit`, reading only its
 * directory. fflate (which read-excel-file also unzips with) inflates each entry into a buffer of
 * the size the archive declares and never grows it, so the declared sizes bound what any later
 * unzip inflates: a bomb is refused in milliseconds, before any of it is inflated.
 */
export function checkInflatedSize(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limit: number = IMPORT_LIMITS.inflatedBytes,
): void {
  let total = 0;
  unzipSync(bytes, {
    filter: (file) => {
      if (!keep(file.name)) return false;
      total += file.originalSize;
      if (total > limit) throw new InflateLimitError(file.name, limit);
      return false;
    },
  });
}

/** The entries `keep` selects, after `checkInflatedSize`. */
export function unzipWithin(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limit: number = IMPORT_LIMITS.inflatedBytes,
): Record<string, Uint8Array> {
  checkInflatedSize(bytes, keep, limit);
  return unzipSync(bytes, { filter: (file) => keep(file.name) });
}
