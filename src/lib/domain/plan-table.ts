import Papa from 'papaparse';
import type { DatasetBundle, DatasetMetadata, Observation } from './dataset.ts';
import type { IndicatorId } from './indicators.ts';
import { povertyRate, roundTo } from './poverty.ts';

/**
 * Reads a plan table shaped like the annex of a provincial poverty plan (one row per unit,
 * a province total row without a district code) and checks its arithmetic.
 */

/** CSV header → indicator. Counts are households; rates are percent; the reduction is points. */
const COLUMN_INDICATORS: Record<string, IndicatorId> = {
  households_start: 'households_start',
  households_end: 'households_end',
  poor_start: 'poor_start',
  poor_reduced: 'poor_reduced',
  poor_end: 'poor_end',
  rate_start_pct: 'rate_start',
  rate_reduction_pp: 'rate_reduction',
  rate_end_pct: 'rate_end',
};

export interface TableProblem {
  severity: 'error' | 'warning';
  /** 1-based line number in the file, header = 1. */
  row: number;
  column: string;
  message: string;
}

export interface PlanTableResult {
  bundle: DatasetBundle;
  problems: TableProblem[];
}

interface ParsedRow {
  line: number;
  provinceCode: string;
  districtCode: string;
  name: string;
  values: Map<IndicatorId, number>;
}

export function readPlanTable(csvText: string, metadata: DatasetMetadata): PlanTableResult {
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const problems: TableProblem[] = parsed.errors.map((error) => ({
    severity: 'error',
    row: (error.row ?? 0) + 2,
    column: '',
    message: error.message,
  }));
  const header = parsed.meta.fields ?? [];
  for (const required of ['province_code', 'district_code', 'district_name']) {
    if (!header.includes(required)) {
      problems.push({ severity: 'error', row: 1, column: required, message: 'missing column' });
    }
  }
  const rows: ParsedRow[] = parsed.data.map((record, index) => {
    const line = index + 2;
    const values = new Map<IndicatorId, number>();
    for (const [column, indicator] of Object.entries(COLUMN_INDICATORS)) {
      const cell = record[column]?.trim() ?? '';
      if (cell === '') continue;
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        problems.push({
          severity: 'error',
          row: line,
          column,
          message: `"${cell}" is not a number`,
        });
      } else if (value < 0) {
        problems.push({ severity: 'error', row: line, column, message: `${value} is negative` });
      } else {
        values.set(indicator, value);
      }
    }
    return {
      line,
      provinceCode: record.province_code?.trim() ?? '',
      districtCode: record.district_code?.trim() ?? '',
      name: record.district_name?.trim() ?? '',
      values,
    };
  });

  for (const row of rows) problems.push(...checkRowArithmetic(row));
  problems.push(...checkDistrictsAddUp(rows));

  const observations: Observation[] = rows.flatMap((row) =>
    [...row.values].map(([indicator, value]) => ({
      datasetId: metadata.id,
      unitCode: row.districtCode || row.provinceCode,
      unitLevel: row.districtCode ? ('district' as const) : ('province' as const),
      indicator,
      value,
    })),
  );
  return { bundle: { metadata, observations }, problems };
}

/** Printed rates have two decimals; allow half a unit in the last place. */
const RATE_TOLERANCE = 0.005 + 1e-9;

function checkRowArithmetic(row: ParsedRow): TableProblem[] {
  const problems: TableProblem[] = [];
  const get = (id: IndicatorId) => row.values.get(id);
  const rateChecks: [IndicatorId, IndicatorId, IndicatorId, string][] = [
    ['rate_start', 'poor_start', 'households_start', 'rate_start_pct'],
    ['rate_end', 'poor_end', 'households_end', 'rate_end_pct'],
  ];
  for (const [rateId, poorId, householdsId, column] of rateChecks) {
    const rate = get(rateId);
    const poor = get(poorId);
    const households = get(householdsId);
    if (rate === undefined || poor === undefined || households === undefined) continue;
    if (rate > 100) {
      problems.push({
        severity: 'error',
        row: row.line,
        column,
        message: `${rate} % is above 100 %`,
      });
      continue;
    }
    const computed = households > 0 ? povertyRate(poor, households) : NaN;
    if (!(Math.abs(computed - rate) <= RATE_TOLERANCE)) {
      problems.push({
        severity: 'warning',
        row: row.line,
        column,
        message: `${rate} % differs from ${poor} / ${households} = ${roundTo(computed, 2)} %`,
      });
    }
  }
  const start = get('poor_start');
  const reduced = get('poor_reduced');
  const end = get('poor_end');
  if (
    start !== undefined &&
    reduced !== undefined &&
    end !== undefined &&
    start - reduced !== end
  ) {
    problems.push({
      severity: 'warning',
      row: row.line,
      column: 'poor_end',
      message: `${start} − ${reduced} = ${start - reduced}, not ${end}`,
    });
  }
  const rateStart = get('rate_start');
  const rateReduction = get('rate_reduction');
  const rateEnd = get('rate_end');
  if (
    rateStart !== undefined &&
    rateReduction !== undefined &&
    rateEnd !== undefined &&
    Math.abs(rateStart - rateReduction - rateEnd) > 2 * RATE_TOLERANCE
  ) {
    problems.push({
      severity: 'warning',
      row: row.line,
      column: 'rate_reduction_pp',
      message: `${rateStart} − ${rateReduction} ≠ ${rateEnd}`,
    });
  }
  return problems;
}

const COUNT_INDICATORS: IndicatorId[] = [
  'households_start',
  'households_end',
  'poor_start',
  'poor_reduced',
  'poor_end',
];

/** Each count of a province row must equal the sum of that province's district rows. */
function checkDistrictsAddUp(rows: ParsedRow[]): TableProblem[] {
  const problems: TableProblem[] = [];
  for (const total of rows.filter((row) => row.districtCode === '')) {
    const parts = rows.filter(
      (row) => row.districtCode !== '' && row.provinceCode === total.provinceCode,
    );
    if (parts.length === 0) continue;
    for (const indicator of COUNT_INDICATORS) {
      const stated = total.values.get(indicator);
      if (stated === undefined) continue;
      const sum = parts.reduce((acc, row) => acc + (row.values.get(indicator) ?? 0), 0);
      if (sum !== stated) {
        const column =
          Object.entries(COLUMN_INDICATORS).find(([, id]) => id === indicator)?.[0] ?? indicator;
        problems.push({
          severity: 'warning',
          row: total.line,
          column,
          message: `districts add up to ${sum}, the total row says ${stated}`,
        });
      }
    }
  }
  return problems;
}
