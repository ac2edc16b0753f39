import { readFileSync } from 'node:fs';
import {
  boundaryState,
  cspViolations,
  expect,
  mapSettled,
  openAtlas,
  OPENING_VIEW,
  test,
} from './fixtures.ts';
import {
  SYNTHETIC_DATASET_ID,
  SYNTHETIC_PROVINCE_DATASET_ID,
  seedSyntheticNationalDataset,
} from './synthetic-dataset.ts';
import type { Page } from '@playwright/test';

async function mappedValue(page: Page, code: string): Promise<number | null | undefined> {
  return (await boundaryState(page, code)).value as number | null | undefined;
}

async function openPanel(page: Page) {
  await page.getByTestId('scenario-toggle').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
}

test('a planner sets a province target, sees districts change colour, saves, reloads and finds it again', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  await openPanel(page);
  const panel = page.getByTestId('scenario-panel');
  // The plan's own target is the default: −2,06 points for the province, poor districts −4.
  await expect(page.getByTestId('target-points')).toHaveValue('2.06');
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo cuối kỳ (kịch bản)');
  await expect(page.getByTestId('scenario-summary')).toContainText('Đạt mục tiêu');
  expect(await mappedValue(page, '071')).toBeCloseTo(32.03, 1);

  const map = page.locator('#map');
  const before = await map.screenshot();
  await page.getByTestId('scenario-rule').selectOption('proportional-to-rate');
  await expect(page.getByTestId('rule-help')).toContainText('tỷ lệ thuận với tỷ lệ hộ nghèo');
  await page.getByTestId('target-points-slider').fill('6');
  // Lâm Bình: 36,03 % × (1 − 6 / 11,80) ≈ 17,7 % — from the 30–40 % class to 10–20 %.
  await expect.poll(() => mappedValue(page, '071')).toBeLessThan(20);
  await expect(page.getByTestId('scenario-summary')).toContainText('5,80\u00a0%');
  await mapSettled(page);
  expect((await map.screenshot()).equals(before)).toBe(false);

  await page.getByTestId('scenario-name').fill('Giảm 6 điểm theo tỷ lệ');
  await page.getByTestId('scenario-save').click();
  await expect(panel.getByTestId('scenario-notice')).toContainText('Đã lưu kịch bản');

  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // The address carries the open scenario (#/map?…&sc=…), so the reload shows it again.
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  const saved = page.getByTestId('saved-scenarios').getByRole('listitem');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Giảm 6 điểm theo tỷ lệ');
  await saved.getByRole('button', { name: 'Mở' }).click();
  await expect(page.getByTestId('target-points')).toHaveValue('6');
  await expect(page.getByTestId('scenario-rule')).toHaveValue('proportional-to-rate');
  await expect.poll(() => mappedValue(page, '071')).toBeLessThan(20);
  expect(await cspViolations(page)).toEqual([]);
});

test('on the national table (rates only) the scenario says what it needs; a province table with households projects its provinces', async ({
  page,
}) => {
  await openAtlas(page, { firstScreen: true });
  await openPanel(page);
  // The GSO table has one rate per province and no household counts: the panel says so and
  // names what the table has, instead of "0 đơn vị".
  const problem = page.getByTestId('scenario-problem');
  await expect(problem).toContainText('tổng số hộ đầu năm');
  await expect(problem).toContainText('«Tỷ lệ hộ nghèo cả năm»');
  await expect(page.getByTestId('scenario-units')).toHaveCount(0);

  // A province table with households and poor households: its provinces are the units.
  const provinces = await seedSyntheticNationalDataset(page, 'province');
  await page.getByTestId('dataset-select').selectOption(SYNTHETIC_PROVINCE_DATASET_ID);
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  if (!(await page.getByTestId('scenario-panel').isVisible())) await openPanel(page);
  await page
    .getByTestId('scenario-panel')
    .getByRole('combobox', { name: 'Bộ dữ liệu' })
    .selectOption(SYNTHETIC_PROVINCE_DATASET_ID);
  await expect(page.getByTestId('scenario-problem')).toHaveCount(0);
  await expect(page.getByTestId('scenario-units')).toHaveText(`${provinces} đơn vị`);
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo cuối kỳ (kịch bản)');
  // The map colours the provinces with the scenario's outcome (Hà Nội, code 01).
  await expect.poll(async () => typeof (await mappedValue(page, 'p01'))).toBe('number');
});

