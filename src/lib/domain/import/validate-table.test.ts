import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../indicators.ts';
import { TEST_UNITS } from './test-units.ts';
import { validateTable, type ValidationRow } from './validate-table.ts';

const unit = (code: string) => TEST_UNITS.find((u) => u.code === code)!;

function row(
  line: number,
  code: string,
  cells: Partial<Record<IndicatorId, string>>,
): ValidationRow {
  return {
    row: line,
    column: 'name',
    unit: unit(code),
    cells: Object.fromEntries(
      Object.entries(cells).map(([id, value]) => [id, { value, row: line, column: id }]),
    ),
  };
}

const kinds = (rows: ValidationRow[]) =>
  validateTable(rows, { numberFormat: 'en' }).problems.map((p) => [
    p.severity,
    p.kind,
    p.row,
    p.column,
  ]);

describe('validateTable', () => {
  it('flags the budget slip of the Tuyên Quang plan: Project 1 is not its two parts', () => {
    const budget = row(2, '08', {
      budget_total: '210679',
      budget_p1: '79381',
      budget_p1_investment: '70756',
      budget_p1_recurrent: '15617',
      budget_p2: '118018',
      budget_p2_investment: '83879',
      budget_p2_recurrent: '34139',
      budget_p3: '1884',
      budget_p4: '2953',
      budget_p5: '1451',
    });
    const { problems } = validateTable([budget], { numberFormat: 'en' });
    expect(problems.map((p) => [p.column, p.params.sum, p.params.stated])).toEqual([
      ['budget_total', 203687, 210679],
      ['budget_p1', 86373, 79381],
    ]);
    // With 86,373 both the project and the total add up.
    const fixed = row(2, '08', {
      ...Object.fromEntries(Object.entries(budget.cells).map(([k, c]) => [k, String(c!.value)])),
      budget_p1: '86373',
    });
    expect(validateTable([fixed], { numberFormat: 'en' }).problems).toEqual([]);
  });

  it('finds rates whose counts imply different totals (Rạch Giá, July 2022)', () => {
    const rachGia = row(2, '899', {
      rate_start: '1.5',
      poor_start: '697',
      near_poor_rate_start: '0.57',
      near_poor_start: '343',
    });
    const { problems } = validateTable([rachGia], { numberFormat: 'en' });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        kind: 'implied-total-mismatch',
        column: 'near_poor_rate_start',
        params: expect.objectContaining({
          low: 59653,
          high: 60707,
          otherLow: 44968,
          otherHigh: 48068,
        }),
      }),
    ]);
  });

  it('accepts rates that agree with their counts within rounding', () => {
    const endOfYear = row(2, '899', {
      rate_end: '1.06',
      poor_end: '642',
      near_poor_rate_end: '0.63',
      near_poor_end: '382',
    });
    expect(kinds([endOfYear])).toEqual([]);
    expect(
      kinds([row(2, '071', { rate_start: '36.03', poor_start: '2750', households_start: '7633' })]),
    ).toEqual([]);
    expect(
      kinds([row(2, '071', { rate_start: '36', poor_start: '2750', households_start: '7633' })]),
    ).toEqual([]);
    expect(
      kinds([row(2, '071', { rate_start: '36.1', poor_start: '2750', households_start: '7633' })]),
    ).toEqual([['warning', 'rate-mismatch', 2, 'rate_start']]);
  });

  it('reports empty, non-numeric, negative and out-of-range cells', () => {
    const bad = row(3, '071', {
      rate_start: '',
      rate_end: '101',
      poor_start: 'n/a',
      households_start: '-5',
      rate_reduction: '-0.5',
    });
    expect(kinds([bad])).toEqual([
      ['warning', 'empty-cell', 3, 'rate_start'],
      ['error', 'rate-out-of-range', 3, 'rate_end'],
      ['error', 'not-a-number', 3, 'poor_start'],
      ['error', 'negative', 3, 'households_start'],
    ]);
  });

  it('checks districts against their province row, and duplicates', () => {
    const rows = [
      row(2, '08', { poor_start: '100' }),
      row(3, '071', { poor_start: '60' }),
      row(4, '072', { poor_start: '30' }),
      row(5, '072', { poor_start: '30' }),
    ];
    expect(kinds(rows)).toEqual([
      ['error', 'duplicate-unit', 5, 'name'],
      ['warning', 'parts-mismatch', 2, 'poor_start'],
    ]);
  });

  describe('refuses figures that cannot be true', () => {
    it('counts of households are whole: a rate or a cut-off value in a count column is an error', () => {
      expect(kinds([row(3, '071', { poor_start: '12.5 %' })])).toEqual([
        ['error', 'not-whole', 3, 'poor_start'],
      ]);
      expect(kinds([row(3, '071', { poor_start: '12 %' })])).toEqual([
        ['error', 'not-whole', 3, 'poor_start'],
      ]);
      // A truncated "5.404" read as 5.4 (Vietnamese file, English format chosen) is not whole.
      expect(kinds([row(3, '071', { poor_end: '5.4' })])).toEqual([
        ['error', 'not-whole', 3, 'poor_end'],
      ]);
      // Money is not counted whole.
      expect(kinds([row(3, '071', { budget_total: '12.5' })])).toEqual([]);
    });

    it('counts stay under a ceiling of their unit level', () => {
      expect(kinds([row(3, '071', { households_start: '1e308' })])).toEqual([
        ['error', 'too-large', 3, 'households_start'],
      ]);
      expect(kinds([row(3, '071', { households_start: '1000001' })])).toEqual([
        ['error', 'too-large', 3, 'households_start'],
      ]);
      // A province may count more than a district.
      expect(kinds([row(3, '08', { households_start: '1000001' })])).toEqual([]);
      expect(kinds([row(3, '08', { population: '40000000' })])).toEqual([]);
    });

    it('a part is never more than its whole', () => {
      expect(kinds([row(4, '071', { poor_start: '900', households_start: '800' })])).toEqual([
        ['error', 'part-exceeds-whole', 4, 'poor_start'],
      ]);
      expect(kinds([row(4, '071', { poor_start: '90', poor_reduced: '91' })])).toEqual([
        ['error', 'part-exceeds-whole', 4, 'poor_reduced'],
      ]);
      expect(kinds([row(4, '071', { rate_start: '3.1', rate_reduction: '4.2' })])).toEqual([
        ['error', 'part-exceeds-whole', 4, 'rate_reduction'],
      ]);
    });

    it('a planned reduction lies within ±100 points and agrees with start and end', () => {
      for (const value of ['250', '1e29', '-101']) {
        expect(kinds([row(5, '071', { rate_reduction: value })])).toEqual([
          ['error', 'reduction-out-of-range', 5, 'rate_reduction'],
        ]);
      }
      expect(kinds([row(5, '071', { rate_reduction: '-3' })])).toEqual([]);
      expect(
        kinds([row(5, '071', { rate_start: '11.80', rate_reduction: '1.30', rate_end: '10.50' })]),
      ).toEqual([]);
      expect(
        kinds([row(5, '071', { rate_start: '11.80', rate_reduction: '1.50', rate_end: '10.50' })]),
      ).toEqual([['error', 'rate-flow-mismatch', 5, 'rate_reduction']]);
    });
  });
});
