import type { ScenarioDefinition } from './scenario-definition.ts';
import type { ScenarioResult } from './project-scenario.ts';

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
  'flags',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportCell = string | number;

/**
 * One row per unit and year, then the scope's total per year. Numbers are left unrounded and
 * unformatted, so a spreadsheet computes with them.
 */
export function scenarioExportRows(
  result: ScenarioResult,
  definition: ScenarioDefinition,
  totalLabel: string,
): ExportCell[][] {
  const rows: ExportCell[][] = [];
  for (const unit of result.units) {
    for (let t = 0; t < definition.years; t += 1) {
      rows.push([
        unit.code,
        unit.name,
        unit.provinceCode,
        unit.groups.includes('poor-district') ? 1 : 0,
        definition.startYear + t,
        unit.households[t]!,
        unit.poor[t]!,
        unit.rate[t]!,
        unit.reduction[t]!,
        unit.rate[t + 1]!,
        unit.poor[t + 1]!,
        unit.netReduction[t]!,
        unit.newPoor[t]!,
        unit.rePoverty[t]!,
        unit.exits[t]!,
        unit.exits[t]! * definition.budget.costPerExit,
        unit.flags[t]!.join(' '),
      ]);
    }
  }
  const total = result.total;
  for (let t = 0; t < definition.years; t += 1) {
    rows.push([
      '',
      totalLabel,
      definition.scope.kind === 'province' ? definition.scope.provinceCode : '',
      '',
      definition.startYear + t,
      total.households[t]!,
      total.poor[t]!,
      total.rate[t]!,
      total.rate[t]! - total.rate[t + 1]!,
      total.rate[t + 1]!,
      total.poor[t + 1]!,
      total.netReduction[t]!,
      total.newPoor[t]!,
      total.rePoverty[t]!,
      total.exits[t]!,
      total.exits[t]! * definition.budget.costPerExit,
      '',
    ]);
  }
  return rows;
}

function csvCell(cell: ExportCell): string {
  if (typeof cell === 'number') return String(cell);
  // A leading = + - @ would make a spreadsheet run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, so Excel reads Vietnamese correctly. */
export function toCsv(header: readonly string[], rows: readonly ExportCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
