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
