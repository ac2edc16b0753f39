import type { DatasetMetadata, Observation } from '../domain/dataset.ts';
import { exportTable, toCsv, type UnitNames } from '../domain/export-table.ts';
import {
  createDataDictionary,
  dictionaryMarkdown,
  dictionaryTable,
  factsTable,
} from '../domain/open-data/data-dictionary.ts';
import type { Locale } from '../i18n/messages.ts';
import type { AtlasGeometry } from './boundary-topology.ts';
import { downloadTable, fileNameOf, saveFile, type ExportFormat } from './dataset-files.ts';

/** A published dataset's downloads: the figures in three formats and their data dictionary. */
export type OpenDataFormat = ExportFormat | 'dictionary-csv' | 'dictionary-md';

export interface OpenDataDownload {
  dataset: DatasetMetadata;
  observations: readonly Observation[];
  names: UnitNames;
  geometry: AtlasGeometry | null;
  boundarySources: readonly { attribution: string }[];
  /** The dataset's check warnings as the catalogue words them, for the Markdown dictionary. */
  warnings: readonly string[];
  locale: Locale;
}

const SHEETS = {
  vi: { data: 'Số liệu', dictionary: 'Từ điển dữ liệu', source: 'Nguồn' },
  en: { data: 'Data', dictionary: 'Data dictionary', source: 'Source' },
} as const;

export async function downloadOpenDataset(
  download: OpenDataDownload,
  format: OpenDataFormat,
): Promise<void> {
  const { dataset, locale } = download;
  const baseName = fileNameOf(dataset.title.vi);
  const dictionary = createDataDictionary(dataset, locale, {
    boundarySources: download.boundarySources,
  });
  if (format === 'dictionary-csv') {
    const csv = toCsv(dictionaryTable(dictionary, locale));
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${baseName}-tu-dien.csv`);
    return;
  }
  if (format === 'dictionary-md') {
    const text = dictionaryMarkdown(dataset, dictionary, download.warnings, locale);
    saveFile(new Blob([text], { type: 'text/markdown;charset=utf-8' }), `${baseName}-tu-dien.md`);
    return;
  }
  const table = exportTable(download.observations, dataset.indicators, download.names, locale);
  const sheets = SHEETS[locale];
  await downloadTable(table, format, baseName, download.geometry, {
    first: sheets.data,
    extra: [
      { name: sheets.dictionary, table: dictionaryTable(dictionary, locale) },
      { name: sheets.source, table: factsTable(dataset, locale) },
    ],
  });
}
