import { describe, expect, it } from 'vitest';
import budgetCsv from '../../../../data/seeds/tuyen-quang-2020-budget.csv?raw';
import budgetMeta from '../../../../data/seeds/tuyen-quang-2020-budget.meta.json';
import type { DatasetMetadata } from '../dataset.ts';
import { readPlanTable } from '../plan-table.ts';
import {
  budgetBreakdown,
  budgetNotes,
  checkProgrammeLines,
  programmesFromBudget,
  readStatedBudget,
} from './programme-budget.ts';
import { projectScenario } from './project-scenario.ts';
import { scenario, tuyenQuangUnits } from './test-fixtures.ts';

/** The committed budget seed, read as the data build reads it. */
function seedBudget() {
  const metadata = {
    ...budgetMeta,
    indicators: [],
    builtIn: true,
    warnings: [],
  } as unknown as DatasetMetadata;
  return readPlanTable(budgetCsv, metadata).bundle;
}

describe('the Tuyên Quang 2020 budget by programme', () => {
  const { metadata, observations } = seedBudget();
  const budget = readStatedBudget(metadata, observations)!;
  const byIndicator = new Map(budget.programmes.map((p) => [p.line.indicator, p]));

  it('keeps the plan’s amounts and parts, in million VND', () => {
    expect(budget.programmes.map((p) => [p.line.indicator, p.amount])).toEqual([
      ['budget_p1', 70756 + 15617],
      ['budget_p2', 118018],
      ['budget_p3', 1884],
      ['budget_p4', 2953],
      ['budget_p5', 1451],
    ]);
    expect(byIndicator.get('budget_p1')!.parts).toEqual([
      { indicator: 'budget_p1_investment', value: 70756 },
      { indicator: 'budget_p1_recurrent', value: 15617 },
    ]);
    expect(byIndicator.get('budget_p2')!.parts.map((p) => p.value)).toEqual([83879, 34139]);
    expect(budget.statedTotal).toBe(210679);
    expect(budget.total).toBe(210679);
  });

  it('flags Project 1’s printed 79.381 as a slip and keeps its parts, with which the total adds up', () => {
    expect(byIndicator.get('budget_p1')!.slip).toEqual({
      stated: 79381,
      partsSum: 86373,
      kept: 'parts',
    });
    expect(budget.programmes.filter((p) => p.slip)).toHaveLength(1);
  });

  it('keeps the printed figure when the slip is in a part', () => {
    const edited = observations.map((o) =>
      o.indicator === 'budget_p2_recurrent' ? { ...o, value: 34000 } : o,
    );
    const changed = readStatedBudget(metadata, edited)!;
    // Only Project 2's printed 118.018 makes the stated total add up again.
    expect(changed.programmes[1]!.slip).toEqual({
      stated: 118018,
      partsSum: 83879 + 34000,
      kept: 'stated',
    });
    expect(changed.programmes[1]!.amount).toBe(118018);
    expect(changed.programmes[0]!.slip!.kept).toBe('parts');
    expect(changed.total).toBe(210679);
  });

  it('costs each programme per exit from the plan’s own targets, so the plan starts balanced', () => {
    const definition = scenario({
      startYear: 2020,
      scope: { kind: 'province', provinceCode: '08' },
      units: Object.fromEntries(
        tuyenQuangUnits().map((u, i) => [
          u.code,
          { locked: true, target: { households: [987, 822, 90, 799, 818, 390, 282][i]! } },
        ]),
      ),
      rule: 'manual',
      budget: { costPerExit: 0, programmes: [] },
    });
    const plan = projectScenario(tuyenQuangUnits(), definition);
    definition.budget.programmes = programmesFromBudget(budget, plan, 'vi');
    const [p1, p2] = definition.budget.programmes;
    // Project 1 pays for Na Hang and Lâm Bình: 390 + 282 planned exits.
    expect(p1!.costPerExit).toBeCloseTo(86373 / 672, 9);
    expect(p1!.eligible).toBe('poor-district');
    expect(p1!.source).toEqual({
      datasetId: 'tuyen-quang-2020-budget',
      indicator: 'budget_p1',
      slip: { stated: 79381, partsSum: 86373 },
    });
    expect(p2!.source).toEqual({ datasetId: 'tuyen-quang-2020-budget', indicator: 'budget_p2' });

    // Under every budget table: the source document, and Project 1's slip with the figure used.
    const format = (v: number) => new Intl.NumberFormat('vi-VN').format(v);
    const notes = budgetNotes(definition, [metadata], 'vi', format);
    expect(notes).toEqual([
      'Nguồn kinh phí: Tuyên Quang — Kinh phí giảm nghèo năm 2020 (Kế hoạch thực hiện Chương trình giảm nghèo năm 2020, Ủy ban nhân dân tỉnh Tuyên Quang, Mục III. Kinh phí thực hiện, điểm 2 (triệu đồng)).',
      'Dự án 1 – Chương trình 30a: văn bản ghi 79.381 triệu đồng nhưng các phần cộng lại 86.373; dùng 86.373, số làm tổng của văn bản khớp. Đây là lỗi trong văn bản gốc.',
    ]);
    // Once the planner types an amount of their own, the slip no longer explains it.
    p1!.amountPerYear = 90000;
    expect(budgetNotes(definition, [metadata], 'en', format)).toHaveLength(1);
    p1!.amountPerYear = 86373;
    expect(p2!.costPerExit).toBeCloseTo(118018 / 4188, 9);

    const result = projectScenario(tuyenQuangUnits(), definition);
    const breakdown = budgetBreakdown(result, definition);
    for (const row of breakdown.programmes) expect(row.balance).toBeCloseTo(0, 6);
    expect(breakdown.total.needed).toBeCloseTo(210679, 6);
    expect(breakdown.total.available).toBeCloseTo(210679, 6);
    // Per unit: Lâm Bình's needs include Project 1's cost; Sơn Dương's do not.
    const lamBinh = result.units.find((u) => u.code === '071')!;
    const sonDuong = result.units.find((u) => u.code === '076')!;
    expect(lamBinh.budgetNeeded / 282).toBeCloseTo(86373 / 672 + 118018 / 4188 + 6288 / 4188, 6);
    expect(sonDuong.budgetNeeded / 987).toBeCloseTo((118018 + 6288) / 4188, 6);
  });

  it('shows the shortfall per programme when targets are steeper than the plan', () => {
    const definition = scenario({
      startYear: 2020,
      years: 2,
      scope: { kind: 'province', provinceCode: '08' },
      target: { kind: 'points-per-year', points: 3 },
      budget: {
        costPerExit: 1,
        programmes: [
          { name: '30a', amountPerYear: 1000, eligible: 'poor-district', costPerExit: 100 },
          { name: '135', amountPerYear: 5000, eligible: 'all', costPerExit: 2 },
        ],
      },
    });
    const result = projectScenario(tuyenQuangUnits(), definition);
    const breakdown = budgetBreakdown(result, definition);
    const poorExits = result.units
      .filter((u) => u.groups.includes('poor-district'))
      .reduce((s, u) => s + u.exits[0]! + u.exits[1]!, 0);
    const allExits = result.total.exits[0]! + result.total.exits[1]!;
    expect(breakdown.programmes[0]).toMatchObject({ exits: poorExits, available: 2000 });
    expect(breakdown.programmes[0]!.needed).toBeCloseTo(poorExits * 100, 9);
    expect(breakdown.programmes[1]!.balance).toBeCloseTo(10000 - allExits * 2, 9);
    expect(breakdown.unassigned.needed).toBeCloseTo(allExits, 9);
    // The rows and the unassigned cost add up to the projection's own totals.
    const sum = breakdown.programmes.reduce((s, p) => s + p.needed, breakdown.unassigned.needed);
    expect(sum).toBeCloseTo(result.total.budgetNeeded, 6);
    expect(breakdown.total.available).toBeCloseTo(12000, 9);
  });
});

describe('checkProgrammeLines', () => {
  it('names each bad field', () => {
    const present = new Set(['budget_p1', 'budget_p2']);
    const line = {
      indicator: 'budget_p1',
      eligible: 'all',
      name: { vi: 'a', en: 'a' },
      basis: { vi: 'b', en: 'b' },
    };
    expect(checkProgrammeLines([line], present)).toEqual([]);
    expect(
      checkProgrammeLines(
        [line, line, { ...line, indicator: 'budget_p3', name: { vi: '' } }],
        present,
      ),
    ).toEqual([
      'programmes[1].indicator: budget_p1 is listed twice',
      'programmes[2].indicator: budget_p3 has no figure in the CSV',
      'programmes[2].name: expected Vietnamese and English text',
    ]);
    expect(checkProgrammeLines({}, present)).toEqual(['programmes: expected a list']);
  });
});
