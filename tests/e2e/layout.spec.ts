import type { Page } from '@playwright/test';
import { shellViolations } from './axe.ts';
import { expect, openAtlas, test } from './fixtures.ts';

// axe is injected as an inline script, which the atlas's own CSP rightly forbids.
test.use({ bypassCSP: true });

/** A laptop or meeting-room projector, a full-HD screen, a phone. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];

/**
 * Every visible control (button, input, select, link, focusable element) that is not inside
 * the viewport's width, or is not the element found at its own centre once scrolled into view
 * within its panel — i.e. something covers it or clips it.
 */
async function unreachableControls(page: Page): Promise<{ checked: number; problems: string[] }> {
  return page.evaluate(() => {
    // The map's scale bar is no button, but a map control all the same: nothing may cover it.
    const selector =
      'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]), .maplibregl-ctrl-scale';
    const controls = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter((el) => {
      if (el.closest('.sr-only, .skip, [inert]')) return false;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1;
    });
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        el.dataset.testid ? `[${el.dataset.testid}]` : ''
      } "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    for (const el of controls) {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
        continue;
      }
      // A link broken over two lines: the centre of its first line.
      const first = el.getClientRects()[0] ?? box;
      const x = first.left + first.width / 2;
      const y = first.top + first.height / 2;
      const hit = document.elementFromPoint(x, y);
      const label = hit?.closest('label');
      const reached =
        hit !== null &&
        (hit === el ||
          el.contains(hit) ||
          (label !== null && label !== undefined && label.control === el));
      if (!reached) {
        const by = hit
          ? `${hit.tagName.toLowerCase()}.${Array.from(hit.classList).join('.')}`
          : 'nothing (outside the window)';
        problems.push(`${name(el)} at ${Math.round(x)},${Math.round(y)} is covered by ${by}`);
      }
    }
    window.scrollTo(0, 0);
    return { checked: controls.length, problems };
  });
}

/** On a phone the top bar's controls fold under one button: open it when it is there. */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
    await toggle.click();
}

const VIEWS: { name: string; open(page: Page): Promise<void>; close(page: Page): Promise<void> }[] =
  [
    { name: 'map', open: async () => {}, close: async () => {} },
    {
      name: 'analysis',
      open: async (page) => {
        await openMenu(page);
        await page.getByTestId('analysis-toggle').click();
        await expect(page.getByTestId('class-method')).toBeVisible();
      },
      close: async (page) => page.getByTestId('analysis-toggle').click(),
    },
    {
      name: 'scenario',
      open: async (page) => {
        await openMenu(page);
        await page.getByTestId('scenario-toggle').click();
        await expect(page.getByTestId('scenario-summary')).toBeVisible();
      },
      close: async (page) => page.getByTestId('scenario-toggle').click(),
    },
    {
      name: 'meeting',
      open: async (page) => {
        await openMenu(page);
        await page.getByTestId('meeting-toggle').click();
        await page.getByTestId('slide-add').click();
        await expect(page.getByTestId('slides-start')).toBeEnabled();
      },
      close: async () => {},
    },
    {
      name: 'presentation',
      open: async (page) => {
        await page.getByTestId('slides-start').click();
        await expect(page.getByTestId('slide-counter')).toContainText('1 / 1');
      },
      close: async (page) => {
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('presentation')).toHaveCount(0);
        await openMenu(page);
        await page.getByTestId('meeting-toggle').click();
      },
    },
    {
      name: 'table',
      open: async (page) => {
        await openMenu(page);
        await page.getByRole('button', { name: 'Bảng số liệu' }).click();
        await expect(page.getByTestId('data-table')).toBeVisible();
      },
      close: async () => {},
    },
    {
      name: 'data',
      open: async (page) => {
        await openMenu(page);
        await page.getByTestId('data-view-toggle').click();
        await expect(page.getByTestId('dataset-row').first()).toBeVisible();
      },
      close: async () => {},
    },
    {
      name: 'open data',
      open: async (page) => {
        await openMenu(page);
        await page.getByTestId('open-data-toggle').click();
        await expect(page.getByTestId('open-data-view')).toBeVisible();
      },
      close: async (page) => {
        await openMenu(page);
        await page.getByRole('button', { name: 'Bản đồ', exact: true }).click();
      },
    },
  ];

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} every control of every view is reachable, and axe finds no landmark or serious problem`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    await openAtlas(page, { firstScreen: true });
    const problems: string[] = [];
    for (const view of VIEWS) {
      await view.open(page);
      // Animations (the map's, a panel's) have ended.
      await page.waitForTimeout(300);
      const { checked, problems: found } = await unreachableControls(page);
      // The check really looked at controls: every view has several.
      expect(checked, view.name).toBeGreaterThan(5);
      problems.push(...found.map((p) => `${view.name}: ${p}`));
      problems.push(...(await shellViolations(page)).map((p) => `${view.name}: axe ${p}`));
      await view.close(page);
    }
    expect(problems).toEqual([]);
  });
}
