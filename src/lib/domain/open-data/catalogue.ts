import { MESSAGES } from '../../i18n/message-tables.ts';
import type { LicenceId } from '../../data/atlas-index.ts';
import type { Locale, MessageKey } from '../../i18n/messages.ts';
import type { DatasetMetadata, SourceDocument } from '../dataset.ts';
import { problemText } from '../import/problem-text.ts';
import { datasetYears } from '../years.ts';

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
    // A multi-year dataset lists every year it holds.
    [t.year, datasetYears(dataset).join(', ')],
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
