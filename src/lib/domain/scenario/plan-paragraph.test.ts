import { describe, expect, it } from 'vitest';
import { planParagraph, scopeName } from './plan-paragraph.ts';
import { budgetBreakdown } from './programme-budget.ts';
import { projectScenario } from './project-scenario.ts';
import type { ScenarioDefinition } from './scenario-definition.ts';
import { scenario, tuyenQuangPlan, tuyenQuangUnits } from './test-fixtures.ts';

/** Non-breaking spaces (before % and units) read as plain ones in the expectations. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

function paragraph(definition: ScenarioDefinition, locale: 'vi' | 'en', probability?: number) {
  const result = projectScenario(tuyenQuangUnits(), definition);
  return plain(
    planParagraph({
      definition,
      result,
      budget: budgetBreakdown(result, definition),
      scopeName: locale === 'vi' ? 'tỉnh Tuyên Quang' : 'Tuyên Quang province',
      monteCarlo:
        probability === undefined ? null : { probabilityTargetMet: probability, draws: 10000 },
      locale,
    }),
  );
}

/** The plan's own district targets, and its budget as two programmes costed to balance. */
const plan = () =>
  scenario({
    startYear: 2020,
    scope: { kind: 'province', provinceCode: '08' },
    rule: 'manual',
    groupMinimums: [{ group: 'poor-district', pointsPerYear: 4 }],
    units: Object.fromEntries(
      tuyenQuangPlan().districts.map((d) => [
        d.district_code!,
        { locked: true, target: { households: Number(d.poor_reduced) } },
      ]),
    ),
    budget: {
      costPerExit: 0,
      programmes: [
        {
          name: 'Dự án 1',
          amountPerYear: 86373,
          eligible: 'poor-district',
          costPerExit: 86373 / 672,
        },
        { name: 'Dự án 2', amountPerYear: 118018, eligible: 'all', costPerExit: 118018 / 4188 },
      ],
    },
  });

describe('the plan paragraph', () => {
  it('states the plan’s target, households, poor districts, budget and probability in Vietnamese', () => {
    const text = paragraph(plan(), 'vi', 0.873);
    expect(text).toContain(
      'Năm 2020, phấn đấu giảm tỷ lệ hộ nghèo của tỉnh Tuyên Quang từ 11,80 % xuống còn 9,74 % (bình quân giảm 2,06 điểm phần trăm mỗi năm), tương ứng giảm 4.188 hộ nghèo (từ 24.814 hộ xuống còn 20.626 hộ).',
    );
    expect(text).toContain(
      'Các huyện nghèo giảm (điểm phần trăm mỗi năm): Huyện Na Hang 4,00 và Huyện Lâm Bình 4,00, đạt mức tối thiểu 4,00 điểm.',
    );
    expect(text).toContain(
      'còn lại (điểm phần trăm mỗi năm): Huyện Hàm Yên 2,65, Huyện Chiêm Hóa 2,47 và Huyện Yên Sơn 2,10.',
    );
    expect(text).toContain(
      'Kinh phí cần khoảng 204.391 triệu đồng; nguồn đã có 204.391 triệu đồng, đủ.',
    );
    expect(text).toContain('Theo mô phỏng 10.000 lần');
    expect(text).toContain('khả năng đạt mục tiêu khoảng 87 %.');
    expect(text).not.toContain('chưa đạt');
  });

  it('names the shortfall overall and by programme, and a missed target, in English', () => {
    const steeper = plan();
    steeper.rule = 'equal-points';
    steeper.years = 2;
    steeper.target = { kind: 'points-per-year', points: 3 };
    steeper.capPoints = 2.5;
    const text = paragraph(steeper, 'en');
    expect(text).toMatch(
      /^Over 2020–2021, the aim is to bring the poverty rate of Tuyên Quang province down from 11\.80 % to /,
    );
    expect(text).toMatch(/This falls short of the \d+\.\d\d % target by \d+\.\d\d points\./);
    expect(text).toContain(
      'Poor districts (points a year): Huyện Na Hang 2.50 and Huyện Lâm Bình 2.50, short of the minimum of 4.00.',
    );
    // Enough money overall, but not for Project 2, which pays for every district's exits.
    expect(text).toMatch(/ is available, enough, with [\d,]+ million VND to spare\./);
    expect(text).toMatch(/Shortfalls by programme: Dự án 2 \([\d,]+ million VND\)\./);
    // Without a Monte Carlo run for this scenario, no probability is claimed.
    expect(text).not.toContain('simulated');
  });
});

describe('scopeName', () => {
  it('names a province or city as a sentence does, and the nation', () => {
    expect(scopeName('Tỉnh Tuyên Quang', 'vi')).toBe('tỉnh Tuyên Quang');
    expect(scopeName('Tỉnh Tuyên Quang', 'en')).toBe('Tuyên Quang province');
    expect(scopeName('Thành phố Hà Nội', 'vi')).toBe('thành phố Hà Nội');
    expect(scopeName('Thành phố Hà Nội', 'en')).toBe('Hà Nội city');
    expect(scopeName(null, 'vi')).toBe('cả nước');
  });
});
