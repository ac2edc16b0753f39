import { datasetYears, STANDARD_LABELS, standardOfYear } from '../years.ts';
import { MESSAGES } from '../../i18n/message-tables.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { DatasetMetadata } from '../dataset.ts';
import { exportTable, type ExportTable } from '../export-table.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';
import { citeSource, datasetFacts } from './catalogue.ts';
import { indicatorMethod, isWholeNumberUnit, unitName } from './indicator-method.ts';

/**
 * The data dictionary of a dataset's download: one entry per column of the exported table (the
 * same header `exportTable` writes), plus the geometry of the GeoJSON file.
 */
export interface DictionaryEntry {
  name: string;
  meaning: string;
  unit: string;
  type: string;
  source: string;
}

export interface DictionaryOptions {
  /** Attribution of each boundary source of this build (the atlas index's sources). */
  boundarySources: readonly { attribution: string }[];
}

const TEXT = {
  vi: {
    header: ['Cột', 'Ý nghĩa', 'Đơn vị', 'Kiểu dữ liệu', 'Nguồn'],
    text: 'văn bản',
    code: 'văn bản (giữ số 0 ở đầu)',
    decimal: 'số thập phân',
    integer: 'số nguyên',
    geometry: 'hình học GeoJSON',
    none: '—',
    codeMeaning:
      'Mã đơn vị hành chính của Tổng cục Thống kê: tỉnh 2 chữ số, huyện 3 chữ số (đơn vị năm 2019)',
    levelMeaning:
      'Cấp của đơn vị: Tỉnh, hoặc Huyện (cấp huyện gồm cả quận, thị xã, thành phố thuộc tỉnh)',
    nameMeaning: 'Tên đầy đủ của đơn vị hành chính',
    provinceMeaning: 'Tỉnh chứa đơn vị (với dòng cấp tỉnh: chính tỉnh đó)',
    codeList: 'Danh mục đơn vị hành chính, Tổng cục Thống kê, 01/3/2025 (dự án dvhcvn), GPL-3.0',
    atlas: 'Atlas (theo mã đơn vị)',
    geometryName: 'geometry (chỉ trong tệp GeoJSON)',
    geometryMeaning:
      'Ranh giới của đơn vị năm 2019, kinh độ/vĩ độ WGS 84, đã đơn giản hoá; các tỉnh ghép từ ranh giới huyện',
    empty: 'Ô trống: văn bản nguồn không có số liệu này cho đơn vị.',
    title: 'Từ điển dữ liệu',
    about: 'Thông tin bộ dữ liệu',
    columns: 'Các cột',
    warnings: 'Cảnh báo kiểm tra số liệu',
  },
  en: {
    header: ['Column', 'Meaning', 'Unit', 'Type', 'Source'],
    text: 'text',
    code: 'text (keep leading zeros)',
    decimal: 'decimal number',
    integer: 'integer',
    geometry: 'GeoJSON geometry',
    none: '—',
    codeMeaning:
      'Administrative unit code of the General Statistics Office: 2 digits for a province, 3 for a district (2019 units)',
    levelMeaning:
      'Level of the unit: province, or district (which includes urban districts, towns and provincial cities)',
    nameMeaning: 'Full name of the administrative unit',
    provinceMeaning: 'Province the unit is in (for a province row: the province itself)',
    codeList:
      'List of administrative units, General Statistics Office, 1 March 2025 (dvhcvn project), GPL-3.0',
    atlas: 'The atlas (from the unit code)',
    geometryName: 'geometry (GeoJSON file only)',
    geometryMeaning:
      "The unit's 2019 boundary, WGS 84 longitude/latitude, simplified; provinces are merged from their districts",
    empty: 'An empty cell: the source document has no such figure for the unit.',
    title: 'Data dictionary',
    about: 'About the dataset',
    columns: 'Columns',
    warnings: 'Data check warnings',
  },
} as const;

