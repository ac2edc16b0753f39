import { describe, expect, it } from 'vitest';
import { budgetBreakdown } from './programme-budget.ts';
import { projectScenario } from './project-scenario.ts';
import {
  EXPORT_COLUMNS,
  PROGRAMME_EXPORT_COLUMNS,
  programmeExportRows,
  scenarioExportRows,
  toCsv,
} from './scenario-export.ts';
import { scenario, tuyenQuangUnits } from './test-fixtures.ts';

const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);

describe('scenario export', () => {
  const definition = scenario({
    startYear: 2020,
    years: 2,
    target: { kind: 'points-per-year', points: 2.13 },
    flows: { newPoorPercent: 0.4, rePovertyPercent: 3 },
    budget: {
      costPerExit: 10,
      programmes: [
        { name: '30a', amountPerYear: 86373, eligible: 'poor-district', costPerExit: 120 },
        { name: '135', amountPerYear: 118018, eligible: 'all', costPerExit: 28 },
      ],
    },
  });
  const result = projectScenario(tuyenQuangUnits(), definition);
  const rows = scenarioExportRows(result, definition, 'Toàn tỉnh');
  const unitRows = rows.slice(0, -2);
  const totalRows = rows.slice(-2);

  it('has one row per unit and year plus the total per year, in column order', () => {
    expect(rows).toHaveLength(7 * 2 + 2);
    expect(rows.every((row) => row.length === EXPORT_COLUMNS.length)).toBe(true);
    const total = rows.at(-1)!;
    expect(total[col('name')]).toBe('Toàn tỉnh');
    expect(total[col('year')]).toBe(2021);
    expect(total[col('rateEnd')]).toBe(Math.round(result.total.rate[2]! * 100) / 100);
  });

  it('writes whole households and million VND that add up to the total rows', () => {
    const whole = [
      'householdsStart',
      'poorStart',
      'poorEnd',
      'netReduction',
      'newPoor',
      'rePoverty',
      'exits',
      'budgetNeeded',
      'budgetAvailable',
      'budgetBalance',
    ] as const;
    // The flows of this scenario are fractional: rounding one by one could lose the totals.
    expect(result.units.some((u) => !Number.isInteger(u.exits[0]!))).toBe(true);
    totalRows.forEach((total, t) => {
      const year = unitRows.filter((row) => row[col('year')] === 2020 + t);
      for (const name of whole) {
        const values = year.map((row) => row[col(name)] as number);
        expect(values.every(Number.isInteger), name).toBe(true);
        expect(
          values.reduce((a, b) => a + b, 0),
          name,
        ).toBe(total[col(name)]);
      }
      expect(total[col('exits')]).toBe(Math.round(result.total.exits[t]!));
      expect(total[col('poorEnd')]).toBe(Math.round(result.total.poor[t + 1]!));
    });
    const needed = totalRows.reduce((s, row) => s + (row[col('budgetNeeded')] as number), 0);
    expect(Math.abs(needed - result.total.budgetNeeded)).toBeLessThanOrEqual(1);
    for (const row of rows) {
      for (const name of ['rateStart', 'reductionPoints', 'rateEnd'] as const) {
        const v = row[col(name)] as number;
        expect(Math.round(v * 100) / 100).toBe(v);
      }
      const fall = (row[col('rateStart')] as number) - (row[col('rateEnd')] as number);
      expect(row[col('reductionPoints')]).toBeCloseTo(fall, 9);
    }
  });

  it('lists the budget by programme with the scenario’s own cost and the total', () => {
    const breakdown = budgetBreakdown(result, definition);
    const table = programmeExportRows(breakdown, {
      eligible: (e) => (e === 'all' ? 'Tất cả' : 'Huyện nghèo'),
      unassigned: 'Chi phí khác',
      total: 'Tổng',
    });
    expect(table.map((r) => r.length)).toEqual(Array(4).fill(PROGRAMME_EXPORT_COLUMNS.length));
    expect(table[0]!.slice(0, 3)).toEqual(['30a', 'Huyện nghèo', 120]);
    expect(table[0]![5]).toBe(2 * 86373);
    expect(table[2]![0]).toBe('Chi phí khác');
    expect(table[3]![4]).toBe(Math.round(result.total.budgetNeeded));
  });

  it('writes Vietnamese CSV with ; and decimal commas, English with , and points', () => {
    const tables = [
      { header: ['Đơn vị', 'Tỷ lệ'], rows: [['Huyện "A"; B', 11.8]] },
      { header: ['Ghi chú'], rows: [] },
    ];
    expect(toCsv(tables, 'vi')).toBe(
      '\ufeffĐơn vị;Tỷ lệ\r\n"Huyện ""A""; B";11,8\r\n\r\nGhi chú\r\n',
    );
    expect(toCsv([{ header: ['Unit', 'Rate'], rows: [['A, B', 11.8]] }], 'en')).toBe(
      '\ufeffUnit,Rate\r\n"A, B",11.8\r\n',
    );
  });

  it('defuses formulas', () => {
    const csv = toCsv([{ header: ['x'], rows: [['=HYPERLINK("x")'], [-2]] }], 'en');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"\r\n-2\r\n`);
  });
});
