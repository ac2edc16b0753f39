import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Locale } from '../i18n/messages.ts';
import type { Observation, UnitLevel } from './dataset.ts';
import { INDICATORS, type IndicatorId } from './indicators.ts';
import { writeCsv } from './csv.ts';

/**
 * Figures as a flat table for export: one row per unit, one column per indicator, headed by the
 * indicator's label so the file reads well in Excel and imports back into the atlas unchanged.
 * Figures of several years (a multi-year dataset) get one column per indicator and year, headed
 * "label year", so no year's figure overwrites another's.
 */
export interface ExportTable {
  header: string[];
  rows: (string | number | null)[][];
}

export interface UnitNames {
  name(code: string, level: UnitLevel): string;
  provinceName(code: string, level: UnitLevel): string;
}

const FIXED_HEADERS: Record<Locale, string[]> = {
  vi: ['Mã', 'Cấp', 'Tên đơn vị', 'Tỉnh'],
  en: ['Code', 'Level', 'Unit name', 'Province'],
};

/** The "Cấp" column; "Xã" reads back as a commune name column's prefix-free level. */
const LEVEL_NAMES_VI: Record<UnitLevel, string> = {
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
};

export function exportTable(
  observations: readonly Observation[],
  indicators: readonly IndicatorId[],
  names: UnitNames,
  locale: Locale,
  /** Column labels for values that are not a catalogue indicator (a scenario's outcome). */
  labelOf: (id: IndicatorId) => string = (id) => INDICATORS[id].label[locale],
): ExportTable {
  const byUnit = new Map<string, { code: string; level: UnitLevel; values: Map<string, number> }>();
  for (const o of observations) {
    const key = `${o.unitLevel}:${o.unitCode}`;
    let unit = byUnit.get(key);
    if (!unit) {
      unit = { code: o.unitCode, level: o.unitLevel, values: new Map() };
      byUnit.set(key, unit);
    }
    unit.values.set(`${o.indicator}|${o.year}`, o.value);
  }
  const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
  const columns =
    years.length > 1
      ? indicators.flatMap((id) =>
          years.map((year) => ({ key: `${id}|${year}`, label: `${labelOf(id)} ${year}` })),
        )
      : indicators.map((id) => ({ key: `${id}|${years[0]}`, label: labelOf(id) }));
  // Provinces first, then districts (or communes), each by code: the order of the GSO list.
  const units = [...byUnit.values()].sort((a, b) =>
    a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'province' ? -1 : 1,
  );
  const levelName = (level: UnitLevel) => (locale === 'vi' ? LEVEL_NAMES_VI[level] : level);
  return {
    header: [...FIXED_HEADERS[locale], ...columns.map((c) => c.label)],
    rows: units.map((unit) => [
      unit.code,
      levelName(unit.level),
      names.name(unit.code, unit.level),
      names.provinceName(unit.code, unit.level),
      ...columns.map((c) => unit.values.get(c.key) ?? null),
    ]),
  };
}

/** The table as CSV (see `writeCsv`). */
export function toCsv({ header, rows }: ExportTable): string {
  return writeCsv([[header, ...rows]]);
}

/** The table's rows on their units' geometry (geometry comes from the boundary topology). */
export function toGeoJson(
  { header, rows }: ExportTable,
  geometryOf: (code: string) => Geometry | undefined,
): FeatureCollection {
  const features: Feature[] = [];
  for (const row of rows) {
    const code = String(row[0]);
    const geometry = geometryOf(code);
    if (!geometry) continue;
    features.push({
      type: 'Feature',
      id: code,
      geometry,
      properties: Object.fromEntries(header.map((name, i) => [name, row[i] ?? null])),
    });
  }
  return { type: 'FeatureCollection', features };
}