test('the Tuyên Quang plan entered district by district reproduces 20.626 poor households', async ({
  page,
}) => {
  await openAtlas(page);
  await openPanel(page);
  await page.getByText('Chỉ tiêu từng đơn vị', { exact: true }).click();
  const table = page.getByTestId('unit-targets');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  // The plan's district cuts (points), typed in: each locks its district.
  const cuts: Record<string, string> = {
    'Huyện Sơn Dương': '2.02',
    'Huyện Yên Sơn': '2.10',
    'Thành phố Tuyên Quang': '0.25',
    'Huyện Hàm Yên': '2.65',
    'Huyện Chiêm Hóa': '2.47',
    'Huyện Na Hang': '4.00',
  };
  for (const [name, cut] of Object.entries(cuts)) {
    const input = table.getByRole('spinbutton', { name: `Giảm năm đầu (điểm): ${name}` });
    await input.fill(cut);
    await input.press('Enter');
  }
  await expect(page.getByTestId('scenario-rule')).toHaveValue('manual');
  // Lâm Bình, unlocked, is rebalanced so the province still reaches its target.
  await expect(page.getByTestId('scenario-summary')).toContainText('Đạt mục tiêu');
  await expect(page.getByTestId('scenario-poor-end')).toHaveText(/20\.6\d\d/);
});

