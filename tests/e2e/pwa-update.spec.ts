import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seedSyntheticNationalDataset } from './synthetic-dataset.ts';

const DIST = path.resolve(process.env.ATLAS_DIST ?? 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.topojson': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * A static server whose whole site can be swapped, as a deployment does: the atlas's service
 * worker sees a new sw.js on the next navigation. On its own port, so its service worker and
 * IndexedDB start empty.
 */
async function deployableSite(root: string) {
  let current = root;
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    let file = path.join(current, pathname);
    if (!file.startsWith(current) || !existsSync(file) || statSync(file).isDirectory()) {
      // Navigations get the app; anything else that is missing is a 404.
      if (path.extname(pathname)) {
        response.writeHead(404).end();
        return;
      }
      file = path.join(current, 'index.html');
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    deploy: (next: string) => (current = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A copy of the build whose index.html changed, as the next deployment's would. */
function nextVersionOf(dist: string): string {
  const next = mkdtempSync(path.join(tmpdir(), 'atlas-next-'));
  cpSync(dist, next, { recursive: true });
  const index = path.join(next, 'index.html');
  writeFileSync(
    index,
    readFileSync(index, 'utf8').replace(
      '<head>',
      '<head>\n    <meta name="atlas-build" content="next" />',
    ),
  );
  const sw = path.join(next, 'sw.js');
  const text = readFileSync(sw, 'utf8');
  const changed = text.replace(/(url:"index\.html",revision:")([0-9a-f]+)"/, '$1$2next"');
  if (changed === text) throw new Error(`${sw}: no precache entry for index.html to change`);
  writeFileSync(sw, changed);
  return next;
}

async function ready(page: Page) {
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

test('a new deployment is offered as a reload that keeps the datasets and scenarios', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const next = nextVersionOf(DIST);
  const site = await deployableSite(DIST);
  try {
    await page.goto(site.url);
    await ready(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The person's own data: an imported dataset (its reload puts the page under the worker)…
    await seedSyntheticNationalDataset(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // …and a saved scenario.
    await page.getByTestId('scenario-toggle').click();
    await page.getByTestId('scenario-name').fill('Kịch bản giữ qua cập nhật');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-notice')).toContainText('Đã lưu kịch bản');

    site.deploy(next);
    await page.reload();
    await ready(page);
    // The running version is still the old one; the new one waits for the person's go-ahead.
    const banner = page.getByTestId('update-banner');
    await expect(banner).toContainText('Có phiên bản mới', { timeout: 60_000 });
    await expect(page.locator('meta[name="atlas-build"]')).toHaveCount(0);

    await banner.getByRole('button', { name: 'Tải lại' }).click();
    await expect(page.locator('meta[name="atlas-build"]')).toHaveCount(1, { timeout: 60_000 });
    await ready(page);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    await expect(
      page.getByRole('combobox', { name: 'Bộ dữ liệu' }).first().locator('option'),
    ).toContainText(['Dữ liệu giả lập toàn quốc (kiểm thử)']);
    // The address kept the open scenario panel through both reloads.
    await expect(page.getByTestId('scenario-panel')).toBeVisible();
    await expect(page.getByTestId('saved-scenarios').getByRole('listitem')).toContainText([
      'Kịch bản giữ qua cập nhật',
    ]);
  } finally {
    await site.close();
    rmSync(next, { recursive: true, force: true });
  }
});
