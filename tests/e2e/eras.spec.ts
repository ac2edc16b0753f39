import type { Page } from '@playwright/test';
import {
  cspViolations,
  expect,
  labelPointOf,
  mapSettled,
  openAtlas,
  pixelOf,
  test,
} from './fixtures.ts';

// Switching eras fetches and draws a second boundary set, and the lineage reads the crosswalk
// (700 KB): on a loaded 2-core machine that takes longer than the default minute.
test.describe.configure({ timeout: 180_000 });

interface EraMap {
  atlasMap: {
    queryRenderedFeatures(options: { layers: string[] }): {
      properties: Record<string, string>;
      state: Record<string, unknown>;
    }[];
    querySourceFeatures(
      source: string,
      options: { sourceLayer: string; filter: unknown[] },
    ): { properties: Record<string, string> }[];
    getLayoutProperty(layer: string, name: string): unknown;
  };
}

/** The 2025 provinces drawn now, with their feature-state. */
async function drawnProvinces2025(page: Page) {
  return page.evaluate(() => {
    const map = (window as unknown as EraMap).atlasMap;
    const byCode = new Map<string, { code: string; value: unknown; partial: unknown }>();
    for (const f of map.queryRenderedFeatures({ layers: ['province-2025-choropleth'] })) {
      byCode.set(f.properties.code!, {
        code: f.properties.code!,
        value: f.state.value,
        partial: f.state.partial,
      });
    }
    return [...byCode.values()];
  });
}

test('Tuyên Quang 2020 on the 34-province map is marked partial, with its old units', async ({
  page,
}) => {
  await openAtlas(page);
  const eras = page.getByTestId('era-switch');
  await expect(eras).toContainText('Ranh giới hành chính');
  // Keyboard: the radio group moves with the arrow keys.
  await eras.getByRole('radio', { name: '2019 · 63 tỉnh, cấp huyện' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(eras.getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' })).toBeChecked();
  await expect(page.locator('#map')).toHaveAttribute('data-era-ready', 'true', { timeout: 30_000 });
  await mapSettled(page);

  const provinces = await drawnProvinces2025(page);
  expect(provinces.length).toBeGreaterThanOrEqual(30);
  const withValues = provinces.filter((p) => typeof p.value === 'number');
  // The plan covers the old Tuyên Quang only: one new province has a value, and it is partial.
  expect(withValues.map((p) => [p.code, p.partial])).toEqual([['08', true]]);
  expect(provinces.filter((p) => p.partial === true).map((p) => p.code)).toEqual(['08']);
  const hatched = await page.evaluate(() =>
    (window as unknown as EraMap).atlasMap
      .queryRenderedFeatures({ layers: ['province-2025-partial'] })
      .map((f) => f.properties.code),
  );
  expect(hatched).toContain('08');
  await expect(page.getByTestId('legend')).toContainText('Số liệu phủ một phần');
  await expect(page.getByTestId('legend-partial')).toContainText('1');
  // The 2019 districts are hidden, not removed.
  expect(
    await page.evaluate(() =>
      (window as unknown as EraMap).atlasMap.getLayoutProperty('district-choropleth', 'visibility'),
    ),
  ).toBe('none');

  // Hovering the new Tuyên Quang (over old Lâm Bình) names it, with its value and coverage.
  const { x, y } = await pixelOf(page, await labelPointOf(page, '071'));
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  const tooltip = page.getByTestId('hover-tooltip');
  await expect(tooltip).toContainText('Tỉnh Tuyên Quang');
  await expect(tooltip).toContainText('phủ 7/18 huyện cũ');
  await expect(tooltip).toContainText(/Tỷ lệ hộ nghèo đầu năm: \d+,\d\d\s%/);
  await page.mouse.move(box.x + 5, box.y + box.height - 5);

  // Opening the province shows its communes (from the 2025 tiles), its coverage and lineage.
  const index = (await (await page.request.get('/generated/atlas.json')).json()) as {
    boundaries2025: { provinces: { code: string; communes: { file: string; count: number } }[] };
  };
  const province = index.boundaries2025.provinces.find((p) => p.code === '08')!;
  const communeFile = (await (
    await page.request.get(`/generated/${province.communes.file}`)
  ).json()) as { objects: { communes: { geometries: { properties: { code: string } }[] } } };
  const communeCodes = communeFile.objects.communes.geometries.map((g) => g.properties.code);
  expect(communeCodes).toHaveLength(province.communes.count);
  await page.getByTestId('era-province').selectOption('08');
  const panel = page.getByTestId('unit-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Tỉnh Tuyên Quang');
  await expect(panel.getByTestId('coverage')).toContainText('phủ 7/18 huyện cũ');
  await expect(panel.getByTestId('era-lineage')).toContainText('Tỉnh Hà Giang', {
    timeout: 60_000,
  });
  await expect(panel.getByTestId('era-lineage')).toContainText('Tỉnh Tuyên Quang');
  await expect(panel).toContainText('Tỷ lệ hộ nghèo đầu năm');
  await expect
    .poll(async () => {
      const drawn = new Set(
        await page.evaluate(() =>
          (window as unknown as EraMap).atlasMap
            .querySourceFeatures('boundaries-2025', {
              sourceLayer: 'units',
              filter: ['==', ['get', 'role'], 'commune'],
            })
            .map((f) => f.properties.code),
        ),
      );
      return communeCodes.filter((code) => !drawn.has(code));
    })
    .toEqual([]);

  // Back to 2019: the district map and its legend return.
  await eras.getByRole('radio', { name: '2019 · 63 tỉnh, cấp huyện' }).check();
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as EraMap).atlasMap.getLayoutProperty(
          'district-choropleth',
          'visibility',
        ),
      ),
    )
    .toBe('visible');
  expect(await cspViolations(page)).toEqual([]);
});

test('the switch speaks English too', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'English' }).click();
  const eras = page.getByTestId('era-switch');
  await expect(eras).toContainText('Administrative boundaries');
  await eras.getByRole('radio', { name: '2025 · 34 provinces, communes' }).check();
  await expect(page.getByTestId('legend')).toContainText('Partial coverage');
});

test('a 2019 district shows the 2025 province and communes it went to', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  const { x, y } = await pixelOf(page, await labelPointOf(page, '071'));
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  const panel = page.getByTestId('unit-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Huyện Lâm Bình');
  const lineage = panel.getByTestId('era-lineage');
  await expect(lineage).toContainText('Sau 1/7/2025 thuộc', { timeout: 60_000 });
  await expect(lineage).toContainText('Tỉnh Tuyên Quang');
  await expect(lineage).toContainText('Các xã, phường mới nhận địa bàn');
});

test('the 2025 provinces, once opened, work offline too', async ({ page, context }) => {
  await openAtlas(page);
  // The first install takes the page (clientsClaim), so the next fetches go through it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  const eras = page.getByTestId('era-switch');
  await eras.getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' }).check();
  await expect(page.locator('#map')).toHaveAttribute('data-era-ready', 'true', { timeout: 60_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await eras.getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' }).check();
  await expect(page.locator('#map')).toHaveAttribute('data-era-ready', 'true', { timeout: 60_000 });
  await mapSettled(page);
  expect((await drawnProvinces2025(page)).length).toBeGreaterThanOrEqual(30);
});
