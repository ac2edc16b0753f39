import type { Locale } from '../../i18n/messages.ts';
import { writeCsv } from '../csv.ts';
import { roundKeepingTotal } from '../export/largest-remainder.ts';
import type { BudgetBreakdown } from './programme-budget.ts';
import type { ScenarioResult, UnitOutcome } from './project-scenario.ts';
import type { ScenarioDefinition } from './scenario-definition.ts';

/** Column keys of the export, in order; the UI supplies their labels in its language. */
export const EXPORT_COLUMNS = [
  'code',
  'name',
  'province',
  'poorDistrict',
  'year',
  'householdsStart',
  'poorStart',
  'rateStart',
  'reductionPoints',
  'rateEnd',
  'poorEnd',
  'netReduction',
  'newPoor',
  'rePoverty',
  'exits',
  'budgetNeeded',
  'budgetAvailable',
  'budgetBalance',
  'flags',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportCell = string | number;

/** Column keys of the budget-by-programme table. */
export const PROGRAMME_EXPORT_COLUMNS = [
  'programme',
  'eligible',
  'costPerExit',
  'exits',
  'budgetNeeded',
  'budgetAvailable',
  'budgetBalance',
] as const;
export type ProgrammeExportColumn = (typeof PROGRAMME_EXPORT_COLUMNS)[number];

/** Two decimals, as the plans write rates and points. */
const hundredths = (value: number) => Math.round(value * 100) / 100;
/** The fall between two rates as printed (15,08 − 12,43 = 2,65), so each row checks. */
const fallBetween = (start: number, end: number) =>
  (Math.round(start * 100) - Math.round(end * 100)) / 100;

/** What a unit needs per exit: the scenario's own cost plus each programme it is eligible for. */
function costPerExitOf(unit: UnitOutcome, definition: ScenarioDefinition): number {
  let cost = definition.budget.costPerExit;
  for (const p of definition.budget.programmes) {
    if (p.eligible === 'all' || unit.groups.includes(p.eligible)) cost += p.costPerExit;
  }
  return cost;
}

/** The yearly share of each programme a unit receives (the projection's over the horizon / years). */
const availablePerYear = (unit: UnitOutcome, years: number) => unit.budgetAvailable / years;

/**
 * One row per unit and year, then the scope's total per year. Households (and million VND) are
 * whole: every column is rounded across the units by the largest remainder, so the units add up to
 * the total row; the fall in poor households is the difference of the rounded counts; rates and
 * points have two decimals (a fall is the difference of the two printed rates).
 */
export function scenarioExportRows(
  result: ScenarioResult,
  definition: ScenarioDefinition,
  totalLabel: string,
): ExportCell[][] {
  const units = result.units;
  const Y = definition.years;
  // Rounded series by column: [unit][index].
  const whole = (of: (unit: UnitOutcome, t: number) => number, length: number) => {
    const byUnit = units.map(() => new Array<number>(length));
    for (let t = 0; t < length; t += 1) {
      roundKeepingTotal(units.map((u) => of(u, t))).forEach((v, i) => (byUnit[i]![t] = v));
    }
    return byUnit;
  };
  const households = whole((u, t) => u.households[t]!, Y + 1);
  const poor = whole((u, t) => u.poor[t]!, Y + 1);
  const newPoor = whole((u, t) => u.newPoor[t]!, Y);
  const rePoverty = whole((u, t) => u.rePoverty[t]!, Y);
  const exits = whole((u, t) => u.exits[t]!, Y);
  const needed = whole((u, t) => u.exits[t]! * costPerExitOf(u, definition), Y);
  const available = whole((u) => availablePerYear(u, Y), Y);
  const sum = (series: number[][], t: number) => series.reduce((s, unit) => s + unit[t]!, 0);

  const rows: ExportCell[][] = [];
  units.forEach((unit, i) => {
    for (let t = 0; t < Y; t += 1) {
      rows.push([
        unit.code,
        unit.name,
        unit.provinceCode,
        unit.groups.includes('poor-district') ? 1 : 0,
        definition.startYear + t,
        households[i]![t]!,
        poor[i]![t]!,
        hundredths(unit.rate[t]!),
        fallBetween(unit.rate[t]!, unit.rate[t + 1]!),
        hundredths(unit.rate[t + 1]!),
        poor[i]![t + 1]!,
        poor[i]![t]! - poor[i]![t + 1]!,
        newPoor[i]![t]!,
        rePoverty[i]![t]!,
        exits[i]![t]!,
        needed[i]![t]!,
        available[i]![t]!,
        available[i]![t]! - needed[i]![t]!,
        unit.flags[t]!.join(' '),
      ]);
    }
  });
  const total = result.total;
  for (let t = 0; t < Y; t += 1) {
    rows.push([
      '',
      totalLabel,
      definition.scope.kind === 'province' ? definition.scope.provinceCode : '',
      '',
      definition.startYear + t,
      sum(households, t),
      sum(poor, t),
      hundredths(total.rate[t]!),
      fallBetween(total.rate[t]!, total.rate[t + 1]!),
      hundredths(total.rate[t + 1]!),
      sum(poor, t + 1),
      sum(poor, t) - sum(poor, t + 1),
      sum(newPoor, t),
      sum(rePoverty, t),
      sum(exits, t),
      sum(needed, t),
      sum(available, t),
      sum(available, t) - sum(needed, t),
      '',
    ]);
  }
  return rows;
}

/**
 * Budget needed against available per programme over the horizon, whole million VND (cost per
 * exit keeps two decimals), then the scenario's own cost per exit and the total.
 */
export function programmeExportRows(
  breakdown: BudgetBreakdown,
  labels: {
    eligible: (eligible: 'all' | 'poor-district') => string;
    unassigned: string;
    total: string;
  },
): ExportCell[][] {
  const rows: ExportCell[][] = breakdown.programmes.map((p) => [
    p.name,
    labels.eligible(p.eligible),
    hundredths(p.costPerExit),
    Math.round(p.exits),
    Math.round(p.needed),
    Math.round(p.available),
    Math.round(p.available) - Math.round(p.needed),
  ]);
  const { unassigned, total } = breakdown;
  if (unassigned.costPerExit > 0 || breakdown.programmes.length === 0) {
    rows.push([
      labels.unassigned,
      labels.eligible('all'),
      hundredths(unassigned.costPerExit),
      Math.round(unassigned.exits),
      Math.round(unassigned.needed),
      0,
      -Math.round(unassigned.needed),
    ]);
  }
  rows.push([
    labels.total,
    '',
    '',
    '',
    Math.round(total.needed),
    Math.round(total.available),
    Math.round(total.available) - Math.round(total.needed),
  ]);
  return rows;
}

/**
 * The scenario's tables as CSV (see `writeCsv`): in Vietnamese with `;` and decimal commas, as a
 * Vietnamese Excel expects (it would read `11.8` as a date or text); in English `,` and `.`.
 * Further tables (notes, a budget) follow after a blank line.
 */
export function toCsv(
  tables: readonly { header: readonly string[]; rows: readonly ExportCell[][] }[],
  locale: Locale,
): string {
  return writeCsv(
    tables.map(({ header, rows }) => [header, ...rows]),
    { decimalComma: locale === 'vi' },
  );
}

/** Said under every scenario table, since the whole numbers are not each unit's own rounding. */
export const ROUNDING_NOTE: Record<Locale, string> = {
  vi: 'Số hộ và kinh phí (triệu đồng) được làm tròn theo phương pháp phần dư lớn nhất, nên các đơn vị cộng lại đúng bằng dòng tổng; tỷ lệ (%) và mức giảm (điểm) lấy 2 chữ số thập phân.',
  en: 'Households and budgets (million VND) are rounded by the largest remainder, so the units add up exactly to the total row; rates (%) and reductions (points) have two decimals.',
};
