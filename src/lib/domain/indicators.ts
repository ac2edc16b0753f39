/**
 * The indicators a poverty dataset can carry. Rates are poor households / households in percent;
 * reductions are in percentage points (điểm phần trăm), as the programme's targets are stated.
 */
export type IndicatorUnit = 'percent' | 'points' | 'households';

export interface IndicatorDefinition {
  id: IndicatorId;
  unit: IndicatorUnit;
  /** A rate can be drawn on the fixed policy breaks; counts and changes are classed by their data. */
  kind: 'rate' | 'change' | 'count';
  label: { vi: string; en: string };
}

export const INDICATOR_IDS = [
  'rate_start',
  'rate_reduction',
  'rate_end',
  'poor_start',
  'poor_reduced',
  'poor_end',
  'households_start',
  'households_end',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  rate_start: {
    id: 'rate_start',
    unit: 'percent',
    kind: 'rate',
    label: { vi: 'Tỷ lệ hộ nghèo đầu năm', en: 'Poverty rate, start of year' },
  },
  rate_reduction: {
    id: 'rate_reduction',
    unit: 'points',
    kind: 'change',
    label: { vi: 'Mức giảm tỷ lệ hộ nghèo', en: 'Planned reduction of the rate' },
  },
  rate_end: {
    id: 'rate_end',
    unit: 'percent',
    kind: 'rate',
    label: { vi: 'Tỷ lệ hộ nghèo cuối năm', en: 'Poverty rate, end of year' },
  },
  poor_start: {
    id: 'poor_start',
    unit: 'households',
    kind: 'count',
    label: { vi: 'Số hộ nghèo đầu năm', en: 'Poor households, start of year' },
  },
  poor_reduced: {
    id: 'poor_reduced',
    unit: 'households',
    kind: 'count',
    label: { vi: 'Số hộ nghèo giảm trong năm', en: 'Poor households leaving poverty' },
  },
  poor_end: {
    id: 'poor_end',
    unit: 'households',
    kind: 'count',
    label: { vi: 'Số hộ nghèo cuối năm', en: 'Poor households, end of year' },
  },
  households_start: {
    id: 'households_start',
    unit: 'households',
    kind: 'count',
    label: { vi: 'Tổng số hộ đầu năm', en: 'Households, start of year' },
  },
  households_end: {
    id: 'households_end',
    unit: 'households',
    kind: 'count',
    label: { vi: 'Tổng số hộ cuối năm', en: 'Households, end of year' },
  },
};

export function isIndicatorId(value: string): value is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(value);
}
