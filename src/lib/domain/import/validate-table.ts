import {
  INDICATOR_IDS,
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorId,
} from '../indicators.ts';
import { povertyRate, roundTo } from '../poverty.ts';
import { countCeiling, isWholeUnit } from './limits.ts';
import { parseCell, type Cell, type NumberFormat } from './numbers.ts';
import { createProblem, type TableProblem } from './problems.ts';
import { unitKey, type KnownUnit } from './unit-names.ts';

/** One cell with where it sits in the file, so every problem can name its row and column. */
export interface LocatedCell {
  value: Cell;
  row: number;
  column: string;
}

/** A row matched to its unit, ready to be checked. */
export interface ValidationRow {
  /** Where the row's label is: row-level problems (a duplicate) point there. */
  row: number;
  column: string;
  unit: KnownUnit;
  cells: Partial<Record<IndicatorId, LocatedCell>>;
}

interface Figure {
  value: number;
  /** How far the printed figure may be from the truth: half a unit in its last decimal. */
  tolerance: number;
  cell: LocatedCell;
}

export interface ValidationResult {
  problems: TableProblem[];
  /** The numbers read from each row (same order as the input), bad cells left out. */
  values: Partial<Record<IndicatorId, number>>[];
}

const EPSILON = 1e-9;

function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals + EPSILON;
}

/**
 * Checks a table's figures and reads them: cells (empty, not a number, negative, a rate outside
 * 0–100 %, a reduction outside ±100 points, a count of households or people that is not whole
 * or above its level's ceiling), each row's arithmetic (a count above its total, a rate against
 * its own count and total, rates whose counts imply different totals, start − change = end,
 * components against their stated total), and the table as a whole (duplicate units, district
 * rows against their province's total row).
 * Impossible figures are errors: non-numeric and out-of-range cells, a part above its whole, a
 * rate's start − reduction ≠ end beyond rounding. Other disagreements are warnings, since
 * documents round and sometimes slip (new households fall into poverty during a year), and the
 * person should see them rather than have them hidden.
 */
export function validateTable(
  rows: readonly ValidationRow[],
  options: { numberFormat: NumberFormat },
): ValidationResult {
  const problems: TableProblem[] = [];
  const figuresByRow = rows.map((row) => readCells(row, options.numberFormat, problems));
  rows.forEach((row, i) => checkWholes(figuresByRow[i]!, problems));
  rows.forEach((row, i) => checkRow(figuresByRow[i]!, problems));
  checkDuplicates(rows, problems);
  checkPartsAddUp(rows, figuresByRow, problems);
  return {
    problems,
    values: figuresByRow.map((figures) => {
      const values: Partial<Record<IndicatorId, number>> = {};
      for (const [id, figure] of figures) values[id] = figure.value;
      return values;
    }),
  };
}

function readCells(
  row: ValidationRow,
  format: NumberFormat,
  problems: TableProblem[],
): Map<IndicatorId, Figure> {
  const figures = new Map<IndicatorId, Figure>();
  for (const id in row.cells) {
    const cell = row.cells[id as IndicatorId]!;
    const parsed = parseCell(cell.value, format);
    if (!parsed.ok) {
      if (parsed.reason === 'empty') {
        problems.push(
          createProblem('warning', cell.row, cell.column, 'empty-cell', { indicator: id }),
        );
      } else {
        const text = String(cell.value).slice(0, 40);
        problems.push(
          createProblem('error', cell.row, cell.column, 'not-a-number', { cell: text }),
        );
      }
      continue;
    }
    const { kind, unit } = INDICATORS[id as IndicatorId];
    const problem = rangeProblem(kind, unit, row.unit.level, cell, parsed.value);
    if (problem) {
      problems.push(createProblem('error', cell.row, cell.column, problem.kind, problem.params));
      continue;
    }
    // Whole counts are exact; rates and amounts with decimals were rounded when printed.
    const tolerance = kind === 'count' && parsed.decimals === 0 ? 0 : halfUnit(parsed.decimals);
    figures.set(id as IndicatorId, { value: parsed.value, tolerance, cell });
  }
  return figures;
}

type RangeProblem = {
  kind: 'rate-out-of-range' | 'negative' | 'reduction-out-of-range' | 'not-whole' | 'too-large';
  params: Record<string, string | number>;
};

