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

export interface JsonScan {
  /** The offset at which the text nests deeper than the limit, or -1. */
  tooDeepAt: number;
  /** The first object that holds a key twice (JSON.parse would silently keep the last). */
  duplicate: JsonDuplicateKey | null;
}

interface Container {
  keys: Set<string> | null;
  /** The object's current key, or the array's current index. */
  at: string | number;
  expectKey: boolean;
}

/**
 * One linear pass over JSON text, run before `JSON.parse` and the readers that walk the result
 * recursively: how deep it nests (it stops there), and, with `keys`, the first object holding a
 * key twice. Malformed text is scanned as far as it goes; `JSON.parse` then says what is wrong.
 */
export function scanJson(
  text: string,
  { limit = IMPORT_LIMITS.jsonDepth as number, keys = true } = {},
): JsonScan {
  const stack: Container[] = [];
  let duplicate: JsonDuplicateKey | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      let escaped = false;
      for (i += 1; i < text.length; i += 1) {
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
      if (stack.length >= limit) return { tooDeepAt: i, duplicate };
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
    }
  }
  return { tooDeepAt: -1, duplicate };
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
