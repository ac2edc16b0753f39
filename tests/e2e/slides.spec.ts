import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
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

/** The decks IndexedDB holds, in their order: name and number of slides, read with the plain API. */
async function storedDecks(page: Page): Promise<[string, number][] | null> {
  return page.evaluate(
    () =>
      new Promise<[string, number][] | null>((resolve) => {
        const request = indexedDB.open('vn-poverty-atlas');
        request.onerror = () => resolve(null);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('slideDecks')) return resolve(null);
          const all = db.transaction('slideDecks').objectStore('slideDecks').getAll();
          all.onsuccess = () => {
            db.close();
            const records = all.result as { name: string; position: number; json: string }[];
            resolve(
              records
                .sort((a, b) => a.position - b.position)
                .map((r) => [r.name, (JSON.parse(r.json) as { slides: unknown[] }).slides.length]),
            );
          };
        };
      }),
  );
}

/** Slides in the first stored deck. */
async function storedSlideCount(page: Page): Promise<number> {
  return (await storedDecks(page))?.[0]?.[1] ?? -1;
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

test('any number of decks: create, rename, duplicate, reorder, delete; each kept, exported as PNGs and printed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openAtlas(page);
  await page.getByTestId('meeting-toggle').click();
  const deckName = page.getByTestId('deck-name');
  await deckName.fill('Họp giao ban');
  await deckName.press('Tab');
  await addSlide(page, SLIDES[0], 0);
  await addSlide(page, SLIDES[1], 1);

  await page.getByTestId('deck-new').click();
  await expect(page.getByTestId('slide-item')).toHaveCount(0);
  await deckName.fill('Họp tỉnh');
  await deckName.press('Tab');
  await addSlide(page, SLIDES[2], 0);

  // The first deck, duplicated: the copy follows it and has its own slides.
  await page.getByTestId('deck-select').selectOption({ index: 0 });
  await expect(page.getByTestId('slide-item')).toHaveCount(2);
  await page.getByTestId('deck-duplicate').click();
  await expect(deckName).toHaveValue('Họp giao ban (bản sao)');
  await page.getByRole('button', { name: 'Xoá: Trang 2' }).click();
  await expect(page.getByTestId('slide-item')).toHaveCount(1);
  // Moved to the end with the keyboard-usable buttons.
  await page.getByTestId('deck-down').click();
  await expect(page.getByTestId('deck-down')).toBeDisabled();
  const options = () =>
    page
      .getByTestId('deck-select')
      .locator('option')
      .evaluateAll((all) => all.map((o) => o.textContent));
  await expect
    .poll(options)
    .toEqual(['1. Họp giao ban (2)', '2. Họp tỉnh (1)', '3. Họp giao ban (bản sao) (1)']);
  await expect
    .poll(() => storedDecks(page), { timeout: 30_000 })
    .toEqual([
      ['Họp giao ban', 2],
      ['Họp tỉnh', 1],
      ['Họp giao ban (bản sao)', 1],
    ]);

  // Deleting asks first; cancelling keeps the deck.
  await page.getByTestId('deck-delete').click();
  await expect(page.getByTestId('decks')).toContainText(
    'Xoá bộ trang «Họp giao ban (bản sao)» cùng 1 trang',
  );
  await page.getByTestId('decks').getByRole('button', { name: 'Huỷ' }).click();
  await page.getByTestId('deck-delete').click();
  await page.getByTestId('deck-delete-confirm').click();
  await expect.poll(options).toEqual(['1. Họp giao ban (2)', '2. Họp tỉnh (1)']);
  await expect
    .poll(() => storedDecks(page), { timeout: 30_000 })
    .toEqual([
      ['Họp giao ban', 2],
      ['Họp tỉnh', 1],
    ]);

  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await page.getByTestId('meeting-toggle').click();
  await expect.poll(options).toEqual(['1. Họp giao ban (2)', '2. Họp tỉnh (1)']);
  await expect(deckName).toHaveValue('Họp giao ban');

  // The deck's slides as PNG images in one ZIP, in order, each a real PNG with the slide's title.
  const before = await page.getByTestId('indicator-select').inputValue();
  expect(before).not.toBe(SLIDES[1].indicator);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('deck-images').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^trinh-chieu-hop-giao-ban-\d{4}-\d\d-\d\d\.zip$/);
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const names = Object.keys(zip);
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/^01-ban-do-dau-nam-2020-.*\.png$/);
  expect(names[1]).toMatch(/^02-ban-do-cuoi-nam-2020-.*\.png$/);
  for (const name of names) {
    expect([...zip[name]!.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  }
  await expect(page.getByTestId('slides-notice')).toContainText(
    'Đã tải ảnh các trang; số trang: 2',
  );
  // The view that was open before comes back.
  await expect(page.getByTestId('indicator-select')).toHaveValue(before);

  // Print: one page per slide, the rest of the page hidden on paper.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByTestId('deck-select').selectOption({ index: 1 });
  await page.getByTestId('deck-print').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('deck-print-page')).toHaveCount(1);
  await expect(page.getByTestId('deck-print-page')).toContainText('Số hộ nghèo đầu năm');
  await expect(page.getByTestId('deck-print-page').locator('img')).toBeVisible();
  await expect(page.locator('#map')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  expect(await cspViolations(page)).toEqual([]);
});