test('a bad or hostile scenario link shows a message and changes nothing', async ({ page }) => {
  await page.goto('/#scenario=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('scenario-notice')).toContainText('Liên kết kịch bản không hợp lệ');
  await expect(page.getByTestId('scenario-panel')).toHaveCount(0);
  await expect(page.getByTestId('dataset-select')).toHaveValue(OPENING_VIEW.datasetId);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('a shared link opens the same scenario elsewhere', async ({ page, context }) => {
  await openAtlas(page);
  await openPanel(page);
  await page.getByTestId('scenario-name').fill('Chia sẻ: giảm 3 điểm');
  await page.getByTestId('target-points').fill('3');
  await page.getByTestId('target-points').press('Enter');
  await page.getByTestId('scenario-share').click();
  const url = await page.getByRole('textbox', { name: 'Liên kết chia sẻ' }).inputValue();
  // The link carries the base dataset's version, as a view link does.
  expect(url).toMatch(/#scenario=[A-Za-z0-9_-]+&v=[0-9a-f]{14}$/);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('scenario-panel')).toBeVisible({ timeout: 30_000 });
  await expect(other.getByTestId('scenario-name')).toHaveValue('Chia sẻ: giảm 3 điểm');
  await expect(other.getByTestId('target-points')).toHaveValue('3');
  await expect(other.getByTestId('scenario-notice')).toContainText('Đã mở kịch bản từ liên kết');

  // The same link made from other figures still opens, and says the data has changed.
  const changed = await context.newPage();
  await changed.goto(url.replace(/v=[0-9a-f]{14}$/, 'v=00000000000000'));
  await expect(changed.getByTestId('scenario-panel')).toBeVisible({ timeout: 30_000 });
  await expect(changed.getByTestId('target-points')).toHaveValue('3');
  await expect(changed.getByTestId('scenario-notice')).toContainText(
    'số liệu của bộ dữ liệu gốc đã thay đổi',
  );
});

test('Monte Carlo runs in a worker with progress and gives the probability of meeting the target', async ({
  page,
}) => {
  await openAtlas(page);
  await openPanel(page);
  await page.getByTestId('mc-run').click();
  await expect(page.getByTestId('mc-probability')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mc-status')).toContainText('Xác suất đạt mục tiêu');
  await expect(page.getByRole('img', { name: /Phân bố tỷ lệ hộ nghèo cuối kỳ/ })).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
});

test('exports CSV with a BOM and XLSX', async ({ page }) => {
  await openAtlas(page);
  await openPanel(page);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.startsWith('\ufeffMã;Đơn vị')).toBe(true);
  expect(text).toContain('Huyện Lâm Bình');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = readFileSync((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('dragging the target slider over the national district map updates the map', async ({
  page,
}) => {
  await openAtlas(page);
  const districts = await seedSyntheticNationalDataset(page);
  expect(districts).toBeGreaterThan(600);
  await openPanel(page);
  await page
    .getByRole('combobox', { name: 'Bộ dữ liệu' })
    .last()
    .selectOption(SYNTHETIC_DATASET_ID);
  await page.getByTestId('scenario-scope').selectOption('nation');
  const slider = page.getByTestId('target-points-slider');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const samples: (number | null | undefined)[] = [];
  const pixelRatio = () =>
    page.evaluate(() =>
      (window as unknown as { atlasMap: { getPixelRatio(): number } }).atlasMap.getPixelRatio(),
    );
  const fullRatio = await pixelRatio();
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 0; step <= 10; step += 1) {
    await page.mouse.move(box.x + 4 + ((box.width - 8) * step) / 10, box.y + box.height / 2);
    samples.push(await mappedValue(page, '001'));
  }
  // Held, the slider has the map drawn at half resolution, so each frame stays short.
  expect(await pixelRatio()).toBe(fullRatio / 2);
  // Let go off the slider, over the panel above it: the map is sharp again all the same.
  await page.mouse.move(box.x + box.width - 4, box.y - 120);
  await page.mouse.up();
  expect(new Set(samples).size).toBeGreaterThan(3);
  await expect.poll(pixelRatio).toBe(fullRatio);
});

test('saving a renamed scenario asks: save as new keeps both, replace keeps one', async ({
  page,
}) => {
  await openAtlas(page);
  await openPanel(page);
  const saved = page.getByTestId('saved-scenarios').getByRole('listitem');
  await page.getByTestId('scenario-name').fill('Giảm 3 điểm');
  await page.getByTestId('scenario-save').click();
  await expect(saved).toHaveCount(1);

  // Saving again under the same name replaces it, without asking.
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-save-ask')).toHaveCount(0);
  await expect(saved).toHaveCount(1);

  await page.getByTestId('scenario-name').fill('Giảm 4 điểm');
  await page.getByTestId('scenario-save').click();
  const ask = page.getByTestId('scenario-save-ask');
  await expect(ask).toContainText('«Giảm 3 điểm» đã được đổi tên thành «Giảm 4 điểm»');
  await expect(saved).toHaveCount(1);
  await ask.getByTestId('scenario-save-new').click();
  await expect(ask).toHaveCount(0);
  await expect(saved).toHaveCount(2);
  await expect(saved.filter({ hasText: 'Giảm 3 điểm' })).toHaveCount(1);
  await expect(saved.filter({ hasText: 'Giảm 4 điểm' })).toHaveCount(1);

  // The new one is now the one being edited: renaming it and replacing keeps two records.
  await page.getByTestId('scenario-name').fill('Giảm 5 điểm');
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-save-replace').click();
  await expect(saved).toHaveCount(2);
  await expect(saved.filter({ hasText: 'Giảm 5 điểm' })).toHaveCount(1);
  await expect(saved.filter({ hasText: 'Giảm 4 điểm' })).toHaveCount(0);
  await expect(saved.filter({ hasText: 'Giảm 3 điểm' })).toHaveCount(1);
});

test('the year of the projection the map shows is picked, named in the legend and kept in the link', async ({
  page,
}) => {
  await openAtlas(page);
  await openPanel(page);
  const years = page.getByRole('spinbutton', { name: 'Số năm', exact: true });
  await years.fill('3');
  await years.press('Enter');
  const atHorizon = await mappedValue(page, '071');
  const mapYear = page.getByTestId('scenario-map-year');
  await expect(mapYear).toHaveValue('');
  await mapYear.selectOption({ label: '2020' });
  // The first year's rate is above the horizon's: the map shows the year picked.
  await expect
    .poll(async () => Number(await mappedValue(page, '071')))
    .toBeGreaterThan(Number(atHorizon));
  await expect(page.getByTestId('legend')).toContainText('— 2020');
  await expect(page).toHaveURL(/&sm=rate&sy=1&sc=/);

  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('scenario-map-year')).toHaveValue('1');
  // Cutting the years keeps the year within the horizon, in the panel and in the link.
  await mapYear.selectOption({ label: '2022' });
  await expect(page).toHaveURL(/&sy=3&sc=/);
  await years.fill('2');
  await years.press('Enter');
  await expect(mapYear).toHaveValue('2');
  await expect(page).toHaveURL(/&sy=2&sc=/);
});
