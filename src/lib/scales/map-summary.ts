import type { IndicatorDefinition } from '../domain/indicators.ts';
import type { Locale } from '../i18n/messages.ts';
import { formatIndicatorValue } from './format.ts';

export interface SummaryUnit {
  name: string;
  value: number;
}

/** What the sentence can say besides the units: their level, the year and the national figure. */
export interface SummaryContext {
  level?: 'district' | 'province';
  year?: number;
  /** The whole country's figure as the source gives it (not summed from the units). */
  national?: number;
}

const LEVEL_WORDS = {
  vi: { district: () => 'huyện', province: () => 'tỉnh' },
  en: {
    district: (n: number) => (n === 1 ? 'district' : 'districts'),
    province: (n: number) => (n === 1 ? 'province' : 'provinces'),
  },
} as const;

/**
 * One sentence that says what the choropleth shows, for screen readers and image alt text:
 * "Tỷ lệ hộ nghèo cả năm (2023): cả nước 3,37 %; 63 tỉnh có số liệu; cao nhất Tỉnh Điện Biên 29,55 %;
 * thấp nhất …".
 */
export function summarizeChoropleth(
  indicator: Pick<IndicatorDefinition, 'label' | 'unit'>,
  units: readonly SummaryUnit[],
  locale: Locale,
  context: SummaryContext = {},
): string {
  const vi = locale === 'vi';
  const year = context.year === undefined ? '' : ` (${context.year})`;
  const label = `${indicator.label[locale]}${year}`;
  if (units.length === 0) {
    return vi ? `${label}: không có số liệu.` : `${label}: no data.`;
  }
  const format = (v: number) => formatIndicatorValue(v, indicator.unit, locale);
  const sorted = [...units].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const highest = sorted[0]!;
  const lowest = sorted.at(-1)!;
  const value = (unit: SummaryUnit) => format(unit.value);
  const level = context.level ?? 'district';
  const national =
    context.national === undefined
      ? ''
      : `${vi ? 'cả nước' : 'whole country'} ${format(context.national)}; `;
  if (vi) {
    const count = `${units.length} ${LEVEL_WORDS.vi[level]()} có số liệu`;
    if (units.length === 1)
      return `${label}: ${national}${count}, ${highest.name} ${value(highest)}.`;
    return `${label}: ${national}${count}; cao nhất ${highest.name} ${value(highest)}; thấp nhất ${lowest.name} ${value(lowest)}.`;
  }
  const count = `${units.length} ${LEVEL_WORDS.en[level](units.length)} with data`;
  if (units.length === 1)
    return `${label}: ${national}${count}, ${highest.name} ${value(highest)}.`;
  return `${label}: ${national}${count}; highest ${highest.name} ${value(highest)}; lowest ${lowest.name} ${value(lowest)}.`;
}
