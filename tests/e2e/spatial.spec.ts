import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, labelPointOf, mapSettled, openAtlas, pixelOf, test } from './fixtures.ts';
import { SYNTHETIC_DATASET_ID, seedSyntheticNationalDataset } from './synthetic-dataset.ts';

interface LisaMap {
  atlasMap: {
    getLayer(id: string): unknown;
    getLayoutProperty(id: string, name: string): unknown;
    queryRenderedFeatures(options: { layers: string[] }): { properties: { code: string } }[];
  };
}

// axe is injected as an inline script, which the atlas's own CSP rightly forbids.
test.use({ bypassCSP: true });
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe violations inside one element. */
async function seriousViolationsIn(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: unknown): Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run({ include: [include] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

const LISA_LAYERS = ['district-lisa', 'district-lisa-pattern', 'district-lisa-outline'];

/** Which LISA layers are on the map and visible. */
async function visibleLisaLayers(page: Page): Promise<string[]> {
  return page.evaluate(
    (ids) =>
      ids.filter((id) => {
        const map = (window as unknown as LisaMap).atlasMap;
        return !!map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none';
      }),
    LISA_LAYERS,
  );
}

/** District codes the LISA fill draws in the current view. */
async function lisaDistricts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as unknown as LisaMap).atlasMap;
    const codes = map
      .queryRenderedFeatures({ layers: ['district-lisa'] })
      .map((f) => f.properties.code);
    return [...new Set(codes)].sort();
  });
}

test('the LISA mode shows Moran’s I, the clusters and an explanation, in both languages', async ({
  page,
}) => {
  // Several steps, each waiting for the map under software WebGL on a shared machine.
  test.setTimeout(120_000);
  await openAtlas(page);
  expect(await visibleLisaLayers(page)).toEqual([]);

  await page.getByTestId('analysis-toggle').click();
  // By test id: the label changes with the language.
  const toggle = page.getByTestId('lisa-show');
  await toggle.check();

  // Tuyên Quang 2020: seven districts with a rate at the start of the year.
  const global = page.getByTestId('lisa-global');
  await expect(global).toContainText('Chỉ số Moran toàn cục: I = 0,5442');
  await expect(global).toContainText('p = 0,005');
  await expect(page.getByTestId('lisa-global-words')).toContainText('rất khó là do ngẫu nhiên');
  await expect(page.getByTestId('lisa-few-units')).toContainText(
    'Chỉ có 7 huyện có số liệu: quá ít để kiểm định đáng tin cậy',
  );
  const counts = page.getByTestId('lisa-counts');
  await expect(counts.locator('li')).toHaveCount(6);
  await expect(counts.locator('li[data-category="not-significant"] .count')).toHaveText('7');
  await expect(page.getByTestId('lisa-explanation')).toContainText('“Điểm nóng” (cao–cao)');
  await expect(page.getByTestId('lisa-running')).toHaveCount(0);

  // The map mode: its layers and its legend replace the class legend.
  await expect(page.getByTestId('lisa-legend')).toContainText('Cụm không gian (LISA, p ≤ 0,05)');
  await expect(page.getByTestId('legend')).toHaveCount(0);
  expect(await visibleLisaLayers(page)).toEqual(LISA_LAYERS);
  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  expect(await lisaDistricts(page)).toEqual(['070', '071', '072', '073', '074', '075', '076']);

  // The unit panel says the district's category.
  const { x, y } = await pixelOf(page, await labelPointOf(page, '071'));
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  await expect(page.getByTestId('unit-lisa')).toContainText(
    'Cụm không gian (LISA): Không có ý nghĩa thống kê (p = 0,073)',
  );

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('lisa-explanation')).toContainText(
    'This mode shows where districts with high (or low) values sit next to each other',
  );
  await expect(global).toContainText('Global Moran’s I = 0.5442');
  await expect(page.getByTestId('lisa-few-units')).toContainText('too few units for a reliable');
  await expect(page.getByTestId('unit-lisa')).toContainText(
    'Spatial cluster (LISA): Not significant',
  );
  await expect(toggle).toBeChecked();

  await toggle.uncheck();
  await expect(page.getByTestId('lisa-summary')).toHaveCount(0);
  await expect(page.getByTestId('legend')).toBeVisible();
  await expect(page.getByTestId('unit-lisa')).toHaveCount(0);
  expect(await visibleLisaLayers(page)).toEqual([]);
});

test('on every district, LISA finds clusters and names the islands', async ({ page }) => {
  test.setTimeout(120_000);
  await openAtlas(page);
  await seedSyntheticNationalDataset(page);
  await page.getByRole('combobox', { name: 'Bộ dữ liệu' }).selectOption(SYNTHETIC_DATASET_ID);
  await page.getByTestId('analysis-toggle').click();
  await page.getByTestId('lisa-show').check();

  await expect(page.getByTestId('lisa-global')).toContainText('Chỉ số Moran toàn cục: I = ');
  await expect(page.getByTestId('lisa-few-units')).toHaveCount(0);
  const islands = page.getByTestId('lisa-islands');
  await expect(islands).toContainText('Không có láng giềng (đảo');
  for (const name of ['Huyện Côn Đảo', 'Thành phố Phú Quốc', 'Huyện Trường Sa', 'Huyện Hoàng Sa']) {
    await expect(islands).toContainText(name);
  }
  const counts = page.getByTestId('lisa-counts');
  await expect(counts.locator('li[data-category="no-neighbours"] .count')).toHaveText('11');
  const shown = await counts.locator('li .count').allTextContents();
  expect(shown.reduce((sum, text) => sum + Number(text.replace(/\./g, '')), 0)).toBe(705);
  expect(await visibleLisaLayers(page)).toEqual(LISA_LAYERS);
  expect(await seriousViolationsIn(page, '.left-column')).toEqual([]);
});
