import { MESSAGES } from '../../i18n/message-tables.ts';
import type { Locale, MessageKey } from '../../i18n/messages.ts';
import type { DatasetMetadata, SourceDocument } from '../dataset.ts';
import { problemText } from '../import/problem-text.ts';

/**
 * The open-data catalogue: every built-in dataset with its provenance, as plain text in the
 * reader's language, and the licence of every third-party file the atlas is built from.
 */

/** `2017-03-14` → `14/03/2017` (day first, as both vi-VN and en-GB write it); other text as it is. */
export function formatDocumentDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

/** "Issuer, title, số 369/UBND-VHXH, ngày 14/03/2017", saying so when number or date is unknown. */
export function citeSource(source: SourceDocument, locale: Locale): string {
  const t = MESSAGES[locale];
  const number = source.number
    ? `${locale === 'vi' ? 'số' : 'No.'} ${source.number}`
    : t.numberUnknown;
  const date = source.date
    ? `${locale === 'vi' ? 'ngày ' : ''}${formatDocumentDate(source.date)}`
    : t.dateUnknown;
  return `${source.issuer}, ${source.title}, ${number}, ${date}`;
}

/** What a dataset is, label by label, for the catalogue, the XLSX info sheet and the Markdown. */
export function datasetFacts(dataset: DatasetMetadata, locale: Locale): [string, string][] {
  const t = MESSAGES[locale];
  const standard = t[`standard_${dataset.standard.replace('-', '_')}` as MessageKey];
  const facts: [string, string][] = [
    [t.datasetTitle, dataset.title[locale]],
    [t.sourceDocument, citeSource(dataset.source, locale)],
    [t.openDataLocator, dataset.source.locator],
    [t.issuer, dataset.source.issuer],
    [t.standard, standard],
    [t.year, String(dataset.year)],
    [t.level, t[`level_${dataset.level}`]],
    [t.openDataKind, t[`kind_${dataset.kind}`]],
    [t.licence, dataset.licence],
  ];
  if (dataset.caveat) facts.push([t.openDataCaveat, dataset.caveat[locale]]);
  dataset.notes.forEach((note) => facts.push([t.notes, note[locale]]));
  return facts;
}

export interface CatalogueEntry {
  id: string;
  title: string;
  citation: string;
  facts: [string, string][];
  /** The check warnings in the reader's language, each with where in the source table. */
  warnings: string[];
  indicators: DatasetMetadata['indicators'];
  figures: number;
  /** The metadata was edited in this browser, so it may differ from the published one. */
  edited: boolean;
}

/**
 * The built-in datasets, newest year first, then by title; imported datasets are a person's
 * own and are not published.
 */
export function buildCatalogue(
  datasets: readonly (DatasetMetadata & { editedAt?: string })[],
  figureCounts: ReadonlyMap<string, number>,
  locale: Locale,
): CatalogueEntry[] {
  const t = MESSAGES[locale];
  return datasets
    .filter((dataset) => dataset.builtIn)
    .sort(
      (a, b) =>
        b.year - a.year ||
        a.title[locale].localeCompare(b.title[locale], locale === 'vi' ? 'vi' : 'en'),
    )
    .map((dataset) => ({
      id: dataset.id,
      title: dataset.title[locale],
      citation: citeSource(dataset.source, locale),
      facts: datasetFacts(dataset, locale),
      warnings: dataset.warnings.map(
        (warning) =>
          `${t.problemWhere.replace('{row}', String(warning.row)).replace('{column}', warning.column || '—')}: ${problemText(warning, t, locale)}`,
      ),
      indicators: dataset.indicators,
      figures: figureCounts.get(dataset.id) ?? 0,
      edited: Boolean(dataset.editedAt),
    }));
}

export type LicenceId = 'GPL-3.0' | 'CC-BY-SA-4.0' | 'MIT';

/** What each licence lets a reader do with the files under it, and what it asks in return. */
export const LICENCE_TERMS: Record<LicenceId, { name: string; reuse: Record<Locale, string> }> = {
  'GPL-3.0': {
    name: 'GNU General Public License v3.0 (GPL-3.0)',
    reuse: {
      vi: 'Được sao chép, sửa đổi và phân phối lại, kể cả cho mục đích thương mại, với điều kiện bản phân phối (kể cả bản đã sửa đổi) cũng theo GPL-3.0, kèm văn bản giấy phép, ghi rõ nguồn và những gì đã thay đổi, và cung cấp dữ liệu ở dạng sửa được.',
      en: 'You may copy, modify and redistribute, commercially too, provided what you distribute (modified or not) is under GPL-3.0 as well, comes with the licence text, credits the source, states what was changed, and is available in an editable form.',
    },
  },
  'CC-BY-SA-4.0': {
    name: 'Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)',
    reuse: {
      vi: 'Được chia sẻ và phóng tác cho mọi mục đích, kể cả thương mại, với điều kiện ghi công nguồn, dẫn giấy phép, nói rõ đã thay đổi gì, và phân phối bản phóng tác theo cùng giấy phép (hoặc giấy phép tương thích).',
      en: 'You may share and adapt for any purpose, commercially too, provided you credit the source, link the licence, say what you changed, and distribute adaptations under the same (or a compatible) licence.',
    },
  },
  MIT: {
    name: 'MIT License',
    reuse: {
      vi: 'Được dùng, sửa đổi và phân phối lại tự do, với điều kiện giữ thông báo bản quyền và văn bản giấy phép.',
      en: 'You may use, modify and redistribute freely, provided the copyright notice and the licence text are kept.',
    },
  },
};

