import type { Page } from '@playwright/test';
import {
  expect,
  hideLabels,
  labelPointOf,
  mapFeatures,
  mapSettled,
  openAtlas,
  pixelOf,
  test,
} from './fixtures.ts';

interface MapHandle {
  atlasMap: {
    getCenter(): { lng: number; lat: number };
    getPaintProperty(layer: string, name: string): unknown;
    getLayer(id: string): unknown;
    setLayoutProperty(layer: string, name: string, value: string): void;
  };
}

const announcement = (page: Page) => page.getByTestId('map-announcement');
const canvas = (page: Page) => page.locator('canvas.maplibregl-canvas');

/** The district code a name belongs to, read from the map's own features. */
async function codeOfName(page: Page, name: string): Promise<string> {
  const districts = await mapFeatures(page, { role: 'district' });
  return districts.find((f) => f.name === name)!.code;
}

/** The district named at the start of the live announcement ("Huyện Lâm Bình, Tỉnh …: …"). */
async function announcedName(page: Page): Promise<string> {
  const text = (await announcement(page).textContent()) ?? '';
  return text.split(',')[0]!.trim();
}

test.describe('keyboard stepping on the map', () => {
  test('Home, PageDown and the arrows step between the districts with data, announcing each', async ({
    page,
  }) => {
    await openAtlas(page);
    await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
    await mapSettled(page);
    // The table lists the same districts; reading order is the Vietnamese order of their names.
    await page.getByRole('button', { name: 'Bảng số liệu' }).click();
    const rows = page.getByTestId('data-table').locator('tbody th[scope="row"]');
    await expect(rows.first()).toBeVisible();
    const names = (await rows.allTextContents())
      .map((n) => n.trim())
      .filter((n) => n.startsWith('Huyện') || n.startsWith('Thành phố'));
    const expectedOrder = [...new Set(names)].sort(new Intl.Collator('vi').compare);
    expect(expectedOrder.length).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Bản đồ', exact: true }).click();

    await canvas(page).focus();
    const centre = await page.evaluate(() => (window as unknown as MapHandle).atlasMap.getCenter());
    await page.keyboard.press('Home');
    await expect(announcement(page)).toContainText(expectedOrder[0]!);
    await expect(announcement(page)).toContainText('Tỉnh Tuyên Quang');
    await expect(announcement(page)).toContainText('Tỷ lệ hộ nghèo đầu năm');
    await expect(announcement(page)).toHaveAttribute('aria-live', 'polite');
    // The stepped-to district is shown to sighted keyboard users too.
    await expect(page.getByTestId('hover-tooltip')).toContainText(expectedOrder[0]!);
    await page.keyboard.press('PageDown');
    await expect(announcement(page)).toContainText(expectedOrder[1]!);
    await page.keyboard.press('End');
    await expect(announcement(page)).toContainText(expectedOrder.at(-1)!);
    await page.keyboard.press('PageDown');
    await expect(announcement(page)).toContainText(expectedOrder[0]!);

    let moved = 0;
    // Arrows go the way they point, measured on the districts' label points.
    for (const [key, axis, sign] of [
      ['ArrowUp', 1, 1],
      ['ArrowRight', 0, 1],
      ['ArrowDown', 1, -1],
      ['ArrowLeft', 0, -1],
    ] as const) {
      await page.keyboard.press('Home');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      const from = await announcedName(page);
      await page.keyboard.press(key);
      await expect.poll(() => announcedName(page)).not.toBe('');
      const to = await announcedName(page);
      if (to === from) continue; // nothing lies that way: stays put
      moved += 1;
      const a = await labelPointOf(page, await codeOfName(page, from));
      const b = await labelPointOf(page, await codeOfName(page, to));
      expect(sign * (b[axis] - a[axis]), `${key} from ${from} to ${to}`).toBeGreaterThan(0);
    }
    expect(moved).toBeGreaterThanOrEqual(2);
    // The arrows stepped; MapLibre did not pan the map with them (every district was in view).
    const after = await page.evaluate(() => (window as unknown as MapHandle).atlasMap.getCenter());
    expect(after).toEqual(centre);
  });

  test('Enter opens the district panel and Escape clears it', async ({ page }) => {
    await openAtlas(page);
    await canvas(page).focus();
    await page.keyboard.press('End');
    const name = await announcedName(page);
    expect(name).toMatch(/^(Huyện|Thành phố|Thị xã|Quận)/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('unit-panel').getByRole('heading', { level: 2 })).toHaveText(
      name,
    );
    await expect(canvas(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('unit-panel')).toHaveCount(0);
    await expect(announcement(page)).toHaveText('Đã bỏ chọn huyện');
    await expect(page.getByTestId('hover-tooltip')).toHaveCount(0);
  });

  test('on the 2025 map the hidden 2019 districts are not stepped through', async ({ page }) => {
    await openAtlas(page);
    await page
      .getByTestId('era-switch')
      .getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' })
      .check();
    await expect(page.getByTestId('legend-partial')).toBeVisible();
    await canvas(page).focus();
    await page.keyboard.press('Home');
    await expect(announcement(page)).toHaveCount(0);
    await expect(page.getByTestId('hover-tooltip')).toHaveCount(0);
  });

  test('the map canvas is reached with Tab and described by its key help and summary', async ({
    page,
  }) => {
    await openAtlas(page);
    await expect(canvas(page)).toHaveAttribute('aria-label', 'Bản đồ tỷ lệ hộ nghèo theo huyện');
    const describedBy = (await canvas(page).getAttribute('aria-describedby'))!.split(' ');
    const texts = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
    expect(texts.join(' ')).toContain('Page Down');
    expect(texts.join(' ')).toContain('huyện có số liệu');
    for (
      let i = 0;
      i < 40 && !(await canvas(page).evaluate((c) => c === document.activeElement));
      i += 1
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(canvas(page)).toBeFocused();
  });
});

test.describe('provenance on the map', () => {
  /** The provenance layer's pattern and opacity, or null when the map has no such layer. */
  async function provenanceDrawn(
    page: Page,
  ): Promise<{ pattern: unknown; opacity: unknown } | null> {
    return page.evaluate(() => {
      const map = (window as unknown as MapHandle).atlasMap;
      if (!map.getLayer('unit-provenance')) return null;
      return {
        pattern: map.getPaintProperty('unit-provenance', 'fill-pattern'),
        opacity: map.getPaintProperty('unit-provenance', 'fill-opacity'),
      };
    });
  }

  test('plan targets are dotted, reviews plain, a scenario lined; the legend says which', async ({
    page,
  }) => {
    await openAtlas(page);
    const row = page.getByTestId('legend-provenance');
    // The default dataset is the Tuyên Quang 2020 plan.
    await expect(row).toContainText('Chỉ tiêu kế hoạch, chưa phải kết quả (chấm)');
    await expect(row).toHaveAttribute('data-mark', 'dots');
    expect((await provenanceDrawn(page))?.pattern).toBe('provenance-dots');

    // The dots are really drawn: Lâm Bình looks different without them.
    await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
    await hideLabels(page);
    await mapSettled(page);
    const { x, y } = await pixelOf(page, await labelPointOf(page, '071'));
    const box = (await page.locator('#map').boundingBox())!;
    const clip = { x: box.x + x - 12, y: box.y + y - 12, width: 24, height: 24 };
    const marked = await page.screenshot({ clip });
    await page.evaluate(() =>
      (window as unknown as MapHandle).atlasMap.setLayoutProperty(
        'unit-provenance',
        'visibility',
        'none',
      ),
    );
    await mapSettled(page);
    expect((await page.screenshot({ clip })).equals(marked)).toBe(false);
    await page.evaluate(() =>
      (window as unknown as MapHandle).atlasMap.setLayoutProperty(
        'unit-provenance',
        'visibility',
        'visible',
      ),
    );

    await page.getByLabel('Bộ dữ liệu').selectOption('rach-gia-2022-review');
    await expect(row).toHaveAttribute('data-mark', 'none');
    await expect(row).toContainText('Kết quả rà soát hằng năm');
    // Reviews stay plain: no pattern layer at all.
    expect(await provenanceDrawn(page)).toBeNull();

    await page.getByTestId('scenario-toggle').click();
    await expect(page.getByTestId('scenario-panel')).toBeVisible();
    await expect(row).toHaveAttribute('data-mark', 'lines');
    await expect(row).toContainText('Dự báo của kịch bản');
    expect((await provenanceDrawn(page))?.pattern).toBe('provenance-lines');
    expect((await provenanceDrawn(page))?.opacity).not.toBe(0);
  });
});

test('the map summary is in the page for screen readers, shown on request and kept up to date', async ({
  page,
}) => {
  await openAtlas(page);
  const summary = page.getByTestId('map-summary');
  const toggle = page.getByRole('button', { name: 'Tóm tắt bản đồ' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Hidden from sight, not from screen readers.
  await expect(summary).toHaveClass(/sr-only/);
  await expect(summary).toContainText(
    'Tỷ lệ hộ nghèo đầu năm (2020): 7 huyện có số liệu; cao nhất',
  );
  await expect(summary).toContainText('Nguồn số liệu: Chỉ tiêu kế hoạch');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(summary).not.toHaveClass(/sr-only/);
  await expect(summary).toBeVisible();

  await page.getByTestId('indicator-select').selectOption('rate_end');
  await expect(summary).toContainText('Tỷ lệ hộ nghèo cuối năm');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(summary).toContainText('districts with data; highest');
  await expect(summary).toContainText('Source of the values: Plan targets');
});
