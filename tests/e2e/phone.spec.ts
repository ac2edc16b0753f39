import type { Page } from '@playwright/test';
import {
  chooseCsv,
  expect,
  inView,
  labelPointOf,
  mapSettled,
  openAtlas,
  openImportWizard,
  test,
} from './fixtures.ts';
import { describeAndSave } from './describe-dataset.ts';

// A small Android phone, the narrowest screen the atlas promises to work on.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/**
 * What reaches past the screen's sides: the page scrolling sideways, or a visible element whose
 * box crosses an edge without a scrolling or clipping box around it.
 */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) problems.push(`the page scrolls sideways: ${scrollWidth} > ${width}`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (element.closest('.sr-only, .skip, .maplibregl-canvas-container')) continue;
      if (getComputedStyle(element).visibility === 'hidden') continue;
      let contained = false;
      for (let p = element.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') {
          const outer = p.getBoundingClientRect();
          contained = outer.left >= -0.5 && outer.right <= width + 0.5;
          break;
        }
      }
      if (!contained && (box.right > width + 0.5 || box.left < -0.5)) {
        const name = `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
        problems.push(`${name} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      }
    }
    return problems;
  });
}

/** The element is on screen, inside the viewport's width. */
async function expectWithinWidth(page: Page, selector: ReturnType<Page['locator']>) {
  await selector.scrollIntoViewIfNeeded();
  const box = (await selector.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
}

test('on a 360 px phone nothing overflows sideways and the map keeps the screen', async ({
  page,
}) => {
  await openAtlas(page);
  expect(await horizontalOverflow(page)).toEqual([]);
  const map = (await page.locator('#map').boundingBox())!;
  expect(map.width).toBeLessThanOrEqual(360);
  expect(map.width).toBeGreaterThan(340);
  expect(map.height).toBeGreaterThan(400);
  // The legend and the sources follow the map in the page, not over it.
  const legend = page.getByTestId('legend');
  await expectWithinWidth(page, legend);
  const [legendTop, mapBottom] = await page.evaluate(() => [
    document.querySelector('[data-testid="legend"]')!.getBoundingClientRect().top,
    document.querySelector('#map')!.getBoundingClientRect().bottom,
  ]);
  expect(legendTop).toBeGreaterThanOrEqual(mapBottom);
  await expectWithinWidth(page, page.getByTestId('credits'));
});

test('on a 360 px phone the controls fold under one button and work from there', async ({
  page,
}) => {
  await openAtlas(page);
  const toggle = page.getByTestId('menu-toggle');
  const dataset = page.getByLabel('Bộ dữ liệu');
  await expect(dataset).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  for (const control of [
    dataset,
    page.getByTestId('indicator-select'),
    page.getByRole('button', { name: 'Bảng số liệu' }),
    page.getByTestId('scenario-toggle'),
    page.getByRole('button', { name: 'English' }),
  ]) {
    await expect(control).toBeVisible();
    await expectWithinWidth(page, control);
  }
  expect(await horizontalOverflow(page)).toEqual([]);
  await dataset.selectOption('rach-gia-2022-review');
  await expect(page.getByTestId('dataset-info')).toContainText('Rạch Giá');

  // The table takes the map's place, and still fits.
  await page.getByRole('button', { name: 'Bảng số liệu' }).click();
  await expect(page.getByTestId('data-table')).toBeVisible();
  expect(await horizontalOverflow(page)).toEqual([]);
  await page.getByRole('button', { name: 'Bản đồ', exact: true }).click();
  await expect(page.locator('#map')).toBeVisible();

  // So does the scenario panel, without a sideways scroll of its own.
  await page.getByTestId('scenario-toggle').click();
  const panel = page.getByTestId('scenario-panel');
  await expect(panel).toBeVisible();
  expect(await horizontalOverflow(page)).toEqual([]);
  expect(await panel.evaluate((e) => e.parentElement!.scrollWidth)).toBeLessThanOrEqual(360);
});

test('on a 360 px phone a saved import shows the map with its figures, not the page scrolled down', async ({
  page,
}) => {
  await openAtlas(page);
  if (await page.getByTestId('menu-toggle').isVisible())
    await page.getByTestId('menu-toggle').click();
  await openImportWizard(page);
  await chooseCsv(
    page,
    'kien-giang.csv',
    ['Tên đơn vị;Số hộ nghèo;Tổng số hộ', 'TP Rạch Giá;697;60.200', 'H. An Biên;2.950;32.000'].join(
      '\n',
    ),
  );
  const wizard = page.getByTestId('import-wizard');
  // Steps 2, 3 and 4 to the last one, which is far down the page here.
  for (let step = 2; step <= 4; step += 1) {
    await wizard.getByRole('button', { name: 'Tiếp' }).click();
  }
  await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(0);
  await describeAndSave(wizard, { title: 'Kiên Giang — thử nghiệm trên điện thoại' });
  await expect(page.getByRole('combobox', { name: 'Bộ dữ liệu' })).toHaveValue(/^import-/);
  // The map is on screen, and on it the two districts of Kiên Giang.
  const map = await page.locator('#map').boundingBox();
  expect(map!.y).toBeGreaterThan(-1);
  expect(map!.y).toBeLessThan(740 / 2);
  await mapSettled(page);
  expect(await inView(page, await labelPointOf(page, '899'))).toBe(true);
});
