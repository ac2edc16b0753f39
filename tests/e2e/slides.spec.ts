import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { cspViolations, expect, mapSettled, openAtlas, test } from './fixtures.ts';

const SLIDES = [
  { indicator: 'rate_start', search: 'lam binh', unit: 'Huyện Lâm Bình', title: 'Đầu năm 2020' },
  { indicator: 'rate_end', search: 'na hang', unit: 'Huyện Na Hang', title: 'Cuối năm 2020' },
  {
    indicator: 'poor_start',
    search: 'son duong',
    unit: 'Huyện Sơn Dương',
    title: 'Số hộ nghèo đầu năm',
  },
] as const;

const LEGEND_TITLES: Record<string, string> = {
  rate_start: 'Tỷ lệ hộ nghèo đầu năm',
  rate_end: 'Tỷ lệ hộ nghèo cuối năm',
  poor_start: 'Số hộ nghèo đầu năm',
};

/** Slides in the deck IndexedDB holds, read with the plain IndexedDB API. */
async function storedSlideCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('vn-poverty-atlas');
        request.onerror = () => resolve(-1);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('slideDecks')) return resolve(-1);
          const get = db.transaction('slideDecks').objectStore('slideDecks').get('current');
          get.onsuccess = () => {
            db.close();
            const record = get.result as { json: string } | undefined;
            resolve(record ? (JSON.parse(record.json) as { slides: unknown[] }).slides.length : 0);
          };
        };
      }),
  );
}

async function addSlide(page: Page, slide: (typeof SLIDES)[number], position: number) {
  await page.getByTestId('indicator-select').selectOption(slide.indicator);
  await page.getByTestId('unit-search').fill(slide.search);
  await page.getByTestId('unit-search').press('Enter');
  await expect(page.locator('#unit-title')).toHaveText(slide.unit);
  await page.getByTestId('slide-add').click();
  const item = page.getByTestId('slide-item').nth(position);
  await item.getByTestId('slide-title').fill(slide.title);
  await item.getByTestId('slide-title').press('Tab');
  await item.getByTestId('slide-note').fill(`Ghi chú: ${slide.unit}`);
  await item.getByTestId('slide-note').press('Tab');
}

async function expectSlide(page: Page, n: number, slide: (typeof SLIDES)[number]) {
  await expect(page.getByTestId('slide-heading')).toHaveText(slide.title);
  await expect(page.getByTestId('slide-note-shown')).toHaveText(`Ghi chú: ${slide.unit}`);
  await expect(page.getByTestId('slide-counter')).toContainText(`${n} / 3`);
  await expect(page.locator('#unit-title')).toHaveText(slide.unit);
  await expect(page.getByTestId('legend')).toContainText(LEGEND_TITLES[slide.indicator]!);
  await expect(page).toHaveURL(new RegExp(`&i=${slide.indicator}&`));
}

test('builds three slides, reorders them, and steps through them with the keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openAtlas(page);
  await page.getByTestId('meeting-toggle').click();
  // Added out of order, then put right with the keyboard-usable move buttons.
  await addSlide(page, SLIDES[1], 0);
  await addSlide(page, SLIDES[0], 1);
  await addSlide(page, SLIDES[2], 2);
  const up = page.getByRole('button', { name: 'Lên: Trang 2' });
  await up.focus();
  await page.keyboard.press('Enter');
  const titles = () =>
    page
      .getByTestId('slide-title')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await expect.poll(titles).toEqual(SLIDES.map((s) => s.title));
  // Focus follows the moved slide, now first (its "up" is disabled, so "down" takes it).
  await expect(page.getByRole('button', { name: 'Xuống: Trang 1' })).toBeFocused();

  // Kept in IndexedDB (written in the background): a reload brings the deck back.
  await expect.poll(() => storedSlideCount(page), { timeout: 30_000 }).toBe(3);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await page.getByTestId('meeting-toggle').click();
  await expect.poll(titles).toEqual(SLIDES.map((s) => s.title));

  await page.getByTestId('slides-start').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  // No clutter: the control bar and the side panels are gone; the legend stays.
  await expect(page.getByTestId('indicator-select')).toBeHidden();
  await expect(page.getByTestId('dataset-info')).toBeHidden();
  await expect(page.getByTestId('legend')).toBeVisible();
  await expectSlide(page, 1, SLIDES[0]);

  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 2, SLIDES[1]);
  await page.keyboard.press('PageDown');
  await expectSlide(page, 3, SLIDES[2]);
  // The last slide stays put; back with the clicker's Page Up, then forward with Space.
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 3, SLIDES[2]);
  await page.keyboard.press('PageUp');
  await expectSlide(page, 2, SLIDES[1]);
  await page.keyboard.press('Space');
  await expectSlide(page, 3, SLIDES[2]);
  await mapSettled(page);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByTestId('indicator-select')).toBeVisible();
  await expect(page.getByTestId('indicator-select')).toHaveValue('poor_start');
  expect(await cspViolations(page)).toEqual([]);
});

test('a deck is shared as a JSON file; a bad file changes nothing', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('meeting-toggle').click();
  await addSlide(page, SLIDES[0], 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('slides-export').click(),
  ]);
  const path = (await download.path())!;
  expect(download.suggestedFilename()).toMatch(/^trinh-chieu-\d{4}-\d\d-\d\d\.json$/);

  await page.getByTestId('slides-import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"vn-poverty-atlas-slides","version":1,"name":"x","slides":[{"title":"a","note":"","view":"#/map?d=<x>"}]}',
    ),
  });
  await expect(page.getByTestId('slides-notice')).toContainText('Không nhập được bộ trang');
  await expect(page.getByTestId('slide-item')).toHaveCount(1);

  await page.getByRole('button', { name: 'Xoá: Trang 1' }).click();
  await expect(page.getByTestId('slide-item')).toHaveCount(0);
  await page.getByTestId('slides-import').setInputFiles(path);
  await expect(page.getByTestId('slides-notice')).toContainText('Đã nhập bộ trang');
  await expect(page.getByTestId('slide-title')).toHaveValue(SLIDES[0].title);

  // A deck made when the figures were different: the slide opens and says so.
  const older = readFileSync(path, 'utf8').replace(/v=[0-9a-f]{14}/, 'v=00000000000000');
  await page.getByTestId('slides-import').setInputFiles({
    name: 'older.json',
    mimeType: 'application/json',
    buffer: Buffer.from(older),
  });
  await page.getByTestId('slides-start').click();
  await expect(page.getByTestId('slide-heading')).toHaveText(SLIDES[0].title);
  await expect(page.getByTestId('slide-problem')).toContainText('đã thay đổi');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
});
