import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { DatasetBundle } from '../../src/lib/domain/dataset.ts';
import { INDICATORS } from '../../src/lib/domain/indicators.ts';
import { classifyIndicator, colorOf } from '../../src/lib/scales/choropleth.ts';
import { formatIndicatorValue } from '../../src/lib/scales/format.ts';
import {
  boundaryState,
  BUILT_IN_DATASETS,
  closeTo,
  colourAt,
  cspViolations,
  drawnDistrictsWithData,
  expect,
  hexToRgb,
  hideLabels,
  labelPointOf,
  mapFeatures,
  mapSettled,
  openAtlas,
  pixelOf,
  test,
} from './fixtures.ts';

/** The national table exactly as the data build wrote it for this app. */
const NATIONAL = (
  JSON.parse(
    readFileSync(new URL('../../public/generated/datasets.json', import.meta.url), 'utf8'),
  ) as { datasets: DatasetBundle[] }
).datasets.find((d) => d.metadata.national !== undefined && d.metadata.level === 'province')!;
const VALUES = new Map(NATIONAL.observations.map((o) => [o.unitCode, o.value]));
const CLASSES = classifyIndicator([...VALUES.values()], INDICATORS.poverty_rate, {});

interface StateMap {
  atlasMap: {
    setLayoutProperty(layer: string, name: string, value: unknown): void;
  };
}

/** The value each 2019 province carries in the map's feature-state (provinces are `p` + code). */
async function provinceStates(page: Page, codes: string[]): Promise<Map<string, unknown>> {
  const entries: [string, unknown][] = [];
  for (const code of codes) entries.push([code, (await boundaryState(page, `p${code}`)).value]);
  return new Map(entries);
}

test('a first visit opens on the national province map with all 63 provinces coloured', async ({
  page,
}) => {
  await openAtlas(page, { firstScreen: true });
  const info = page.getByTestId('dataset-info');
  await expect(info).toContainText(NATIONAL.metadata.title.vi);
  // Its kind is said beside the title: a survey estimate, not a review result.
  await expect(info).toContainText('Ước tính khảo sát');
  await expect(page.getByTestId('legend')).toContainText('Ước tính từ điều tra');
  expect(VALUES.size).toBe(63);
  const states = await provinceStates(page, [...VALUES.keys()]);
  expect([...states].filter(([, value]) => typeof value !== 'number')).toEqual([]);
  for (const [code, value] of VALUES) expect(states.get(code), code).toBe(value);
  await expect(page.getByTestId('legend')).toContainText('Không có số liệu');
  expect(await cspViolations(page)).toEqual([]);
});

test('the provinces are painted in their class colours, read from the data', async ({ page }) => {
  await openAtlas(page, { firstScreen: true });
  await hideLabels(page);
  // The survey's grid mark goes over the class colour; sample the colour itself.
  await page.evaluate(() =>
    (window as unknown as StateMap).atlasMap.setLayoutProperty(
      'unit-provenance',
      'visibility',
      'none',
    ),
  );
  await mapSettled(page);
  const sorted = [...VALUES].sort((a, b) => b[1] - a[1]);
  // The highest, the lowest and a middle province: every class the data reaches is drawn right.
  for (const [code, value] of [sorted[0]!, sorted[31]!, sorted.at(-1)!]) {
    const point = await labelPointOf(page, code, { role: 'province-label' });
    const drawn = await colourAt(page, point);
    const expected = hexToRgb(colorOf(value, CLASSES));
    expect(closeTo(drawn, expected), `${code} (${value}): ${drawn} vs ${expected}`).toBe(true);
  }
});

test('the summary names the national figure and the highest and lowest provinces', async ({
  page,
}) => {
  await openAtlas(page, { firstScreen: true });
  const sorted = NATIONAL.observations.toSorted((a, b) => b.value - a.value);
  const provinces = await mapFeatures(page, { role: 'province' });
  const names = [sorted[0]!, sorted.at(-1)!].map(
    (o) => provinces.find((f) => f.code === o.unitCode)!.name,
  );
  const sentence = page.getByTestId('map-sentence');
  const percent = (v: number) => formatIndicatorValue(v, 'percent', 'vi');
  await expect(sentence).toContainText(
    `cả nước ${percent(NATIONAL.metadata.national!.poverty_rate!)}`,
  );
  await expect(sentence).toContainText(`cao nhất ${names[0]} ${percent(sorted[0]!.value)}`);
  await expect(sentence).toContainText(`thấp nhất ${names[1]} ${percent(sorted.at(-1)!.value)}`);
  // The same sentence is the map's text alternative.
  await expect(page.getByTestId('map-summary')).toContainText(
    (await sentence.textContent())!.trim(),
  );
});

