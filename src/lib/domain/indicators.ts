/**
 * The indicators a poverty dataset can carry. Rates are poor households / households in percent;
 * reductions are in percentage points (điểm phần trăm), as the programme's targets are stated.
 */
/** `ratio` is for computed views only (a rate × its province's), never for stored figures. */
export type IndicatorUnit =
  'percent' | 'points' | 'households' | 'people' | 'million-vnd' | 'ratio';

export interface IndicatorDefinition {
  id: IndicatorId;
  unit: IndicatorUnit;
  /** A rate can be drawn on the fixed policy breaks; counts and changes are classed by their data. */
  kind: 'rate' | 'change' | 'count';
  label: { vi: string; en: string };
  /** A rate is `count` / `total` × 100; the import checks each rate against its own counts. */
  ratio?: { count: IndicatorId; total: IndicatorId };
  /** A total stated beside its components (a budget and its projects): they must add up. */
  parts?: IndicatorId[];
}

export const INDICATOR_IDS = [
  'rate_start',
  'rate_reduction',
  'rate_end',
  'poverty_rate',
  'poor_start',
  'poor_reduced',
  'poor_end',
  'households_start',
  'households_end',
  'near_poor_rate_start',
  'near_poor_rate_end',
  'near_poor_start',
  'near_poor_end',
  'ethnic_poor_rate_start',
  'ethnic_poor_rate_end',
  'ethnic_poor_start',
  'ethnic_poor_end',
  'ethnic_near_poor_rate_start',
  'ethnic_near_poor_rate_end',
  'ethnic_near_poor_start',
  'ethnic_near_poor_end',
  'ethnic_households_start',
  'ethnic_households_end',
  'health_insurance_rate',
  'health_insurance_cards',
  'population',
  'budget_total',
  'budget_p1',
  'budget_p1_investment',
  'budget_p1_recurrent',
  'budget_p2',
  'budget_p2_investment',
  'budget_p2_recurrent',
  'budget_p3',
  'budget_p4',
  'budget_p5',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

type Label = [vi: string, en: string];

function count(id: IndicatorId, [vi, en]: Label): IndicatorDefinition {
  return { id, unit: 'households', kind: 'count', label: { vi, en } };
}

function budget(id: IndicatorId, [vi, en]: Label, parts?: IndicatorId[]): IndicatorDefinition {
  return {
    id,
    unit: 'million-vnd',
    kind: 'count',
    label: { vi: `${vi} (triệu đồng)`, en: `${en} (million VND)` },
    ...(parts ? { parts } : {}),
  };
}

function rate(id: IndicatorId, [vi, en]: Label, count: IndicatorId, total: IndicatorId) {
  return { id, unit: 'percent', kind: 'rate', label: { vi, en }, ratio: { count, total } } as const;
}

export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  rate_start: {
    id: 'rate_start',
    unit: 'percent',
    kind: 'rate',
    label: { vi: 'Tỷ lệ hộ nghèo đầu năm', en: 'Poverty rate, start of year' },
    ratio: { count: 'poor_start', total: 'households_start' },
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
    ratio: { count: 'poor_end', total: 'households_end' },
  },
  // A rate measured once for the year (a survey's estimate), with no start or end and no counts.
  // Not the bare "Tỷ lệ hộ nghèo", which a planner's table means as the start-of-year rate.
  poverty_rate: {
    id: 'poverty_rate',
    unit: 'percent',
    kind: 'rate',
    label: { vi: 'Tỷ lệ hộ nghèo cả năm', en: 'Annual poverty rate' },
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
  near_poor_rate_start: rate(
    'near_poor_rate_start',
    ['Tỷ lệ hộ cận nghèo đầu năm', 'Near-poverty rate, start of year'],
    'near_poor_start',
    'households_start',
  ),
  near_poor_start: count('near_poor_start', [
    'Số hộ cận nghèo đầu năm',
    'Near-poor households, start of year',
  ]),
  near_poor_rate_end: rate(
    'near_poor_rate_end',
    ['Tỷ lệ hộ cận nghèo cuối năm', 'Near-poverty rate, end of year'],
    'near_poor_end',
    'households_end',
  ),
  near_poor_end: count('near_poor_end', [
    'Số hộ cận nghèo cuối năm',
    'Near-poor households, end of year',
  ]),
  ethnic_poor_rate_start: rate(
    'ethnic_poor_rate_start',
    ['Tỷ lệ hộ nghèo dân tộc thiểu số đầu năm', 'Ethnic-minority poverty rate, start of year'],
    'ethnic_poor_start',
    'ethnic_households_start',
  ),
  ethnic_poor_start: count('ethnic_poor_start', [
    'Số hộ nghèo dân tộc thiểu số đầu năm',
    'Ethnic-minority poor households, start of year',
  ]),
  ethnic_poor_rate_end: rate(
    'ethnic_poor_rate_end',
    ['Tỷ lệ hộ nghèo dân tộc thiểu số cuối năm', 'Ethnic-minority poverty rate, end of year'],
    'ethnic_poor_end',
    'ethnic_households_end',
  ),
  ethnic_poor_end: count('ethnic_poor_end', [
    'Số hộ nghèo dân tộc thiểu số cuối năm',
    'Ethnic-minority poor households, end of year',
  ]),
  ethnic_near_poor_rate_start: rate(
    'ethnic_near_poor_rate_start',
    [
      'Tỷ lệ hộ cận nghèo dân tộc thiểu số đầu năm',
      'Ethnic-minority near-poverty rate, start of year',
    ],
    'ethnic_near_poor_start',
    'ethnic_households_start',
  ),
  ethnic_near_poor_start: count('ethnic_near_poor_start', [
    'Số hộ cận nghèo dân tộc thiểu số đầu năm',
    'Ethnic-minority near-poor households, start of year',
  ]),
  ethnic_near_poor_rate_end: rate(
    'ethnic_near_poor_rate_end',
    [
      'Tỷ lệ hộ cận nghèo dân tộc thiểu số cuối năm',
      'Ethnic-minority near-poverty rate, end of year',
    ],
    'ethnic_near_poor_end',
    'ethnic_households_end',
  ),
  ethnic_near_poor_end: count('ethnic_near_poor_end', [
    'Số hộ cận nghèo dân tộc thiểu số cuối năm',
    'Ethnic-minority near-poor households, end of year',
  ]),
  ethnic_households_start: count('ethnic_households_start', [
    'Số hộ dân tộc thiểu số đầu năm',
    'Ethnic-minority households, start of year',
  ]),
  ethnic_households_end: count('ethnic_households_end', [
    'Số hộ dân tộc thiểu số cuối năm',
    'Ethnic-minority households, end of year',
  ]),
  health_insurance_rate: {
    id: 'health_insurance_rate',
    unit: 'percent',
    kind: 'rate',
    label: { vi: 'Tỷ lệ tham gia bảo hiểm y tế', en: 'Health-insurance coverage' },
    ratio: { count: 'health_insurance_cards', total: 'population' },
  },
  health_insurance_cards: {
    id: 'health_insurance_cards',
    unit: 'people',
    kind: 'count',
    label: { vi: 'Số thẻ bảo hiểm y tế', en: 'Health-insurance cards' },
  },
  population: {
    id: 'population',
    unit: 'people',
    kind: 'count',
    label: { vi: 'Dân số', en: 'Population' },
  },
  budget_total: budget(
    'budget_total',
    ['Tổng kinh phí', 'Total budget'],
    ['budget_p1', 'budget_p2', 'budget_p3', 'budget_p4', 'budget_p5'],
  ),
  budget_p1: budget(
    'budget_p1',
    ['Kinh phí Dự án 1 (Chương trình 30a)', 'Budget, project 1 (Programme 30a)'],
    ['budget_p1_investment', 'budget_p1_recurrent'],
  ),
  budget_p1_investment: budget('budget_p1_investment', [
    'Dự án 1: vốn đầu tư phát triển',
    'Project 1: investment',
  ]),
  budget_p1_recurrent: budget('budget_p1_recurrent', [
    'Dự án 1: vốn sự nghiệp',
    'Project 1: recurrent',
  ]),
  budget_p2: budget(
    'budget_p2',
    ['Kinh phí Dự án 2 (Chương trình 135)', 'Budget, project 2 (Programme 135)'],
    ['budget_p2_investment', 'budget_p2_recurrent'],
  ),
  budget_p2_investment: budget('budget_p2_investment', [
    'Dự án 2: vốn đầu tư phát triển',
    'Project 2: investment',
  ]),
  budget_p2_recurrent: budget('budget_p2_recurrent', [
    'Dự án 2: vốn sự nghiệp',
    'Project 2: recurrent',
  ]),
  budget_p3: budget('budget_p3', ['Kinh phí Dự án 3 (sinh kế)', 'Budget, project 3 (livelihoods)']),
  budget_p4: budget('budget_p4', [
    'Kinh phí Dự án 4 (truyền thông)',
    'Budget, project 4 (communication)',
  ]),
  budget_p5: budget('budget_p5', [
    'Kinh phí Dự án 5 (giám sát, đánh giá)',
    'Budget, project 5 (monitoring)',
  ]),
};

export function isIndicatorId(value: string): value is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(value);
}
