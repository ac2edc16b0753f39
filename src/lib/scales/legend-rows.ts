import type { IndicatorUnit } from '../domain/indicators.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import type { ChoroplethClasses } from './choropleth.ts';
import { formatBreak } from './format.ts';

export interface LegendRow {
  color: string;
  /** `< 5`, `5 – < 10`, `≥ 40`, in the locale's number format. */
  range: string;
  count: number;
}

/** One row per class, as the on-screen legend, the exported image and the slides show it. */
export function legendRows(
  classes: ChoroplethClasses,
  unit: IndicatorUnit,
  locale: Locale,
): LegendRow[] {
  const { thresholds, colors, counts, min, max } = classes;
  const fmt = (value: number) => formatBreak(value, unit, locale);
  return colors.map((color, i) => {
    const low = i === 0 ? null : thresholds[i - 1]!;
    const high = i < thresholds.length ? thresholds[i]! : null;
    const range =
      low === null && high === null
        ? `${fmt(min)} – ${fmt(max)}`
        : low === null
          ? `< ${fmt(high!)}`
          : high === null
            ? `≥ ${fmt(low)}`
            : `${fmt(low)} – < ${fmt(high)}`;
    return { color, range, count: counts[i] ?? 0 };
  });
}

/** The unit written after a legend's title: `(%)`, `(hộ)`, `(điểm)`. */
export const UNIT_SUFFIX_KEY: Record<Exclude<IndicatorUnit, 'percent' | 'ratio'>, MessageKey> = {
  points: 'points',
  households: 'households',
  people: 'people',
  'million-vnd': 'millionVnd',
};

export function unitSuffix(unit: IndicatorUnit, t: (key: MessageKey) => string): string {
  if (unit === 'percent') return '%';
  return unit === 'ratio' ? '×' : t(UNIT_SUFFIX_KEY[unit]);
}
