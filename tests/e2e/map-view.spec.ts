import { expect, mapSettled, openAtlas, test } from './fixtures.ts';
import { SYNTHETIC_COMMUNE_DATASET_ID, seedSyntheticNationalDataset } from './synthetic-dataset.ts';

/**
 * One map view for every boundary set (#15): the same legend and unit panel (one test id each)
 * for a 2025 commune dataset and for 2019 figures on the 2025 provinces, and no console error
 * while datasets of different sets replace each other on the map.
 */

// A commune dataset of the whole country, the 2025 tiles and the crosswalk: a loaded 2-core
// machine takes minutes.
test.describe.configure({ timeout: 300_000 });

const RADIO_2025 = '2025 · 34 tỉnh, cấp xã';

test('one legend and one unit panel serve the 2025 communes and the 2025 provinces', async ({
  page,
}) => {
  await openAtlas(page);
  await seedSyntheticNationalDataset(page, 'commune');
  const select = page.getByTestId('dataset-select');
  const eras = page.getByTestId('era-switch');
  const legend = page.getByTestId('legend');
  const panel = page.getByTestId('unit-panel');

  // A commune dataset: the 2025 map, its communes classed apart in the same legend.
  await select.selectOption(SYNTHETIC_COMMUNE_DATASET_ID);
  await expect(eras.getByRole('radio', { name: RADIO_2025 })).toBeChecked();
  await expect(page.locator('#map')).toHaveAttribute('data-era-ready', 'true', {
    timeout: 60_000,
  });
  await page.getByTestId('era-province').selectOption('22');
  await expect(legend).toHaveCount(1);
  await expect(legend.getByTestId('legend-units')).toHaveText('Tỉnh (2025)');
  await expect(legend.getByTestId('legend-communes')).toBeVisible();
  await expect(panel).toHaveCount(1);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Tỉnh Quảng Ninh');
  await expect(panel.getByTestId('unit-figures')).toContainText('Tỷ lệ hộ nghèo đầu năm', {
    timeout: 60_000,
  });

  // 2019 district figures merged into the 2025 provinces: the same legend and panel, with
  // partial coverage instead of the communes' classes.
  await select.selectOption('tuyen-quang-2020-plan');
  await eras.getByRole('radio', { name: RADIO_2025 }).check();
  await page.getByTestId('era-province').selectOption('08');
  await expect(legend).toHaveCount(1);
  await expect(legend.getByTestId('legend-partial')).toContainText('1');
  await expect(legend.getByTestId('legend-communes')).toHaveCount(0);
  await expect(panel).toHaveCount(1);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Tỉnh Tuyên Quang');
  await expect(panel.getByTestId('coverage')).toContainText('phủ 7/18 huyện cũ');
  // No second legend or panel is left anywhere in the page.
  await expect(
    page.locator('[data-testid="era-legend"], [data-testid="unit-2025-panel"]'),
  ).toHaveCount(0);
});

test('no console error when datasets of different boundary sets replace each other', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await openAtlas(page);
  await seedSyntheticNationalDataset(page, 'commune');
  const select = page.getByTestId('dataset-select');
  // 2019 districts → 2025 communes → 2019 provinces → 2025 communes → 2019 districts → 2019
  // provinces (a survey, marked), each drawn before the next.
  for (const id of [
    SYNTHETIC_COMMUNE_DATASET_ID,
    'kien-giang-2016-review',
    SYNTHETIC_COMMUNE_DATASET_ID,
    'tuyen-quang-2020-plan',
    'gso-multidimensional-poverty-2023',
  ]) {
    await select.selectOption(id);
    await mapSettled(page);
  }
  await expect(page.getByTestId('legend')).toBeVisible();
  expect(errors).toEqual([]);
});
