import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import readExcelFile from 'read-excel-file/node';
import { createDefaultScenario } from '../../src/lib/domain/scenario/scenario-definition.ts';
import { scenarioShareHash } from '../../src/lib/domain/scenario/scenario-share.ts';
import { cspViolations, expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** The annex as the plan prints it (semicolons, vi-VN figures), and the plan's seed figures. */
const ANNEX = readFileSync(
  new URL('../fixtures/tuyen-quang-2020-annex.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(';'));
const PLAN = readFileSync(
  new URL('../../data/seeds/tuyen-quang-2020-plan.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

/** Opens, by link, a scenario that plans exactly the plan's fall in poor households per district. */
async function openPlanScenario(page: Page) {
  const definition = createDefaultScenario({
    name: 'Kế hoạch 2020',
    baseDatasetId: 'tuyen-quang-2020-plan',
    scope: { kind: 'province', provinceCode: '08' },
    startYear: 2020,
  });
  definition.rule = 'manual';
  definition.target = { kind: 'points-per-year', points: 2.06 };
  for (const [, code, , , , , reduced] of PLAN.filter((row) => row[1] !== '')) {
    definition.units[code!] = { locked: true, target: { households: Number(reduced) } };
  }
  // A fresh page: the link is read when the atlas loads.
  await page.goto(`/${scenarioShareHash(definition, null)}`);
  await expect(page.getByTestId('scenario-panel')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('scenario-poor-end')).toHaveText('20.626');
}

/** "210.299" → 210299, "11,80" → 11.8, "" → null: the annex's printed figures as numbers. */
const figure = (text: string) =>
  text === '' ? null : Number(text.replace(/\./g, '').replace(',', '.'));

test('the plan annex downloads as XLSX that reads back as the Tuyên Quang 2020 annex', async ({
  page,
}) => {
  await openPlanScenario(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-annex').click(),
  ]);
  expect(download.suggestedFilename()).toBe('Kế-hoạch-2020-phu-luc.xlsx');
  const sheets = await readExcelFile((await download.path())!);
  expect(sheets.map((s) => s.sheet)).toEqual(['2020', 'Kinh phí']);
  const rows = sheets[0]!.data;
  expect(rows[0]![0]).toBe('BIỂU PHỤ LỤC: CHỈ TIÊU GIẢM HỘ NGHÈO NĂM 2020');
  expect(rows[1]![0]).toBe('(Kèm theo kịch bản “Kế hoạch 2020”)');
  // The units stand in code order (the GSO list); the document has its own. Columns are matched
  // by name: the document shortens "Thành phố" to "TP" in its narrow column.
  const header = rows[3]!.map((h) => String(h).replace(/^Thành phố /, 'TP '));
  expect(header.slice(0, 4)).toEqual(ANNEX[0]!.slice(0, 4));
  expect([...header].sort()).toEqual([...ANNEX[0]!].sort());
  const column = ANNEX[0]!.map((name) => header.indexOf(name));
  // Every cell of the nine rows, as numbers: households whole, rates to two decimals.
  ANNEX.slice(1).forEach((expected, r) => {
    const row = rows[4 + r]!;
    const cells = column.map((c) => row[c] ?? null);
    expect(
      cells.slice(0, 3).map((c) => c ?? ''),
      `row ${r + 1}`,
    ).toEqual(expected.slice(0, 3));
    expect(cells.slice(3), `row ${r + 1}`).toEqual(expected.slice(3).map(figure));
  });
  const notes = rows.slice(14).map((row) => String(row[0]));
  expect(notes.join('\n')).toContain('Kế hoạch thực hiện Chương trình giảm nghèo năm 2020');
  expect(notes.join('\n')).toContain('phần dư lớn nhất');
  expect(await cspViolations(page)).toEqual([]);
});

test('the plan budget by programme: taken from the plan, its slip said, in the panel, the unit table and the exports', async ({
  page,
}) => {
  await openPlanScenario(page);
  const panel = page.getByTestId('scenario-panel');
  await page.getByTestId('programmes-from-plan').click();
  await expect(panel.getByRole('textbox', { name: 'Tên (vd. 30a, 135)' })).toHaveCount(5);
  const notes = page.getByTestId('programme-note');
  await expect(notes.first()).toContainText('Nguồn kinh phí: Tuyên Quang — Kinh phí giảm nghèo');
  await expect(notes.nth(1)).toContainText('văn bản ghi 79.381 triệu đồng');
  await expect(notes.nth(1)).toContainText('dùng 86.373');
  const budget = page.getByTestId('programme-budget');
  // Costed from the plan's own exits, the plan balances: 210.679 needed and available.
  await expect(budget.locator('tfoot')).toContainText('210.679');
  await expect(budget.locator('tbody tr').first()).toContainText('Dự án 1');
  await expect(budget.locator('tbody tr').first()).toContainText('128,53');

  // Project 1 (poor districts only) costs more per exit: Lâm Bình needs it, Sơn Dương does not.
  await page.getByText('Chỉ tiêu từng đơn vị', { exact: true }).click();
  const units = page.getByTestId('unit-targets');
  const lamBinh = units.getByRole('row', { name: /Huyện Lâm Bình/ });
  // 282 exits × (86.373 / 672 + 118.018 / 4.188 + 6.288 / 4.188) = 44.616 million VND.
  await expect(lamBinh).toContainText('44.616');

  // A Project 1 cost per exit twice the plan's shows the shortfall.
  const cost = page.getByTestId('programme-cost').first();
  await cost.fill('257.06');
  await cost.press('Enter');
  await expect(budget.locator('tbody tr').first().locator('.short')).toBeVisible();

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.startsWith('\ufeffMã;Đơn vị')).toBe(true);
  // Whole households: no long decimals anywhere, and the rounding is said.
  const unitTable = text.split('\r\n\r\n')[0]!;
  expect(unitTable.split('\r\n')).toHaveLength(1 + 7 + 1);
  expect(unitTable).not.toMatch(/\d[.,]\d{3,}/);
  expect(text).toContain('phần dư lớn nhất');
  expect(text).toMatch(/Dự án 1 – Chương trình 30a;Huyện nghèo;257,06;672;172744;86373;-86371/);
  expect(text).toContain('lỗi trong văn bản gốc');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  const sheets = await readExcelFile((await xlsx.path())!);
  expect(sheets.map((s) => s.sheet)).toEqual(['Kịch bản', 'Kinh phí']);
  const programmes = sheets[1]!.data;
  expect(programmes[1]!.slice(0, 3)).toEqual(['Dự án 1 – Chương trình 30a', 'Huyện nghèo', 257.06]);
  expect(programmes.at(-1)![0]).toMatch(/^Dự án 1 – Chương trình 30a: văn bản ghi 79\.381/);
});

test('the plan paragraph reads the scenario in Vietnamese and English and copies', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlanScenario(page);
  await page.getByText('Đoạn văn cho kế hoạch', { exact: true }).click();
  const paragraph = page.getByTestId('plan-paragraph');
  await expect(paragraph).toHaveValue(
    /^Năm 2020, phấn đấu giảm tỷ lệ hộ nghèo của tỉnh Tuyên Quang từ 11,80\s%\sxuống còn 9,74\s%/,
  );
  await expect(paragraph).toHaveValue(/tương ứng giảm 4\.188 hộ nghèo/);
  await page.getByTestId('mc-run').click();
  await expect(page.getByTestId('mc-probability')).toBeVisible({ timeout: 30_000 });
  await expect(paragraph).toHaveValue(/khả năng đạt mục tiêu khoảng \d+\s%\.$/);
  await page.getByTestId('paragraph-language').selectOption('en');
  await expect(paragraph).toHaveValue(
    /^In 2020, the aim is to bring the poverty rate of Tuyên Quang province down from 11\.80\s%/,
  );
  await page.getByTestId('copy-paragraph').click();
  await expect(page.getByTestId('scenario-notice')).toContainText('Đã chép đoạn văn');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await paragraph.inputValue(),
  );
});

test('the plan annex prints as its own page, without the map', async ({ page }) => {
  await openPlanScenario(page);
  await page.evaluate(() => {
    // The print dialog would block the test: record the call instead.
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => (window as unknown as { printed: number }).printed++;
  });
  await page.getByTestId('print-annex').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
  await page.emulateMedia({ media: 'print' });
  const printout = page.getByTestId('annex-print');
  await expect(printout).toBeVisible();
  await expect(page.locator('.app')).toBeHidden();
  await expect(printout.locator('h1')).toHaveText('BIỂU PHỤ LỤC: CHỈ TIÊU GIẢM HỘ NGHÈO NĂM 2020');
  await expect(printout.getByRole('row', { name: /Số hộ nghèo cuối năm/ })).toContainText('20.626');
  await expect(printout).toContainText('11,80');
});

test('exporting the map during a scenario writes its outcome rounded, under its own name', async ({
  page,
}) => {
  await openPlanScenario(page);
  // New poverty at 0,37 % of non-poor households makes the exits fractional.
  const newPoor = page.getByLabel('Tỷ lệ hộ nghèo phát sinh (trên hộ không nghèo) (%)');
  await newPoor.fill('0.37');
  await newPoor.press('Enter');
  await page.getByRole('radio', { name: 'Số hộ cần thoát nghèo (kịch bản)' }).check();
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: 'Xuất số liệu đang hiển thị' })
      .getByRole('button', { name: 'CSV' })
      .click(),
  ]);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toContain('Số hộ cần thoát nghèo (kịch bản)');
  expect(lines[0]).not.toContain('Tỷ lệ hộ nghèo cuối năm');
  const exits = lines.slice(1).map((line) => Number(line.split(',').at(-1)));
  expect(exits).toHaveLength(7);
  expect(exits.every(Number.isInteger)).toBe(true);
  expect(exits.reduce((a, b) => a + b, 0)).toBe(Math.round(4188 + 0.0037 * (210299 - 24814)));
});

test.describe('on a phone', () => {
  // axe is injected as an inline script, which the atlas's own CSP rightly forbids.
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, bypassCSP: true });

  test('the budget, exports and paragraph fit the screen and pass axe', async ({ page }) => {
    await openPlanScenario(page);
    await page.getByTestId('programmes-from-plan').click();
    await expect(page.getByTestId('programme-budget')).toBeVisible();
    await page.getByText('Đoạn văn cho kế hoạch', { exact: true }).click();
    await page.getByText('Chỉ tiêu từng đơn vị', { exact: true }).click();
    await expect(page.getByTestId('plan-paragraph')).toBeVisible();
    const panel = page.getByTestId('scenario-panel');
    expect(await panel.evaluate((e) => e.parentElement!.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    const { serious, passes } = await page.evaluate(async () => {
      type Result = {
        passes: unknown[];
        violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
      };
      const axe = (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe;
      const result = await axe.run('[data-testid="scenario-panel"]');
      return {
        passes: result.passes.length,
        serious: result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      };
    });
    // axe really ran over the panel: rules were checked and passed.
    expect(passes).toBeGreaterThan(10);
    expect(serious).toEqual([]);
  });
});
