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

/**
 * The offset at which JSON text nests deeper than `limit`, or -1. A linear scan that skips
 * strings, run before `JSON.parse` and the readers that walk the result recursively.
 */
export function jsonDepthExceeded(text: string, limit: number = IMPORT_LIMITS.jsonDepth): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return -1;
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
