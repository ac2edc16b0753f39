import { describe, expect, it } from 'vitest';
import annexCsv from '../../../../tests/fixtures/tuyen-quang-2020-annex.csv?raw';
import { projectScenario } from '../scenario/project-scenario.ts';
import { scenario, tuyenQuangPlan, tuyenQuangUnits } from '../scenario/test-fixtures.ts';
import { annexSheetRows, formatAnnexValue, planAnnex } from './plan-annex.ts';

/** A scenario that plans exactly what the Tuyên Quang 2020 plan assigned to each district. */
function planScenario() {
  const plan = tuyenQuangPlan();
  return scenario({
    name: 'Kế hoạch 2020',
    startYear: 2020,
    scope: { kind: 'province', provinceCode: '08' },
    rule: 'manual',
    units: Object.fromEntries(
      plan.districts.map((d) => [
        d.district_code!,
        { locked: true, target: { households: Number(d.poor_reduced) } },
      ]),
    ),
  });
}

const base = {
  title: { vi: 'Tuyên Quang — Kế hoạch giảm nghèo năm 2020', en: 'Tuyên Quang plan 2020' },
  source: {
    title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020',
    number: null,
    date: null,
    issuer: 'Ủy ban nhân dân tỉnh Tuyên Quang',
    locator: 'Biểu phụ lục',
  },
};

describe('the plan annex', () => {
  const definition = planScenario();
  const result = projectScenario(tuyenQuangUnits(), definition);
  const table = planAnnex(result, definition, { locale: 'vi', yearIndex: 0, base });

  it('reproduces the Tuyên Quang 2020 annex cell by cell', () => {
    const [fixtureHeader, ...fixtureRows] = annexCsv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(';'));
    // The document shortens "Thành phố" to "TP" in its narrow column.
    expect(table.header.map((h) => h.replace(/^Thành phố /, 'TP '))).toEqual(fixtureHeader);
    expect(table.rows).toHaveLength(fixtureRows.length);
    table.rows.forEach((row, r) => {
      const cells = [
        row.number,
        row.label,
        row.unit,
        ...row.values.map((v) => formatAnnexValue(v, row.kind, 'vi')),
      ];
      expect(cells, `row ${r + 2}`).toEqual(fixtureRows[r]);
    });
  });

  it('has a title, the scenario and its source, and says how households were rounded', () => {
    expect(table.title).toBe('BIỂU PHỤ LỤC: CHỈ TIÊU GIẢM HỘ NGHÈO NĂM 2020');
    expect(table.subtitle).toContain('Kế hoạch 2020');
    expect(table.notes.join('\n')).toContain(
      'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020, Ủy ban nhân dân tỉnh Tuyên Quang',
    );
    expect(table.notes.join('\n')).toContain('phần dư lớn nhất');
    expect(table.notes.join('\n')).toContain('không phải kết quả rà soát');
  });

  it('rounds fractional households to whole ones that keep each row’s total', () => {
    const steeper = scenario({
      startYear: 2020,
      years: 3,
      scope: { kind: 'province', provinceCode: '08' },
      target: { kind: 'points-per-year', points: 2.37 },
      flows: { newPoorPercent: 0.7, rePovertyPercent: 5 },
      householdGrowth: { source: 'planner', percentPerYear: 1.3 },
    });
    const projected = projectScenario(tuyenQuangUnits(), steeper);
    for (let t = 0; t < 3; t += 1) {
      const annex = planAnnex(projected, steeper, { locale: 'en', yearIndex: t, base: null });
      expect(annex.year).toBe(2020 + t);
      for (const row of annex.rows.filter((r) => r.kind === 'households')) {
        const [total, ...units] = row.values as number[];
        expect(units.every(Number.isInteger)).toBe(true);
        expect(units.reduce((a, b) => a + b, 0)).toBe(total);
      }
      // Poor at the end = at the start − the fall, in every column.
      const [, , start, fall, end] = annex.rows;
      start!.values.forEach((v, i) => expect(v! - fall!.values[i]!).toBe(end!.values[i]));
      expect(annex.rows[0]!.values[0]).toBe(Math.round(projected.total.households[t]!));
      // A later year starts where the year before ended.
      if (t > 0) {
        const before = planAnnex(projected, steeper, {
          locale: 'en',
          yearIndex: t - 1,
          base: null,
        });
        expect(annex.rows[0]!.values).toEqual(before.rows[1]!.values);
        expect(annex.rows[2]!.values).toEqual(before.rows[4]!.values);
      }
    }
    expect(() => planAnnex(projected, steeper, { locale: 'vi', yearIndex: 3, base: null })).toThrow(
      RangeError,
    );
  });

  it('lays the table out as sheet rows with number formats, notes under it', () => {
    const sheet = annexSheetRows(table);
    const width = table.header.length;
    expect(sheet[0]![0]).toMatchObject({ value: table.title, columnSpan: width });
    expect(sheet[3]!.map((c) => c?.value)).toEqual(table.header);
    expect(sheet[4]!.slice(3)).toEqual(
      [210299, 49874, 39880, 36540, 31526, 34378, 10468, 7633].map((value) => ({
        value,
        format: '#,##0',
        align: 'right',
      })),
    );
    expect(sheet[10]![3]).toEqual({ value: 11.8, format: '0.00', align: 'right' });
    expect(sheet[9]!.slice(3)).toEqual(Array(width - 3).fill({}));
    expect(sheet.slice(-3).map((r) => r[0]?.value)).toEqual(table.notes);
  });
});
