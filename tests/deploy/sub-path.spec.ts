import { cspViolations, expect, test } from '../e2e/fixtures.ts';

const BASE_PATH = process.env.BASE_PATH ?? '/atlas/';

test('under a sub-path the atlas draws its map, fetches only under that path and works offline', async ({
  page,
  context,
  requests,
}) => {
  test.setTimeout(120_000);
  // A relative address, so the page opens at the sub-path of the base URL.
  const response = await page.goto('./');
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  // The production build carries no test hooks (`npm run build:test` adds them for the e2e tests).
  expect(await page.evaluate(() => 'atlasMap' in window)).toBe(false);

  const site = new URL(page.url()).origin + BASE_PATH;
  const fetched = requests.filter((url) => url.startsWith('http'));
  expect(fetched.filter((url) => !url.startsWith(site))).toEqual([]);
  expect(fetched).toContain(`${site}generated/atlas.json`);

  // The service worker is scoped to the sub-path, and once it controls the page the atlas opens
  // with no network at all.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await context.setOffline(false);
  expect(await cspViolations(page)).toEqual([]);
});

test('the open-data page, reached by its address under the sub-path, credits every source', async ({
  page,
  request,
}) => {
  const index = (await (await request.get('generated/atlas.json')).json()) as {
    sources: { id: string; attribution: string }[];
  };
  expect(index.sources.length).toBeGreaterThan(0);
  await page.goto('./#/open-data');
  await expect(page.getByTestId('open-data-view')).toBeVisible({ timeout: 60_000 });
  for (const source of index.sources) {
    await expect(page.getByTestId('open-data-view')).toContainText(source.attribution);
  }
});
