import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, mapSettled, openAtlas, test } from './fixtures.ts';

interface DecodedImage {
  width: number;
  height: number;
  distinctColours: number;
  /** Which of the wanted `rgb(r, g, b)` colours occur in the image. */
  found: string[];
}

/** Decodes a PNG in the page and counts its colours (every pixel, exact RGB). */
async function decodePng(page: Page, bytes: Buffer, wanted: string[]): Promise<DecodedImage> {
  return page.evaluate(
    async ({ data, wanted }) => {
      const bitmap = await createImageBitmap(
        new Blob([new Uint8Array(data)], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const colours = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4) {
        colours.add(`rgb(${pixels[i]}, ${pixels[i + 1]}, ${pixels[i + 2]})`);
      }
      return {
        width: bitmap.width,
        height: bitmap.height,
        distinctColours: colours.size,
        found: wanted.filter((colour) => colours.has(colour)),
      };
    },
    { data: [...bytes], wanted },
  );
}

async function legendColours(page: Page): Promise<string[]> {
  return page
    .getByTestId('legend')
    .locator('li .swatch:not(.no-data)')
    .evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
}

test('exports the current view as a PNG with the map, its legend colours and a description', async ({
  page,
}) => {
  await openAtlas(page);
  await mapSettled(page);
  await page.getByTestId('meeting-toggle').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(
    /^ban-do-ty-le-ho-ngheo-dau-nam-\d{4}-\d\d-\d\d\.png$/,
  );
  const bytes = await readFile((await download.path())!);

  const canvas = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#map canvas')!;
    return { width: c.width, height: c.height };
  });
  const colours = await legendColours(page);
  expect(colours.length).toBeGreaterThan(1);
  const image = await decodePng(page, bytes, colours);
  // The map at its own pixel size, with a title above, the legend beside and credits below.
  expect(image.width).toBeGreaterThan(canvas.width);
  expect(image.height).toBeGreaterThan(canvas.height);
  // Not blank: the choropleth's classes (as the on-screen legend colours them) are in the image.
  expect(image.found).toEqual(colours);
  expect(image.distinctColours).toBeGreaterThan(50);

  // The alt text is shown and travels inside the PNG (an iTXt "Description" chunk).
  const description = await page.getByTestId('export-description').textContent();
  expect(description).toContain('huyện có số liệu; cao nhất');
  expect(bytes.includes(Buffer.from('iTXt'))).toBe(true);
  expect(bytes.includes(Buffer.from(description!, 'utf8'))).toBe(true);
});

test('the print layout shows the map, heading, legend and source, and hides the controls', async ({
  page,
}) => {
  await openAtlas(page);
  await mapSettled(page);
  await page.getByTestId('meeting-toggle').click();
  // The print dialog would block the test; record the call instead.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => (w.printed += 1);
  });
  const camera = () =>
    page.evaluate(() => {
      const map = (window as unknown as { atlasMap: import('maplibre-gl').Map }).atlasMap;
      const { width, height } = map.getCanvas().getBoundingClientRect();
      return { center: map.getCenter().toArray(), zoom: map.getZoom(), width, height };
    });
  const before = await camera();
  await page.getByTestId('print').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
  // One still per page orientation; the page is landscape here.
  await expect(page.locator('img.print-snapshot')).toHaveCount(2);
  // The stills were drawn at the pages' sizes; the screen's map has its own size and view back.
  expect(await camera()).toEqual(before);
  const snapshot = page.getByTestId('print-snapshot-landscape');
  expect(await snapshot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await expect(page.getByTestId('print-header')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('indicator-select')).toBeHidden();
  await expect(page.getByTestId('meeting-toggle')).toBeHidden();
  await expect(page.getByTestId('export-png')).toBeHidden();
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toBeHidden();
  await expect(page.getByTestId('dataset-info')).toBeHidden();
  await expect(page.getByTestId('print-header')).toBeVisible();
  await expect(page.getByTestId('print-header')).toContainText('Tỷ lệ hộ nghèo đầu năm');
  await expect(page.getByTestId('print-header')).toContainText(/\d\d\/\d\d\/\d{4}/);
  await expect(page.getByTestId('legend')).toBeVisible();
  await expect(page.getByTestId('credits')).toBeVisible();
  await expect(snapshot).toBeVisible();
  const box = (await snapshot.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.height).toBeGreaterThan(200);

  // After printing, the still goes and the live map is printed (e.g. with Ctrl+P).
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('img.print-snapshot')).toHaveCount(0);
  await expect(page.locator('#map canvas')).toBeVisible();
});