function rangeProblem(
  kind: IndicatorDefinition['kind'],
  unit: IndicatorDefinition['unit'],
  level: KnownUnit['level'],
  cell: LocatedCell,
  value: number,
): RangeProblem | null {
  if (kind === 'rate') {
    return value < 0 || value > 100 ? { kind: 'rate-out-of-range', params: { value } } : null;
  }
  if (kind === 'change') {
    return Math.abs(value) > 100 ? { kind: 'reduction-out-of-range', params: { value } } : null;
  }
  if (value < 0) return { kind: 'negative', params: { value } };
  // "12,5 %" in a column of households is a rate in the wrong column, whatever it rounds to.
  const percent = typeof cell.value === 'string' && cell.value.includes('%');
  if (isWholeUnit(unit) && (percent || !Number.isInteger(value))) {
    return { kind: 'not-whole', params: { cell: String(cell.value).slice(0, 40) } };
  }
  const ceiling = countCeiling(unit, level);
  if (ceiling !== null && value > ceiling) {
    return { kind: 'too-large', params: { value, limit: ceiling, level } };
  }
  return null;
}

const PARTS_OF_WHOLES: [IndicatorId, IndicatorId][] = [
  ['poor_reduced', 'poor_start'],
  ['rate_reduction', 'rate_start'],
  ...INDICATOR_IDS.flatMap((id): [IndicatorId, IndicatorId][] => {
    const ratio = INDICATORS[id].ratio;
    return ratio ? [[ratio.count, ratio.total]] : [];
  }),
];

/**
 * A part cannot exceed its whole: poor (or near-poor, ethnic-minority…) households their
 * households, health-insurance cards the population, households leaving poverty those poor at
 * the start of the year, the reduction of a rate the rate it starts from.
 */
function checkWholes(figures: Map<IndicatorId, Figure>, problems: TableProblem[]): void {
  for (const [partId, wholeId] of PARTS_OF_WHOLES) {
    const part = figures.get(partId);
    const whole = figures.get(wholeId);
    if (!part || !whole || part.value <= whole.value + part.tolerance + whole.tolerance) continue;
    problems.push(
      createProblem('error', part.cell.row, part.cell.column, 'part-exceeds-whole', {
        part: part.value,
        whole: whole.value,
        wholeColumn: whole.cell.column,
      }),
    );
    // Reported once per pair; the rate check below would only say the same again.
    figures.delete(partId);
  }
}

