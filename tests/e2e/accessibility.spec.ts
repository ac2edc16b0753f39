import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, openAtlas, test } from './fixtures.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as an inline script, which the atlas's own CSP rightly forbids.
test.use({ bypassCSP: true });

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: unknown[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run();
    return {
      passes: result.passes.length,
      violations: result.violations as {
        id: string;
        impact: string;
        nodes: { target: string[] }[];
      }[],
    };
  });
  // axe really ran: it checked rules and some passed.
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the map view has no serious or critical accessibility violations', async ({ page }) => {
  await openAtlas(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the table view has no serious or critical accessibility violations', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Bảng số liệu' }).click();
  await expect(page.getByTestId('data-table')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the table is reachable from the keyboard through the skip link', async ({ page }) => {
  await openAtlas(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Chuyển tới bảng số liệu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('data-table')).toBeVisible();
});

test('the open-data view has no serious or critical accessibility violations', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Dữ liệu mở' }).click();
  await expect(page.getByTestId('open-data-view')).toBeVisible();
  // Warnings open too, so their text is checked as well.
  for (const summary of await page.getByTestId('open-data-view').locator('summary').all()) {
    await summary.click();
  }
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Data view has no serious or critical accessibility violations', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('data-view-toggle').click();
  await expect(page.getByTestId('data-view')).toBeVisible();
  await expect(page.getByTestId('dataset-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the scenario panel has no serious or critical accessibility violations', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('scenario-toggle').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  await expect(page.getByTestId('scenario-summary')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('text contrast meets WCAG AA on the map, its summary and legend, and the scenario panel', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Tóm tắt bản đồ' }).click();
  await page.getByTestId('scenario-toggle').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(options: object): Promise<{
            violations: { id: string; nodes: { target: string[] }[] }[];
            passes: { id: string; nodes: unknown[] }[];
          }>;
        };
      }
    ).axe;
    const run = await axe.run({ runOnly: { type: 'rule', values: ['color-contrast'] } });
    return {
      checked: run.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0,
      failing: run.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))),
    };
  });
  // The rule really looked at text: many elements passed.
  expect(result.checked).toBeGreaterThan(50);
  expect(result.failing).toEqual([]);
});

test('the meeting panel with slides, and a presentation, have no serious or critical violations', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByTestId('meeting-toggle').click();
  await page.getByTestId('slide-add').click();
  await page.getByTestId('slide-add').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('slides-start').click();
  await expect(page.getByTestId('slide-counter')).toContainText('1 / 2');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
});