export function createDataDictionary(
  dataset: DatasetMetadata,
  locale: Locale,
  { boundarySources }: DictionaryOptions,
): DictionaryEntry[] {
  const text = TEXT[locale];
  // The export's own header, so the dictionary names exactly the columns of the file.
  const unnamed = { name: () => '', provinceName: () => '' };
  // A multi-year dataset's file has a column per indicator and year: one entry each, named as
  // the file names it (the export is asked for one figure of each, so it writes those columns).
  const years = datasetYears(dataset);
  const columns = dataset.indicators.flatMap((id): { id: IndicatorId; year: number | null }[] =>
    years.length > 1 ? years.map((year) => ({ id, year })) : [{ id, year: null }],
  );
  const sample = columns.map(({ id, year }) => ({
    datasetId: dataset.id,
    unitCode: '',
    unitLevel: 'province' as const,
    indicator: id,
    year: year ?? dataset.year,
    value: 0,
  }));
  const [code, level, name, province, ...indicatorColumns] = exportTable(
    sample,
    dataset.indicators,
    unnamed,
    locale,
  ).header;
  const source = `${citeSource(dataset.source, locale)}; ${dataset.source.locator}`;
  return [
    {
      name: code!,
      meaning: text.codeMeaning,
      unit: text.none,
      type: text.code,
      source: text.codeList,
    },
    {
      name: level!,
      meaning: text.levelMeaning,
      unit: text.none,
      type: text.text,
      source: text.atlas,
    },
    {
      name: name!,
      meaning: text.nameMeaning,
      unit: text.none,
      type: text.text,
      source: text.codeList,
    },
    {
      name: province!,
      meaning: text.provinceMeaning,
      unit: text.none,
      type: text.text,
      source: text.codeList,
    },
    ...columns.map(({ id, year }, i) => ({
      name: indicatorColumns[i]!,
      meaning: `${indicatorMethod(id, locale)}${
        year === null ? '' : ` ${year}: ${STANDARD_LABELS[standardOfYear(dataset, year)][locale]}.`
      } ${text.empty}`,
      unit: unitName(INDICATORS[id].unit, locale),
      type: isWholeNumberUnit(INDICATORS[id].unit) ? text.integer : text.decimal,
      source,
    })),
    {
      name: text.geometryName,
      meaning: text.geometryMeaning,
      unit: text.none,
      type: text.geometry,
      source: boundarySources.map((s) => s.attribution).join('; '),
    },
  ];
}

/** The dictionary as a table: the CSV download and the XLSX sheet. */
export function dictionaryTable(entries: readonly DictionaryEntry[], locale: Locale): ExportTable {
  return {
    header: [...TEXT[locale].header],
    rows: entries.map((e) => [e.name, e.meaning, e.unit, e.type, e.source]),
  };
}

/** The dataset's facts as a two-column table, for the XLSX info sheet. */
export function factsTable(dataset: DatasetMetadata, locale: Locale): ExportTable {
  return {
    header: [MESSAGES[locale].openDataField, MESSAGES[locale].openDataValue],
    rows: datasetFacts(dataset, locale),
  };
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The dictionary with the dataset's provenance and warnings, as one Markdown document. */
export function dictionaryMarkdown(
  dataset: DatasetMetadata,
  entries: readonly DictionaryEntry[],
  warnings: readonly string[],
  locale: Locale,
): string {
  const text = TEXT[locale];
  const lines = [
    `# ${text.title}: ${dataset.title[locale]}`,
    '',
    `## ${text.about}`,
    '',
    ...datasetFacts(dataset, locale).map(([label, value]) => `- **${label}**: ${cell(value)}`),
    '',
    `## ${text.columns}`,
    '',
    `| ${text.header.join(' | ')} |`,
    `|${text.header.map(() => ' --- |').join('')}`,
    ...entries.map(
      (e) => `| ${[e.name, e.meaning, e.unit, e.type, e.source].map(cell).join(' | ')} |`,
    ),
  ];
  if (warnings.length > 0) {
    lines.push('', `## ${text.warnings}`, '', ...warnings.map((w) => `- ${cell(w)}`));
  }
  return `${lines.join('\n')}\n`;
}
