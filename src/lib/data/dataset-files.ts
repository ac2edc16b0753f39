import type { AtlasStore } from '../db/atlas-store.ts';
import type { DatasetBundle, UnitLevel } from '../domain/dataset.ts';
import { toCsv, toGeoJson, type ExportTable, type UnitNames } from '../domain/export-table.ts';
import type { Geometry } from 'geojson';
import type { UnitInfo } from './boundary-topology.ts';
import { fetchAtlasIndex } from './load-atlas.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'geojson';

/** Map features that are units' shapes (not label points), for a GeoJSON export. */
const SHAPED_ROLES: ReadonlySet<string> = new Set(['province', 'district', 'commune']);

/** Where a GeoJSON export finds each unit's shape: the 2019 map's features or the 2025 provinces. */
export interface ShapeSource {
  mapFeatures: {
    features: readonly { geometry: Geometry; properties: { role: string; code: string } }[];
  };
}

export interface ExtraSheet {
  name: string;
  table: ExportTable;
}

/**
 * The table as an XLSX workbook, on its first sheet, then any extra sheets (the dictionary, the
 * sources). write-excel-file is patched (data/patches): it looked its shared strings up in a plain
 * object, so a cell reading "constructor" or "toString" broke the workbook.
 */
export async function xlsxBlob(
  table: ExportTable,
  sheets: { first: string; extra: ExtraSheet[] } | null = null,
): Promise<Blob> {
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const cells = ({ header, rows }: ExportTable) =>
    [header, ...rows].map((row) => row.map((value) => ({ value: value ?? undefined })));
  return sheets
    ? writeExcelFile([
        { data: cells(table), sheet: sheets.first },
        ...sheets.extra.map((extra) => ({ data: cells(extra.table), sheet: extra.name })),
      ]).toBlob()
    : writeExcelFile(cells(table)).toBlob();
}

/**
 * Saves a table as a file the browser downloads; XLSX support loads only when asked for. An
 * XLSX file can carry more sheets after the table's (a data dictionary, the source).
 */
export async function downloadTable(
  table: ExportTable,
  format: ExportFormat,
  baseName: string,
  geometry: ShapeSource | null,
  xlsxSheets: { first: string; extra: ExtraSheet[] } | null = null,
): Promise<void> {
  let blob: Blob;
  if (format === 'csv') {
    blob = new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
  } else if (format === 'xlsx') {
    blob = await xlsxBlob(table, xlsxSheets);
  } else {
    const shapes = new Map(
      (geometry?.mapFeatures.features ?? [])
        .filter((f) => SHAPED_ROLES.has(f.properties.role))
        .map((f) => [f.properties.code, f.geometry]),
    );
    const collection = toGeoJson(table, (code) => shapes.get(code));
    blob = new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
  }
  saveFile(blob, `${baseName}.${format}`);
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Unit and province names for an export, from the loaded boundary units. */
export function createUnitNames(
  districtsByCode: ReadonlyMap<string, UnitInfo>,
  provincesByCode: ReadonlyMap<string, UnitInfo>,
): UnitNames {
  const unitOf = (code: string, level: UnitLevel) =>
    level === 'district' ? districtsByCode.get(code) : provincesByCode.get(code);
  return {
    name: (code, level) => unitOf(code, level)?.name ?? code,
    provinceName: (code, level) => {
      const unit = unitOf(code, level);
      return unit ? (provincesByCode.get(unit.provinceCode)?.name ?? '') : '';
    },
  };
}

/** Names for an export of the 2025 provinces (a 2025 dataset, or the 2025 map). */
export function createProvince2025Names(
  provincesByCode: ReadonlyMap<string, { name: string }>,
  /** The crosswalk's communes, for a commune dataset: each is named with its province. */
  communes?: { commune(code: string): { name: string; provinceCode: string } | null } | null,
): UnitNames {
  const province = (code: string) => provincesByCode.get(code)?.name ?? code;
  return {
    name: (code, level) =>
      level === 'commune' ? (communes?.commune(code)?.name ?? code) : province(code),
    provinceName: (code, level) => {
      if (level !== 'commune') return province(code);
      const provinceCode = communes?.commune(code)?.provinceCode;
      return provinceCode === undefined ? '' : province(provinceCode);
    },
  };
}

/** Fetches the built-in datasets again and puts them back; the person's imports stay. */
export async function restoreBuiltInDatasets(baseUrl: string, store: AtlasStore): Promise<void> {
  const index = await fetchAtlasIndex(baseUrl);
  const url = `${baseUrl}${index.datasets.file}?v=${index.datasets.contentHash.slice(0, 12)}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const file = (await response.json()) as { datasets: DatasetBundle[] };
  await store.replaceBuiltInDatasets(file.datasets, index.datasets.contentHash);
}

/** A file name from a title: no diacritics, no spaces. */
export function fileNameOf(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'dataset'
  );
}
