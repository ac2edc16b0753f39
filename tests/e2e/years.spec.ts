import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { INDICATORS } from '../../src/lib/domain/indicators.ts';
import { classifyIndicator, colorOf } from '../../src/lib/scales/choropleth.ts';
import {
  boundaryState,
  BUILT_IN_DATASETS,
  expect,
  hideLabels,
  labelPointOf,
  mapSettled,
  pixelOf,
  test,
} from './fixtures.ts';

/**
 * Years on a time line (issue 16): the GSO 2006–2016 income-based rates as one multi-year
 * dataset, its year control (slider, play, keyboard, link), the change between two years of one
 * standard, and a province's series broken where the poverty standard changes.
 */

const HISTORY = BUILT_IN_DATASETS.find((d) => (d.metadata.years?.length ?? 0) > 1)!;
const HISTORY_ID = HISTORY.metadata.id;
const YEARS = HISTORY.metadata.years!;
const LATEST = YEARS.at(-1)!;
const HISTORY_LINK = `/#/map?d=${HISTORY_ID}&i=poverty_rate`;
const HA_GIANG = '02';

/** A province's figure of one year, as the data build wrote it. */
const valueOf = (code: string, year: number) =>
  HISTORY.observations.find((o) => o.unitCode === code && o.year === year)?.value;

/** The value the map holds for a 2019 province (feature-state; provinces are `p` + code). */
const provinceState = async (page: Page, code: string) =>
  (await boundaryState(page, `p${code}`)).value ?? null;

async function openHistory(page: Page, link = HISTORY_LINK): Promise<void> {
  await page.goto(link);
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

test('the 2006–2016 table is one multi-year dataset; its year control changes the map, the summary and the link', async ({
  page,
}) => {
  expect(YEARS.length).toBeGreaterThan(2);
  await openHistory(page);
  const control = page.getByTestId('dataset-info').getByTestId('year-control');
  // A link made without a year opens on the latest, and the link then names it.
  await expect(control.getByTestId('year-value')).toHaveText(String(LATEST));
  await expect.poll(() => provinceState(page, HA_GIANG)).toBe(valueOf(HA_GIANG, LATEST));
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`y=${LATEST}`);

  // Keyboard: Home goes to the first year, an arrow to the next.
  const slider = control.getByRole('slider', { name: 'Năm của số liệu' });
  await slider.focus();
  await page.keyboard.press('Home');
  const first = YEARS[0]!;
  await expect(control.getByTestId('year-value')).toHaveText(String(first));
  await expect.poll(() => provinceState(page, HA_GIANG)).toBe(valueOf(HA_GIANG, first));
  expect(valueOf(HA_GIANG, first)).not.toBe(valueOf(HA_GIANG, LATEST));
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`y=${first}`);
  await expect(page.getByTestId('map-sentence')).toContainText(`(${first})`);
  // The year's standard is said beside it.
  await expect(control.getByTestId('year-standard')).toContainText('chuẩn thu nhập 2006–2010');

  await page.keyboard.press('ArrowRight');
  const second = YEARS[1]!;
  await expect(control.getByTestId('year-value')).toHaveText(String(second));
  await expect.poll(() => provinceState(page, HA_GIANG)).toBe(valueOf(HA_GIANG, second));

  // Play walks on through the years by itself.
  await control.getByTestId('year-play').click();
  await expect(control.getByTestId('year-play')).toHaveAttribute('aria-pressed', 'true');
  await expect(control.getByTestId('year-value')).toHaveText(String(YEARS[2]!), {
    timeout: 10_000,
  });
  await control.getByTestId('year-play').click();
  await expect(control.getByTestId('year-play')).toHaveAttribute('aria-pressed', 'false');

  // Dragged with the pointer: the map follows every step, the link once the slider is let go.
  const shown = await control.getByTestId('year-value').textContent();
  expect(shown).not.toBe(String(LATEST));
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`y=${shown}`);
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await expect(control.getByTestId('year-value')).toHaveText(String(LATEST));
  await expect.poll(() => provinceState(page, HA_GIANG)).toBe(valueOf(HA_GIANG, LATEST));
  expect(await page.evaluate(() => location.hash)).not.toContain(`y=${LATEST}`);
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`y=${LATEST}`);

  // Hà Tây (2006) has no boundary: it is listed with its value, not dropped.
  await page.getByTestId('dataset-info').getByText('Chi tiết').click();
  await expect(page.getByTestId('dataset-info')).toContainText('Ha Tay (2006): 12,4 %');
});

