import type { IndicatorId } from './indicators.ts';
import type { UnitGroup } from './scenario/scenario-definition.ts';

/** The multidimensional poverty standard a dataset was measured against. */
export type PovertyStandard = '2016-2020' | '2022-2025' | 'other';
/**
 * The poverty line a year's figure was measured against, including the income lines before the
 * multidimensional standards (a multi-year history table spans several). Figures of different
 * standards are never joined into one line or subtracted as a change.
 */
export type StandardPeriod = 'income-2006-2010' | 'income-2011-2015' | PovertyStandard;
/** Districts exist only in the 2019 units, communes (of a dataset) only in the 2025 ones. */
export type UnitLevel = 'province' | 'district' | 'commune';
export type DatasetVintage = '2019-districts' | '2025-communes';
/** Where the figures come from; a plan's targets are not a review's results. */
export type DatasetKind = 'plan' | 'review' | 'survey' | 'scenario';

export interface SourceDocument {
  /** e.g. "Kế hoạch thực hiện Chương trình giảm nghèo năm 2020" */
  title: string;
  /** Document number ("369/UBND-VHXH"), or null when the copy we have does not show it. */
  number: string | null;
  /** ISO date, or null when unknown. */
  date: string | null;
  issuer: string;
  /** Where in the document the figures are (an annex table, a paragraph). */
  locator: string;
}

export interface DatasetMetadata {
  id: string;
  title: { vi: string; en: string };
  source: SourceDocument;
  standard: PovertyStandard;
  level: UnitLevel;
  kind: DatasetKind;
  /** The dataset's year; for a multi-year dataset, its latest (what it opens on). */
  year: number;
  /**
   * Every year the dataset holds figures for, ascending; absent for a single-year dataset (its
   * years are `[year]`). See `datasetYears`.
   */
  years?: number[];
  /** The standard of each year (by year), where it differs from `standard` or varies by year. */
  standards?: Record<string, StandardPeriod>;
  /**
   * The administrative era whose codes the rows use: the 2019 provinces and districts, or the
   * 34 provinces after 1 July 2025. Records stored before eras existed all carry 2019.
   */
  vintage: DatasetVintage;
  licence: string;
  /**
   * The whole country's figures as the source prints them (survey estimates are weighted, so they
   * cannot be recomputed from the units), for the map's summary.
   */
  national?: Partial<Record<IndicatorId, number>>;
  /** A multi-year dataset's national figures, by year (`national` is its latest year's). */
  nationalByYear?: Record<string, Partial<Record<IndicatorId, number>>>;
  /** The one thing a reader must know before trusting the figures, shown beside the map. */
  caveat?: { vi: string; en: string };
  notes: { vi: string; en: string }[];
  indicators: IndicatorId[];
  builtIn: boolean;
  /** Problems found when the figures were read (a rate that disagrees with its counts…). */
  warnings: DatasetWarning[];
  /** A budget's programme lines (Dự án 1–5), so a scenario can take them over. */
  programmes?: ProgrammeLine[];
}

/** One programme line of a plan's budget: its figure, whom it pays for, and where that is said. */
export interface ProgrammeLine {
  indicator: IndicatorId;
  name: { vi: string; en: string };
  eligible: 'all' | UnitGroup;
  basis: { vi: string; en: string };
}

export interface DatasetWarning {
  /** 1-based row of the source table (header = 1) and its column name. */
  row: number;
  column: string;
  /** In English; `kind` and `params` let the app say it in the reader's language. */
  message: string;
  kind?: string;
  params?: Record<string, string | number>;
}

export interface Observation {
  datasetId: string;
  unitCode: string;
  unitLevel: UnitLevel;
  indicator: IndicatorId;
  /** The year the figure is of: the dataset's year for a single-year dataset. */
  year: number;
  value: number;
}

/** A dataset as shipped in `datasets.json` and as stored: metadata plus its figures. */
export interface DatasetBundle {
  metadata: DatasetMetadata;
  observations: Observation[];
}
