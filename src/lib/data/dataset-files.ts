import type { AtlasStore } from '../db/atlas-store.ts';
import type { DatasetBundle } from '../domain/dataset.ts';
import { toCsv, toGeoJson, type ExportTable } from '../domain/export-table.ts';
import type { AtlasGeometry } from './boundary-topology.ts';
import { fetchAtlasIndex } from './load-atlas.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'geojson';

/** Saves a table as a file the browser downloads; XLSX support loads only when asked for. */
export async function downloadTable(
  table: ExportTable,
  format: ExportFormat,
  baseName: string,
  geometry: AtlasGeometry | null,
): Promise<void> {
  let blob: Blob;
  if (format === 'csv') {
    blob = new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
  } else if (format === 'xlsx') {
    const { default: writeExcelFile } = await import('write-excel-file/universal');
    const data = [table.header, ...table.rows].map((row) =>
      row.map((value) => ({ value: value ?? undefined })),
    );
    blob = await writeExcelFile(data).toBlob();
  } else {
    const shapes = new Map(
      (geometry?.mapFeatures.features ?? [])
        .filter((f) => f.properties.role === 'district' || f.properties.role === 'province')
        .map((f) => [f.properties.code, f.geometry]),
    );
    const collection = toGeoJson(table, (code) => shapes.get(code));
    blob = new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${baseName}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