export interface BoundaryFile {
  /** Path in the shared data folder the data build reads from. */
  path: string;
  what: Record<Locale, string>;
  licence: LicenceId;
  attribution: string;
  /** The atlas-index source this file feeds; null when this build does not use the file. */
  sourceId: 'dvhcvn-gis-2019' | 'odm-districts-2009' | 'dvhcvn-codes-2025' | null;
}

/** Every third-party file beside the project (../shared/boundaries/README.md) and its licence. */
export const BOUNDARY_FILES: readonly BoundaryFile[] = [
  {
    path: 'boundaries/vn-2019-districts/gis/*.json',
    what: {
      vi: 'Ranh giới tỉnh và huyện (62 tỉnh, 692 huyện), trích từ hệ thống bản đồ hành chính của Chính phủ (gis.chinhphu.vn) tháng 10/2019',
      en: 'Province and district boundaries (62 provinces, 692 districts), extracted from the Government administrative map (gis.chinhphu.vn) in October 2019',
    },
    licence: 'GPL-3.0',
    attribution: 'gis.chinhphu.vn (10/2019), dvhcvn project (github.com/daohoangson/dvhcvn)',
    sourceId: 'dvhcvn-gis-2019',
  },
  {
    path: 'boundaries/vn-2019-districts/gis-extra/22.json',
    what: {
      vi: 'Ranh giới huyện của Quảng Ninh (13 huyện; lớp "Địa phận huyện" năm 2009, đã khái quát hoá)',
      en: 'District boundaries of Quảng Ninh (13 districts; the 2009 "Địa phận huyện" layer, generalised)',
    },
    licence: 'CC-BY-SA-4.0',
    attribution:
      'Open Development Mekong / Cục Đo đạc và Bản đồ Việt Nam (Department of Survey and Mapping)',
    sourceId: 'odm-districts-2009',
  },
  {
    path: 'admin-units/dvhcvn-2025-03-01.json',
    what: {
      vi: 'Tên, loại và mã của 63 tỉnh, 696 huyện, 10.047 xã ngày 01/3/2025 (Tổng cục Thống kê)',
      en: 'Names, types and codes of 63 provinces, 696 districts and 10,047 communes as of 1 March 2025 (General Statistics Office)',
    },
    licence: 'GPL-3.0',
    attribution: 'Tổng cục Thống kê (GSO), dvhcvn project (github.com/daohoangson/dvhcvn)',
    sourceId: 'dvhcvn-codes-2025',
  },
  {
    path: 'boundaries/vn-2025/provinces-34.geojson, wards-3321-simplified.topojson',
    what: {
      vi: '34 tỉnh và 3.321 xã, phường sau ngày 01/7/2025',
      en: 'The 34 provinces and 3,321 communes and wards after 1 July 2025',
    },
    licence: 'MIT',
    attribution:
      'thanglequoc/vietnamese-provinces-database; geometry from the state reference map sapnhap.bando.com.vn',
    sourceId: null,
  },
  {
    path: 'boundaries/vn-2025/crosswalk-merges.json, crosswalk-splits.json',
    what: {
      vi: 'Bảng chuyển đổi đơn vị cũ – mới khi sáp nhập ngày 01/7/2025',
      en: 'Crosswalk between the old and new units of the 1 July 2025 mergers',
    },
    licence: 'MIT',
    attribution: 'dvhcvn/20250701 (github.com/daohoangson/dvhcvn)',
    sourceId: null,
  },
];

/** Whether this build drew on each file: a file feeds the build when its source is listed. */
export function boundaryFilesInUse(
  sources: readonly { id: string }[],
): (BoundaryFile & { used: boolean })[] {
  const used = new Set(sources.map((source) => source.id));
  return BOUNDARY_FILES.map((file) => ({
    ...file,
    used: file.sourceId !== null && used.has(file.sourceId),
  }));
}