test('clicking a province with district figures offers them; one action returns to the nation', async ({
  page,
}) => {
  await openAtlas(page, { firstScreen: true });
  await hideLabels(page);
  const point = await labelPointOf(page, '08', { role: 'province-label' });
  const { x, y } = await pixelOf(page, point);
  await page.locator('#map canvas').click({ position: { x, y } });
  const panel = page.getByTestId('unit-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Tuyên Quang');
  // Its profile lists every dataset's figures for the province, each once.
  await expect(panel.getByTestId('profile-dataset').first()).toBeVisible();
  // Ranked among the provinces on the map; a province has no province to rank in.
  await expect(panel.getByTestId('profile-rank')).toContainText('/63 trên bản đồ');
  await expect(panel.getByTestId('profile-rank')).not.toContainText('trong tỉnh');
  const offer = panel.getByTestId('district-data-offer');
  await expect(offer).toContainText('Tuyên Quang — Kế hoạch giảm nghèo năm 2020');
  await offer.getByRole('button', { name: 'Xem bản đồ huyện' }).first().click();

  await expect(page.getByTestId('dataset-info')).toContainText('Kế hoạch giảm nghèo năm 2020');
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
  await mapSettled(page);
  // Zoomed to the province, its districts drawn with their values.
  await expect(page.getByTestId('province-select')).toHaveValue('08');
  expect(await drawnDistrictsWithData(page)).toEqual([
    '070',
    '071',
    '072',
    '073',
    '074',
    '075',
    '076',
  ]);

  await page.getByRole('button', { name: /Về bản đồ toàn quốc/ }).click();
  await expect(page.getByTestId('dataset-info')).toContainText(NATIONAL.metadata.title.vi);
  await expect(page.getByTestId('province-select')).toHaveValue('');
  const states = await provinceStates(page, ['08', '11']);
  expect(states.get('08')).toBe(VALUES.get('08'));
});

test('a province dataset of a seed document colours its province on the 2019 map', async ({
  page,
}) => {
  await openAtlas(page);
  await page
    .getByRole('combobox', { name: 'Bộ dữ liệu' })
    .first()
    .selectOption('kien-giang-2016-review');
  const states = await provinceStates(page, ['91', '08']);
  expect(typeof states.get('91')).toBe('number');
  expect(states.get('08') ?? null).toBeNull();
  await expect(page.getByTestId('map-sentence')).toContainText('1 tỉnh có số liệu');
});

test('the national poor-district list says, where it is shown, how many of its districts are missing', async ({
  page,
}) => {
  const { listSize } = JSON.parse(
    readFileSync(
      new URL('../../data/national/poor_districts_2021_2025_coded.meta.json', import.meta.url),
      'utf8',
    ),
  ) as { listSize: { stated: number; known: number } };
  const gap = `${listSize.known}/${listSize.stated} đã biết, thiếu ${listSize.stated - listSize.known}`;
  await openAtlas(page);
  const search = page.getByRole('combobox', { name: 'Tìm tỉnh, huyện' });
  await search.fill('lam binh');
  await search.press('Enter');
  const lists = page.getByTestId('unit-panel').getByTestId('profile-lists');
  await expect(lists).toContainText('huyện nghèo 2021–2025 — 353/QĐ-TTg');
  await expect(lists).toContainText(gap);
});

test('a district table can be shown summed to its provinces; a table of rates alone says why not', async ({
  page,
}) => {
  await openAtlas(page);
  const plan = BUILT_IN_DATASETS.find((d) => d.metadata.id === 'tuyen-quang-2020-plan')!;
  const provinceRow = (indicator: string) =>
    plan.observations.find(
      (o) => o.unitLevel === 'province' && o.unitCode === '08' && o.indicator === indicator,
    )!.value;
  // The rate re-derived from the province's counts (its own printed row), never an average.
  const derived = (provinceRow('poor_start') / provinceRow('households_start')) * 100;
  const toggle = page.getByTestId('province-sum-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await provinceStates(page, ['08'])).get('08'))
    .toBeCloseTo(derived, 9);
  await expect(page.getByTestId('map-sentence')).toContainText('1 tỉnh có số liệu');
  await toggle.click();
  await expect(page.getByTestId('map-sentence')).toContainText('7 huyện có số liệu');

  await page.getByTestId('dataset-select').selectOption('rach-gia-2022-review');
  await expect(page.getByTestId('province-sum-toggle')).toBeDisabled();
  await expect(page.getByTestId('province-sum-why')).toContainText('Không có tổng số hộ');
});

test('no error while going through every dataset, both eras and the province sums', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await openAtlas(page);
  const toggle = page.getByTestId('province-sum-toggle');
  await toggle.click();
  await toggle.click();
  await page.getByRole('button', { name: /Về bản đồ toàn quốc/ }).click();
  // From a survey's marked map to a plain review: the provenance layer goes, it is not set to a
  // constant (MapLibre then threw "this.expression.evaluate is not a function").
  await page.goto('/#/map?d=tuyen-quang-2020-plan&e=2019');
  await expect(page.getByTestId('view-link-notice')).toHaveAttribute('data-kind', 'invalid');
  const select = page.getByTestId('dataset-select');
  await select.selectOption('rach-gia-2022-review');
  await mapSettled(page);
  const ids = await select
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  for (const id of ids) {
    await select.selectOption(id);
    await mapSettled(page);
  }
  const eras = page.getByTestId('era-switch');
  await eras.getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' }).check();
  await mapSettled(page);
  await eras.getByRole('radio', { name: '2019 · 63 tỉnh, cấp huyện' }).check();
  await mapSettled(page);
  expect(errors).toEqual([]);
});
