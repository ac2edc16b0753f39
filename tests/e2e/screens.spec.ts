import type { Page } from '@playwright/test';
import { expect, mapSettled, openAtlas, test } from './fixtures.ts';

/**
 * The look of the three layouts that matter most, against committed baselines
 * (screens.spec.ts-snapshots/): the first screen on a laptop, a presentation on a full-HD
 * projector, and the A4 print. Software WebGL draws the same pixels run after run; CI is another
 * machine of the same kind, so a small tolerance is kept. Update after an intended change with
 * `npx playwright test tests/e2e/screens.spec.ts --update-snapshots` and look at the new images.
 */
const TOLERANCE = { maxDiffPixelRatio: 0.02 };

/** The map is drawn, labelled and still; no pointer hovers over it. */
async function drawn(page: Page): Promise<void> {
  await expect(page.locator('#map')).toHaveAttribute('data-labels-ready', 'true', {
    timeout: 30_000,
  });
  await mapSettled(page);
  await page.mouse.move(0, 0);
}

test('the first screen at 1280×800', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAtlas(page, { firstScreen: true });
  await drawn(page);
  await expect(page).toHaveScreenshot('first-screen-1280x800.png', TOLERANCE);
});

test('a presentation at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAtlas(page, { firstScreen: true });
  await page.getByTestId('meeting-toggle').click();
  await page.getByTestId('slide-add').click();
  await page.getByTestId('slides-start').click();
  await expect(page.getByTestId('slide-counter')).toContainText('1 / 1');
  // Labels are twice the desktop size on a 1920 px projector; wait until they are re-placed.
  await expect
    .poll(() =>
      page.evaluate(() =>
        JSON.stringify(
          (
            window as unknown as { atlasMap: { getLayoutProperty(l: string, p: string): unknown } }
          ).atlasMap.getLayoutProperty('province-labels', 'text-size'),
        ),
      ),
    )
    .toBe(JSON.stringify(['interpolate', ['linear'], ['zoom'], 5, 20, 9, 30]));
  await drawn(page);
  // The slide's area is fitted to the map's final size, whenever the slide's heading arrives
  // (AtlasMap fits a requested area again on each resize until the reader moves the map).
  await expect(page).toHaveScreenshot('presentation-1920x1080.png', TOLERANCE);
});

for (const page_ of [
  { name: 'landscape', width: 1047, height: 718 },
  { name: 'portrait', width: 718, height: 1047 },
] as const) {
  test(`the A4 ${page_.name} print`, async ({ page }) => {
    await openAtlas(page);
    await drawn(page);
    await page.getByTestId('meeting-toggle').click();
    // The print dialog would block the test: record the call instead.
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByTestId('print').click();
    const still = page.getByTestId(`print-snapshot-${page_.name}`);
    await expect(still).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    // A4 less 10 mm margins, at 96 px per inch.
    await page.setViewportSize({ width: page_.width, height: page_.height });
    await expect(page.getByTestId('print-header')).toBeVisible();
    await expect(still).toBeVisible();

    // No blank area: the page is one sheet high, and the map's still fills the map's area —
    // from under the heading to the credits (landscape) or to the legend and credits
    // (portrait), as wide as the page less the legend's column (landscape) or the whole page —
    // and was drawn at that area's proportions, so it is neither letterboxed nor cropped.
    const geometry = await still.evaluate((img: HTMLImageElement) => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const legends = Array.from(
        document.querySelectorAll(
          '.left-column > :is([data-testid="legend"], [data-testid="lisa-legend"])',
        ),
        (element) => element.getBoundingClientRect(),
      );
      return {
        still: img.getBoundingClientRect().toJSON() as DOMRect,
        natural: { width: img.naturalWidth, height: img.naturalHeight },
        header: box('[data-testid="print-header"]').bottom,
        credits: box('[data-testid="credits"]').toJSON() as DOMRect,
        legendTop: Math.min(...legends.map((r) => r.top)),
        legendLeft: Math.min(...legends.map((r) => r.left)),
        legendBottom: Math.max(...legends.map((r) => r.bottom)),
        pageHeight: document.documentElement.scrollHeight,
      };
    });
    const gap = (4 * 96) / 25.4;
    const { still: box } = geometry;
    expect(geometry.pageHeight).toBeLessThanOrEqual(page_.height);
    expect(Math.abs(box.left)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.top - geometry.header)).toBeLessThanOrEqual(2);
    if (page_.name === 'landscape') {
      expect(Math.abs(box.right + gap - geometry.legendLeft)).toBeLessThanOrEqual(2);
      expect(Math.abs(box.bottom + gap - geometry.credits.top)).toBeLessThanOrEqual(2);
      // The credits end the page (less than a line of white under them).
      expect(page_.height - geometry.credits.bottom).toBeLessThan(16);
    } else {
      expect(Math.abs(box.right - page_.width)).toBeLessThanOrEqual(2);
      expect(Math.abs(box.bottom + gap - geometry.legendTop)).toBeLessThanOrEqual(2);
      expect(Math.abs(box.bottom + gap - geometry.credits.top)).toBeLessThanOrEqual(2);
      const lowest = Math.max(geometry.legendBottom, geometry.credits.bottom);
      expect(page_.height - lowest).toBeLessThan(16);
    }
    // Drawn at the area's proportions (within 1 %): object-fit crops next to nothing.
    const drawnRatio = geometry.natural.width / geometry.natural.height;
    const areaRatio = (box.width - 2) / (box.height - 2);
    expect(Math.abs(drawnRatio / areaRatio - 1)).toBeLessThan(0.01);

    await expect(page).toHaveScreenshot(`print-a4-${page_.name}.png`, {
      ...TOLERANCE,
      fullPage: true,
      // The date the page was printed changes every day.
      mask: [page.getByTestId('print-header').locator('p')],
    });
  });
}