function checkRow(figures: Map<IndicatorId, Figure>, problems: TableProblem[]): void {
  const warn = (cell: LocatedCell, kind: Parameters<typeof createProblem>[3], params: object) =>
    problems.push(createProblem('warning', cell.row, cell.column, kind, params as never));

  /** Rates without their total still imply it; two rates of one total must agree on it. */
  const implied = new Map<
    IndicatorId,
    { rate: Figure; count: Figure; low: number; high: number }[]
  >();
  for (const [id, rate] of figures) {
    const ratio = INDICATORS[id].ratio;
    if (!ratio) continue;
    const count = figures.get(ratio.count);
    const total = figures.get(ratio.total);
    if (!count) continue;
    if (total) {
      if (!(total.value > 0)) continue;
      const computed = povertyRate(count.value, total.value);
      if (Math.abs(computed - rate.value) > rate.tolerance) {
        warn(rate.cell, 'rate-mismatch', {
          rate: rate.value,
          count: count.value,
          total: total.value,
          computed: roundTo(computed, Math.max(2, decimalsOf(rate.tolerance))),
        });
      }
    } else if (rate.value > 0 && count.value > 0) {
      const low = (count.value * 100) / (rate.value + rate.tolerance);
      const high =
        rate.value - rate.tolerance > 0
          ? (count.value * 100) / (rate.value - rate.tolerance)
          : Infinity;
      const list = implied.get(ratio.total) ?? [];
      for (const other of list) {
        if (high < other.low || other.high < low) {
          warn(rate.cell, 'implied-total-mismatch', {
            rate: rate.value,
            count: count.value,
            otherRate: other.rate.value,
            otherCount: other.count.value,
            low: Math.ceil(low),
            high: Math.floor(high),
            otherLow: Math.ceil(other.low),
            otherHigh: Math.floor(other.high),
          });
        }
      }
      list.push({ rate, count, low, high });
      implied.set(ratio.total, list);
    }
  }

  const poorStart = figures.get('poor_start');
  const poorReduced = figures.get('poor_reduced');
  const poorEnd = figures.get('poor_end');
  if (poorStart && poorReduced && poorEnd) {
    const difference = poorStart.value - poorReduced.value;
    if (Math.abs(difference - poorEnd.value) > poorStart.tolerance + poorEnd.tolerance) {
      warn(poorEnd.cell, 'poor-flow-mismatch', {
        start: poorStart.value,
        reduced: poorReduced.value,
        difference,
        end: poorEnd.value,
      });
    }
  }
  const rateStart = figures.get('rate_start');
  const rateReduction = figures.get('rate_reduction');
  const rateEnd = figures.get('rate_end');
  if (rateStart && rateReduction && rateEnd) {
    const slack = rateStart.tolerance + rateReduction.tolerance + rateEnd.tolerance;
    if (Math.abs(rateStart.value - rateReduction.value - rateEnd.value) > slack) {
      problems.push(
        createProblem(
          'error',
          rateReduction.cell.row,
          rateReduction.cell.column,
          'rate-flow-mismatch',
          {
            start: rateStart.value,
            reduction: rateReduction.value,
            end: rateEnd.value,
          },
        ),
      );
    }
  }

  for (const [id, stated] of figures) {
    const parts = INDICATORS[id].parts;
    if (!parts) continue;
    const present = parts.map((part) => figures.get(part));
    if (present.some((part) => part === undefined)) continue;
    const components = present as Figure[];
    const sum = components.reduce((acc, part) => acc + part.value, 0);
    const slack = components.reduce((acc, part) => acc + part.tolerance, stated.tolerance);
    if (Math.abs(sum - stated.value) > slack) {
      warn(stated.cell, 'components-mismatch', {
        parts: components.map((part) => part.cell.column).join(' + '),
        sum: roundTo(sum, 6),
        stated: stated.value,
      });
    }
  }
}

function decimalsOf(tolerance: number): number {
  return Math.max(0, Math.round(-Math.log10((tolerance - EPSILON) * 2)));
}

function checkDuplicates(rows: readonly ValidationRow[], problems: TableProblem[]): void {
  const seen = new Map<string, ValidationRow>();
  for (const row of rows) {
    const key = unitKey(row.unit);
    const first = seen.get(key);
    if (first) {
      problems.push(
        createProblem('error', row.row, row.column, 'duplicate-unit', {
          other: first.row,
          unit: row.unit.name,
        }),
      );
    } else {
      seen.set(key, row);
    }
  }
}

/** Each count of a province row must equal the sum of its district (or commune) rows. */
function checkPartsAddUp(
  rows: readonly ValidationRow[],
  figuresByRow: Map<IndicatorId, Figure>[],
  problems: TableProblem[],
): void {
  const districtsOf = new Map<string, Map<IndicatorId, Figure>[]>();
  rows.forEach((row, i) => {
    if (row.unit.level === 'province') return;
    const list = districtsOf.get(row.unit.provinceCode) ?? [];
    list.push(figuresByRow[i]!);
    districtsOf.set(row.unit.provinceCode, list);
  });
  rows.forEach((row, i) => {
    if (row.unit.level !== 'province') return;
    const parts = districtsOf.get(row.unit.code);
    if (!parts) return;
    for (const [id, stated] of figuresByRow[i]!) {
      if (INDICATORS[id].kind !== 'count') continue;
      const figures = parts.map((figures) => figures.get(id));
      if (figures.some((figure) => figure === undefined)) continue;
      const present = figures as Figure[];
      const sum = present.reduce((acc, figure) => acc + figure.value, 0);
      const slack = present.reduce((acc, figure) => acc + figure.tolerance, stated.tolerance);
      if (Math.abs(sum - stated.value) > slack) {
        problems.push(
          createProblem('warning', stated.cell.row, stated.cell.column, 'parts-mismatch', {
            sum: roundTo(sum, 6),
            stated: stated.value,
          }),
        );
      }
    }
  });
}
