import type { DatasetBundle, DatasetMetadata, Observation } from './dataset.ts';
import type { IndicatorId } from './indicators.ts';
import { seedColumnRole, type ColumnRole } from './import/columns.ts';
import { cellText } from './import/numbers.ts';
import { createProblem, type TableProblem } from './import/problems.ts';
import { parseDelimitedText, readerProblems } from './import/raw-table.ts';
import { validateTable, type ValidationRow } from './import/validate-table.ts';

export type { TableProblem } from './import/problems.ts';

/**
 * Reads a seed table (`data/seeds/*.csv`): one row per unit with its GSO codes — a province
 * total row has no district code — and one column per indicator, named by its id. The figures
 * are checked by the same validator as an import; the build stops on errors and keeps warnings.
 */
export interface PlanTableResult {
  bundle: DatasetBundle;
  problems: TableProblem[];
}

const REQUIRED: ColumnRole[] = ['province', 'code', 'name'];
const REQUIRED_NAMES: Record<string, string> = {
  province: 'province_code',
  code: 'district_code',
  name: 'district_name',
};

export function readPlanTable(csvText: string, metadata: DatasetMetadata): PlanTableResult {
  const { rows, readerWarnings } = parseDelimitedText(csvText);
  const problems: TableProblem[] = readerProblems(readerWarnings);
  const header = (rows[0] ?? []).map(cellText);
  const roles = header.map((name) => seedColumnRole(name));
  const missing = REQUIRED.filter((role) => !roles.includes(role));
  if (missing.length > 0) {
    const errors = missing.map((role) =>
      createProblem('error', 1, REQUIRED_NAMES[role]!, 'missing-column'),
    );
    return { bundle: { metadata, observations: [] }, problems: [...problems, ...errors] };
  }
  header.forEach((name, c) => {
    if (roles[c] === null) {
      const detail = `unknown column "${name}"`;
      problems.push(createProblem('error', 1, name, 'parse', { detail }));
    }
  });
  const column = (role: ColumnRole) => roles.indexOf(role);
  const validationRows: ValidationRow[] = rows.slice(1).map((row, index) => {
    const at = (c: number) => (c >= 0 ? cellText(row[c] ?? null) : '');
    const provinceCode = at(column('province'));
    const districtCode = at(column('code'));
    const cells: ValidationRow['cells'] = {};
    roles.forEach((role, c) => {
      if (role && role !== 'province' && role !== 'code' && role !== 'name' && role !== 'ignore') {
        cells[role as IndicatorId] = { value: row[c] ?? null, row: index + 2, column: header[c]! };
      }
    });
    return {
      row: index + 2,
      column: REQUIRED_NAMES.name!,
      unit: {
        level: districtCode ? 'district' : 'province',
        code: districtCode || provinceCode,
        name: at(column('name')),
        provinceCode,
      },
      cells,
    };
  });
  const { problems: figureProblems, values } = validateTable(validationRows, {
    numberFormat: 'en',
  });
  // One by one: spreading 100,000 problems as arguments overflows the call stack.
  for (const problem of figureProblems) problems.push(problem);
  const observations: Observation[] = validationRows.flatMap((row, i) =>
    (Object.entries(values[i]!) as [IndicatorId, number][]).map(([indicator, value]) => ({
      datasetId: metadata.id,
      unitCode: row.unit.code,
      unitLevel: row.unit.level,
      indicator,
      year: metadata.year,
      value,
    })),
  );
  return { bundle: { metadata, observations }, problems };
}