test('a link with a year opens that year, in the table too; the change between two years of one standard is in points', async ({
  page,
}) => {
  const [from, to] = [2010, 2015];
  expect(YEARS).toEqual(expect.arrayContaining([from, to]));
  await openHistory(page, `${HISTORY_LINK}&y=${from}`);
  await expect.poll(() => provinceState(page, HA_GIANG)).toBe(valueOf(HA_GIANG, from));

  await openHistory(page, `${HISTORY_LINK}&y=${to}&yc=${from}`);
  const change = valueOf(HA_GIANG, to)! - valueOf(HA_GIANG, from)!;
  await expect.poll(async () => Number(await provinceState(page, HA_GIANG))).toBeCloseTo(change, 6);
  await expect(page.getByTestId('legend')).toContainText(`thay đổi ${from}–${to}`);
  // Only years of the same standard are offered as a base: not 2008 (the 2006–2010 line).
  const base = page.getByTestId('dataset-info').getByTestId('year-change');
  await expect(base).toHaveValue(String(from));
  const offered = await base
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered).not.toContain('2008');
  expect(offered).toContain('2012');
  await base.selectOption('');
  await expect.poll(() => provinceState(page, HA_GIANG)).toBe(valueOf(HA_GIANG, to));

  // The table shows the same year and has its own year control.
  await page.goto(`/#/map?d=${HISTORY_ID}&t=table&i=poverty_rate&y=${from}`);
  const table = page.getByTestId('data-table');
  await expect(table.locator('caption')).toContainText(`(${from})`);
  const tableControl = page.locator('.table-wrap').getByTestId('year-control');
  await tableControl.getByRole('slider').focus();
  await page.keyboard.press('End');
  await expect(table.locator('caption')).toContainText(`(${LATEST})`);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`y=${LATEST}`);
});

test("Hà Giang's profile draws 2006–2016 and 2023 as separate segments, broken where the standard changes", async ({
  page,
}) => {
  await openHistory(page);
  await hideLabels(page);
  await mapSettled(page);
  const point = await labelPointOf(page, HA_GIANG, { role: 'province-label' });
  const { x, y } = await pixelOf(page, point);
  await page.locator('#map canvas').click({ position: { x, y } });
  const panel = page.getByTestId('unit-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Hà Giang');
  await expect(panel.getByTestId('unit-kind')).toContainText('Ước tính khảo sát');
  const chart = panel
    .getByTestId('profile-series')
    .filter({ hasText: 'Tỷ lệ hộ nghèo cả năm' })
    .first();
  const segments = chart.getByTestId('series-segment');
  await expect(segments).toHaveCount(3);
  const spans = await segments.evaluateAll((paths) =>
    paths.map((p) => [p.getAttribute('data-years'), p.getAttribute('data-standard')]),
  );
  // The history's two income lines and the 2023 survey: three lines, never one.
  const first = YEARS[0]!;
  expect(spans).toEqual([
    [`${first}–2008`, 'income-2006-2010'],
    [`2010–${LATEST}`, 'income-2011-2015'],
    ['2023', '2022-2025'],
  ]);
  await expect(chart.getByTestId('series-break')).toHaveCount(2);
  await expect(chart.getByTestId('series-standards')).toContainText('chuẩn đa chiều 2022–2025');
  await expect(panel).toContainText('đường bị ngắt nơi chuẩn thay đổi');
});

test('the years side by side: one small map per year, all with the same classes', async ({
  page,
}) => {
  await openHistory(page);
  await page.getByTestId('small-multiples-toggle').click();
  const panels = page.getByTestId('small-multiple');
  await expect(panels).toHaveCount(YEARS.length);
  // The same classes for every year: classified over all the years' values together.
  const classes = classifyIndicator(
    HISTORY.observations.map((o) => o.value),
    INDICATORS.poverty_rate,
    {},
  );
  for (const year of [YEARS[0]!, LATEST]) {
    const fill = await page
      .locator(`[data-testid="small-multiple"][data-year="${year}"] path[data-code="${HA_GIANG}"]`)
      .getAttribute('fill');
    expect(fill, `${year}`).toBe(colorOf(valueOf(HA_GIANG, year)!, classes));
  }
  // TP. Hồ Chí Minh has no 2016 figure: grey, not a class colour.
  const hcm = page.locator(
    `[data-testid="small-multiple"][data-year="${LATEST}"] path[data-code="79"]`,
  );
  expect(valueOf('79', LATEST)).toBeUndefined();
  expect(classes.colors).not.toContain(await hcm.getAttribute('fill'));
  await expect(page.getByTestId('small-multiples')).toContainText('chuẩn thu nhập 2006–2010');

  // For a meeting: the panels as one PNG image.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('small-multiples-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${HISTORY_ID}-${YEARS[0]}-${LATEST}.png`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
});
