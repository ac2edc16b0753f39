import type { DatasetMetadata, Observation, StandardPeriod, UnitLevel } from './dataset.ts';
import type { IndicatorId } from './indicators.ts';

/**
 * Years in a dataset: a dataset holds figures for one year or several (a history table), each
 * figure carrying its year and each year its poverty standard. Pure functions, no DOM.
 */

type YearsOf = Pick<DatasetMetadata, 'year' | 'years'>;
type StandardsOf = Pick<DatasetMetadata, 'standard' | 'standards'>;

/** The dataset's years, ascending: `years` when given, else its one `year`. */
export function datasetYears(dataset: YearsOf): number[] {
  const years = dataset.years && dataset.years.length > 0 ? dataset.years : [dataset.year];
  return [...new Set(years)].sort((a, b) => a - b);
}

export function isMultiYear(dataset: YearsOf | null | undefined): boolean {
  return !!dataset && datasetYears(dataset).length > 1;
}

/** The year to show: the one asked for when the dataset has it, else its latest. */
export function chooseYear(dataset: YearsOf, wanted: number | null | undefined): number {
  const years = datasetYears(dataset);
  return wanted !== null && wanted !== undefined && years.includes(wanted)
    ? wanted
    : years[years.length - 1]!;
}

/** The standard a year's figures were measured against. */
export function standardOfYear(dataset: StandardsOf, year: number): StandardPeriod {
  return dataset.standards?.[String(year)] ?? dataset.standard;
}

/**
 * One year's figures. A single-year dataset's figures are all of its year whatever they carry
 * (a figure stored before years existed, or imported, is of its dataset's year).
 */
export function observationsOfYear(
  observations: Observation[],
  dataset: YearsOf | null | undefined,
  year: number,
): Observation[] {
  if (!isMultiYear(dataset)) return observations;
  return observations.filter((o) => o.year === year);
}

/** Why a change between two years is not given: the years' standards differ, or a year is missing. */
export type YearChangeProblem = 'different-standards' | 'same-year' | 'unknown-year';

/**
 * Whether `to − from` is a change: both years in the dataset, different, and measured against
 * the same standard. A difference across standards (2008 → 2010, when the income line rose) is
 * mostly the change of line, not of poverty, so it is refused rather than shown with a label a
 * reader may miss; the year control offers only the years of the shown year's standard.
 */
export function yearChangeProblem(
  dataset: YearsOf & StandardsOf,
  from: number,
  to: number,
): YearChangeProblem | null {
  const years = datasetYears(dataset);
  if (!years.includes(from) || !years.includes(to)) return 'unknown-year';
  if (from === to) return 'same-year';
  return standardOfYear(dataset, from) === standardOfYear(dataset, to)
    ? null
    : 'different-standards';
}

/** The years a change to `year` can start from (same standard, another year), ascending. */
export function changeBaseYears(dataset: YearsOf & StandardsOf, year: number): number[] {
  return datasetYears(dataset).filter((y) => yearChangeProblem(dataset, y, year) === null);
}

/**
 * The change of one indicator between two years, `to − from`, per unit that has both (points for
 * a rate). Throws when the years may not be compared (see `yearChangeProblem`).
 */
export function changeBetweenYears(
  observations: readonly Observation[],
  dataset: YearsOf & StandardsOf,
  indicator: IndicatorId,
  level: UnitLevel,
  from: number,
  to: number,
): Map<string, number> {
  const problem = yearChangeProblem(dataset, from, to);
  if (problem) throw new RangeError(`no change from ${from} to ${to}: ${problem}`);
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const o of observations) {
    if (o.unitLevel !== level || o.indicator !== indicator) continue;
    if (o.year === from) before.set(o.unitCode, o.value);
    else if (o.year === to) after.set(o.unitCode, o.value);
  }
  const change = new Map<string, number>();
  for (const [code, value] of after) {
    const base = before.get(code);
    // Rounded to the sources' precision: 24.2 − 28.2 is −4, not −3.9999999999999964.
    if (base !== undefined) change.set(code, Math.round((value - base) * 1e6) / 1e6);
  }
  return change;
}

/** A point of a unit's series: a year's value, and the standard it was measured against. */
export interface StandardPoint {
  year: number;
  value: number;
  standard: StandardPeriod;
}

/** A run of consecutive points of one standard: one line on a chart. */
export interface StandardSegment<P extends StandardPoint> {
  standard: StandardPeriod;
  points: P[];
}

/**
 * Splits a series, ordered by year, into segments of one standard each: a new segment begins
 * wherever the standard changes, so a chart never draws one line across two poverty lines.
 * Every point is in exactly one segment, in order.
 */
export function segmentsByStandard<P extends StandardPoint>(
  points: readonly P[],
): StandardSegment<P>[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const segments: StandardSegment<P>[] = [];
  for (const point of sorted) {
    const last = segments[segments.length - 1];
    if (last && last.standard === point.standard) last.points.push(point);
    else segments.push({ standard: point.standard, points: [point] });
  }
  return segments;
}

/** How each standard is named on charts and in the year control. */
export const STANDARD_LABELS: Record<StandardPeriod, { vi: string; en: string }> = {
  'income-2006-2010': { vi: 'chuẩn thu nhập 2006–2010', en: 'income line 2006–2010' },
  'income-2011-2015': { vi: 'chuẩn thu nhập 2011–2015', en: 'income line 2011–2015' },
  '2016-2020': { vi: 'chuẩn đa chiều 2016–2020', en: 'multidimensional 2016–2020' },
  '2022-2025': { vi: 'chuẩn đa chiều 2022–2025', en: 'multidimensional 2022–2025' },
  other: { vi: 'chuẩn khác', en: 'other standard' },
};

/** The source's own national figures of a year: `nationalByYear`, or `national` for its year. */
export function nationalOfYear(
  dataset: Pick<DatasetMetadata, 'year' | 'national' | 'nationalByYear'>,
  year: number,
): DatasetMetadata['national'] {
  return (
    dataset.nationalByYear?.[String(year)] ?? (year === dataset.year ? dataset.national : undefined)
  );
}
