import type {
  DatasetKind,
  DatasetMetadata,
  Observation,
  StandardPeriod,
  UnitLevel,
} from './dataset.ts';
import { INDICATOR_IDS, type IndicatorId } from './indicators.ts';
import type { DesignatedList } from './priority/designated-lists.ts';
import { isMultiYear, standardOfYear } from './years.ts';

/**
 * A unit's profile: every figure every stored dataset holds for it (and for its province, which
 * frames it), the indicators that form a time series, its rank among the current map's units,
 * and the designated lists it is on.
 */

export interface ProfileDataset {
  dataset: Pick<DatasetMetadata, 'id' | 'title' | 'source' | 'year' | 'kind' | 'level'> &
    Partial<Pick<DatasetMetadata, 'years' | 'standard' | 'standards'>>;
  level: UnitLevel;
  /** The year of these figures (a multi-year dataset gives one group per year). */
  year: number;
  /** In the catalogue's indicator order. */
  figures: { indicator: IndicatorId; value: number }[];
}

export interface SeriesPoint {
  year: number;
  value: number;
  datasetId: string;
  kind: DatasetKind;
  /** The poverty standard the figure was measured against: a chart breaks where it changes. */
  standard: StandardPeriod;
}

export interface ProfileSeries {
  level: UnitLevel;
  indicator: IndicatorId;
  /** By year; at least two distinct years. */
  points: SeriesPoint[];
}

/** 1 = the highest value (the poorest, for a rate); ties share a rank ("1, 2, 2, 4"). */
export interface UnitRank {
  rank: number;
  of: number;
}

export interface UnitProfile {
  /** Newest first; the unit's own figures before its province's. */
  datasets: ProfileDataset[];
  series: ProfileSeries[];
  rankInProvince: UnitRank | null;
  rankInNation: UnitRank | null;
  lists: DesignatedList[];
}

export interface UnitProfileInput {
  unit: { code: string; provinceCode: string };
  /** The unit's and its province's figures from every dataset. */
  observations: readonly Observation[];
  datasets: readonly ProfileDataset['dataset'][];
  /** The current map's values (one indicator of one dataset), by district code. */
  mapValues: ReadonlyMap<string, number>;
  provinceOf: (districtCode: string) => string | undefined;
  lists: readonly DesignatedList[];
}

const ORDER = new Map(INDICATOR_IDS.map((id, i) => [id, i]));

/** Rank of `value` among `values`, highest first; null when the unit has no value. */
export function rankAmong(value: number | undefined, values: Iterable<number>): UnitRank | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  let higher = 0;
  let of = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    of += 1;
    if (v > value) higher += 1;
  }
  return { rank: higher + 1, of };
}

export function buildUnitProfile(input: UnitProfileInput): UnitProfile {
  const { unit } = input;
  const byId = new Map(input.datasets.map((d) => [d.id, d]));
  const groups = new Map<string, ProfileDataset>();
  for (const o of input.observations) {
    const dataset = byId.get(o.datasetId);
    const own = o.unitLevel === 'district' ? o.unitCode === unit.code : false;
    const province = o.unitLevel === 'province' && o.unitCode === unit.provinceCode;
    if (!dataset || !(own || province)) continue;
    // A single-year dataset's figures are all of its year (see observationsOfYear).
    const year = isMultiYear(dataset) ? o.year : dataset.year;
    const key = `${o.datasetId}\u0000${o.unitLevel}\u0000${year}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { dataset, level: o.unitLevel, year, figures: [] }));
    group.figures.push({ indicator: o.indicator, value: o.value });
  }
  const datasets = [...groups.values()];
  for (const group of datasets) {
    group.figures.sort((a, b) => ORDER.get(a.indicator)! - ORDER.get(b.indicator)!);
  }
  datasets.sort(
    (a, b) =>
      Number(a.level === 'province') - Number(b.level === 'province') ||
      b.year - a.year ||
      a.dataset.id.localeCompare(b.dataset.id),
  );

  const seriesByKey = new Map<string, ProfileSeries>();
  for (const group of datasets) {
    for (const { indicator, value } of group.figures) {
      const key = `${group.level}\u0000${indicator}`;
      let series = seriesByKey.get(key);
      if (!series) seriesByKey.set(key, (series = { level: group.level, indicator, points: [] }));
      series.points.push({
        year: group.year,
        value,
        datasetId: group.dataset.id,
        kind: group.dataset.kind,
        standard: standardOfYear(
          { standard: group.dataset.standard ?? 'other', standards: group.dataset.standards },
          group.year,
        ),
      });
    }
  }
  const series = [...seriesByKey.values()]
    .filter((s) => new Set(s.points.map((p) => p.year)).size >= 2)
    .map((s) => ({ ...s, points: s.points.sort((a, b) => a.year - b.year) }))
    .sort(
      (a, b) =>
        Number(a.level === 'province') - Number(b.level === 'province') ||
        ORDER.get(a.indicator)! - ORDER.get(b.indicator)!,
    );

  const own = input.mapValues.get(unit.code);
  const inProvince = [...input.mapValues]
    .filter(([code]) => input.provinceOf(code) === unit.provinceCode)
    .map(([, value]) => value);
  return {
    datasets,
    series,
    // A province's own values have no province around them to rank in.
    rankInProvince: inProvince.length > 0 ? rankAmong(own, inProvince) : null,
    rankInNation: rankAmong(own, input.mapValues.values()),
    lists: input.lists.filter((list) => list.members.some((m) => m.code === unit.code)),
  };
}
