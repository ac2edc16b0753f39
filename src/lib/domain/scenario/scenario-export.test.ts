import { describe, expect, it } from 'vitest';
import { projectScenario } from './project-scenario.ts';
import { EXPORT_COLUMNS, scenarioExportRows, toCsv } from './scenario-export.ts';
import { scenario, tuyenQuangUnits } from './test-fixtures.ts';

describe('scenario export', () => {
  const definition = scenario({
    startYear: 2020,
    years: 2,
    target: { kind: 'points-per-year', points: 2 },
  });
  const result = projectScenario(tuyenQuangUnits(), definition);
  const rows = scenarioExportRows(result, definition, 'Toàn tỉnh');

  it('has one row per unit and year plus the total per year, in column order', () => {
    expect(rows).toHaveLength(7 * 2 + 2);
    expect(rows.every((row) => row.length === EXPORT_COLUMNS.length)).toBe(true);
    const total = rows.at(-1)!;
    expect(total[1]).toBe('Toàn tỉnh');
    expect(total[4]).toBe(2021);
    expect(total[9]).toBeCloseTo(result.total.rate[2]!, 12);
  });

  it('writes CSV with a BOM, quotes where needed and defuses formulas', () => {
    const csv = toCsv(
      ['Đơn vị', 'Giá trị'],
      [
        ['Huyện "A", B', 1.5],
        ['=HYPERLINK("x")', -2],
      ],
    );
    expect(csv.startsWith('\ufeffĐơn vị,Giá trị\r\n')).toBe(true);
    expect(csv).toContain('"Huyện ""A"", B",1.5\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",-2\r\n`);
  });
});
