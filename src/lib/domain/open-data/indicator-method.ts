import type { Locale } from '../../i18n/messages.ts';
import { INDICATORS, type IndicatorId, type IndicatorUnit } from '../indicators.ts';

/**
 * How each indicator is obtained, in words, from its catalogue definition: a rate from its count
 * and total, a total from its parts. The data dictionary and the methodology page both read it,
 * so the two can never disagree.
 */

const UNIT_NAMES: Record<IndicatorUnit, Record<Locale, string>> = {
  percent: { vi: '%', en: '%' },
  points: { vi: 'điểm phần trăm', en: 'percentage points' },
  households: { vi: 'hộ', en: 'households' },
  people: { vi: 'người', en: 'people' },
  'million-vnd': { vi: 'triệu đồng', en: 'million VND' },
  ratio: { vi: 'lần', en: 'times' },
};

export function unitName(unit: IndicatorUnit, locale: Locale): string {
  return UNIT_NAMES[unit][locale];
}

/** Whole numbers for counts of households and people; decimals for rates, changes and money. */
export function isWholeNumberUnit(unit: IndicatorUnit): boolean {
  return unit === 'households' || unit === 'people';
}

/** Indicators that are differences of two others, as the import's flow checks read them. */
const DIFFERENCES: Partial<Record<IndicatorId, [IndicatorId, IndicatorId]>> = {
  rate_reduction: ['rate_start', 'rate_end'],
  poor_reduced: ['poor_start', 'poor_end'],
};

const label = (id: IndicatorId, locale: Locale) => INDICATORS[id].label[locale];

/** The formula or rule behind an indicator, e.g. "Số hộ nghèo đầu năm / Tổng số hộ đầu năm × 100". */
export function indicatorFormula(id: IndicatorId, locale: Locale): string {
  const definition = INDICATORS[id];
  if (definition.ratio) {
    return `${label(definition.ratio.count, locale)} / ${label(definition.ratio.total, locale)} × 100`;
  }
  const difference = DIFFERENCES[id];
  if (difference) return `${label(difference[0], locale)} − ${label(difference[1], locale)}`;
  if (definition.parts) return definition.parts.map((part) => label(part, locale)).join(' + ');
  return locale === 'vi' ? 'Số ghi trong văn bản nguồn' : 'As stated in the source document';
}

/** One sentence for a reader: the formula, and that the printed figure is kept and checked. */
export function indicatorMethod(id: IndicatorId, locale: Locale): string {
  const definition = INDICATORS[id];
  const formula = indicatorFormula(id, locale);
  if (definition.ratio || DIFFERENCES[id] || definition.parts) {
    return locale === 'vi'
      ? `${formula}. Giữ đúng số văn bản ghi; khi có đủ số liệu, atlas kiểm tra lại phép tính này (sai lệch quá mức làm tròn thành cảnh báo).`
      : `${formula}. The figure is kept as printed; when the other figures are there, the atlas checks this arithmetic (a difference beyond rounding becomes a warning).`;
  }
  return `${formula}.`;
}
