import type { IndicatorDefinition } from '../domain/indicators.ts';
import type { Locale } from '../i18n/messages.ts';
import { formatIndicatorValue } from './format.ts';

export interface SummaryUnit {
  name: string;
  value: number;
}

/**
 * One sentence that says what the choropleth shows, for screen readers and image alt text:
 * "Tỷ lệ hộ nghèo đầu năm: 7 huyện có số liệu; cao nhất Huyện Lâm Bình 36,03 %; thấp nhất …".
 */
export function summarizeChoropleth(
  indicator: Pick<IndicatorDefinition, 'label' | 'unit'>,
  units: readonly SummaryUnit[],
  locale: Locale,
): string {
  const label = indicator.label[locale];
  if (units.length === 0) {
    return locale === 'vi' ? `${label}: không có số liệu.` : `${label}: no data.`;
  }
  const sorted = [...units].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const highest = sorted[0]!;
  const lowest = sorted.at(-1)!;
  const value = (unit: SummaryUnit) => formatIndicatorValue(unit.value, indicator.unit, locale);
  if (locale === 'vi') {
    const count = `${units.length} huyện có số liệu`;
    if (units.length === 1) return `${label}: ${count}, ${highest.name} ${value(highest)}.`;
    return `${label}: ${count}; cao nhất ${highest.name} ${value(highest)}; thấp nhất ${lowest.name} ${value(lowest)}.`;
  }
  const count = `${units.length} ${units.length === 1 ? 'district' : 'districts'} with data`;
  if (units.length === 1) return `${label}: ${count}, ${highest.name} ${value(highest)}.`;
  return `${label}: ${count}; highest ${highest.name} ${value(highest)}; lowest ${lowest.name} ${value(lowest)}.`;
}
