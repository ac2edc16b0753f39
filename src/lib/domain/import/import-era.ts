import type { MapEra } from '../eras/era.ts';
import {
  analyseImport,
  isMatched,
  type ImportAnalysis,
  type ImportSettings,
} from './analyse-import.ts';
import type { RawTable } from './raw-table.ts';
import type { KnownUnit, UnitMatcher } from './unit-names.ts';

/**
 * Which administrative era a table's units belong to: the 2019 provinces and districts, or the
 * 34 provinces formed on 1 July 2025. The two overlap treacherously — every new province is named
 * after an old one, and a new code can be an old code of another province (15 was Yên Bái, is
 * Lào Cai) — so a row counts for an era only when its name and code agree there, and only at the
 * table's usual level ("Thành phố Huế" is a 2019 district but a 2025 province).
 */

export interface EraMatchers {
  '2019': UnitMatcher;
  /** Null when the data build has no 2025 units. */
  '2025': UnitMatcher | null;
}

export interface ImportEra {
  /** The era whose units the analysis used. */
  era: MapEra;
  /** What the rows point to, whatever the person chose. */
  detected: MapEra;
  /** Rows that fit each era (name and code agreeing, at the table's level). */
  fits: Record<MapEra, number>;
  /** Both eras fit equally (only unchanged provinces, say): the 2019 units were used. */
  tie: boolean;
  chosenBy: 'detected' | 'person';
}

export type EraAnalysis = ImportAnalysis & { era: ImportEra };

/** Rows read to tell the eras apart: enough for any table, cheap for a 100,000-row one. */
const SAMPLE_ROWS = 2000;

/** The 2025 provinces as units a table can match (they have no districts). */
export function provinces2025AsUnits(
  provinces: readonly { code: string; name: string }[],
): KnownUnit[] {
  return provinces.map(({ code, name }) => ({ level: 'province', code, name, provinceCode: code }));
}

/** The 2025 communes as units a table can match, each within its province. */
export function communes2025AsUnits(
  communes: readonly { code: string; name: string; provinceCode: string }[],
): KnownUnit[] {
  return communes.map(({ code, name, provinceCode }) => ({
    level: 'commune',
    code,
    name,
    provinceCode,
  }));
}

/** How many rows of an analysis fit its units: matched, names agreeing, at the dominant level. */
export function countFittingRows(analysis: ImportAnalysis): number {
  let fitting = 0;
  for (const { match } of analysis.rows) {
    if (!match.unit || !isMatched(match.status) || match.nameDisagrees) continue;
    if (match.unit.level === analysis.level) fitting += 1;
  }
  return fitting;
}

/**
 * Reads the table with the era the person chose (settings.era) or, when they have not, with the
 * era more of its rows fit; a tie keeps the 2019 units, the atlas's default, and says so.
 */
export function analyseImportInEra(
  raw: RawTable,
  settings: ImportSettings,
  matchers: EraMatchers,
): EraAnalysis {
  const fits: Record<MapEra, number> = { '2019': 0, '2025': 0 };
  const later = matchers['2025'];
  if (later) {
    const sample: RawTable = {
      rows: raw.rows.slice(0, SAMPLE_ROWS + Math.max(0, settings.headerRow) + 1),
      readerWarnings: [],
    };
    // A hand decision names a unit of one era; it must not sway the detection.
    const plain = { ...settings, decisions: {} };
    fits['2019'] = countFittingRows(analyseImport(sample, plain, matchers['2019']));
    fits['2025'] = countFittingRows(analyseImport(sample, plain, later));
  }
  const detected: MapEra = fits['2025'] > fits['2019'] ? '2025' : '2019';
  const era: MapEra = later ? (settings.era ?? detected) : '2019';
  const analysis = analyseImport(raw, settings, era === '2025' ? later! : matchers['2019']);
  return {
    ...analysis,
    era: {
      era,
      detected,
      fits,
      tie: later !== null && fits['2019'] === fits['2025'] && fits['2019'] > 0,
      chosenBy: settings.era === null ? 'detected' : 'person',
    },
  };
}
