/**
 * Start-up benchmark: the production build served locally, measured in Debian's headless
 * Chromium. Prints medians of cold starts (empty IndexedDB) and warm starts (second visit) to
 * `atlas:choropleth-ready`, the bytes each transfers, and the gzip sizes that have budgets.
 * Usage: `npm run bench` (builds first). RUNS=9 npm run bench for more runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.join(root, 'dist');

const BUDGETS = {
  coldMs: 1500,
  warmMs: 800,
  boundaryGzipBytes: 500 * 1024,
  appJsGzipBytes: 120 * 1024,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Visit {
  readyMs: number;
  transferredBytes: number;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const client = await context.newCDPSession(page);
  await client.send('Network.enable');
  let transferredBytes = 0;
  client.on('Network.loadingFinished', (event) => (transferredBytes += event.encodedDataLength));
  await page.goto(url);
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  const readyMs = await page.evaluate(
    () => performance.getEntriesByName('atlas:choropleth-ready')[0]!.startTime,
  );
  await page.close();
  return { readyMs, transferredBytes };
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

async function main(): Promise<void> {
  const server = await preview({
    root,
    preview: { port: 4174, strictPort: true, host: '127.0.0.1' },
  });
  const url = 'http://127.0.0.1:4174/';
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const cold: Visit[] = [];
  const warm: Visit[] = [];
  try {
    // One untimed visit warms the OS file cache and the server, so run 1 is not an outlier.
    const warmUp = await browser.newContext();
    await visit(warmUp, url);
    await warmUp.close();
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      cold.push(await visit(context, url));
      warm.push(await visit(context, url));
      await context.close();
      process.stdout.write('.');
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  process.stdout.write('\n');

  const generated = path.join(dist, 'generated');
  const index = JSON.parse(readFileSync(path.join(generated, 'atlas.json'), 'utf8'));
  const boundaryGzip = gzipSize(path.join(generated, index.boundaries.file));
  const assets = path.join(dist, 'assets');
  const scripts = readdirSync(assets).filter((file) => /\.m?js$/.test(file));
  const maplibreGzip = scripts
    .filter((file) => file.startsWith('maplibre'))
    .reduce((sum, file) => sum + gzipSize(path.join(assets, file)), 0);
  const appGzip = scripts
    .filter((file) => !file.startsWith('maplibre'))
    .reduce((sum, file) => sum + gzipSize(path.join(assets, file)), 0);

  const coldMs = median(cold.map((v) => v.readyMs));
  const warmMs = median(warm.map((v) => v.readyMs));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: [string, string, string, boolean][] = [
    [
      'cold start → choropleth-ready (median)',
      `${coldMs.toFixed(0)} ms`,
      `≤ ${BUDGETS.coldMs} ms`,
      coldMs <= BUDGETS.coldMs,
    ],
    [
      'warm start → choropleth-ready (median)',
      `${warmMs.toFixed(0)} ms`,
      `≤ ${BUDGETS.warmMs} ms`,
      warmMs <= BUDGETS.warmMs,
    ],
    ['warm / cold ratio', (warmMs / coldMs).toFixed(2), '', true],
    [
      'cold start bytes transferred (median)',
      kb(median(cold.map((v) => v.transferredBytes))),
      '',
      true,
    ],
    [
      'warm start bytes transferred (median)',
      kb(median(warm.map((v) => v.transferredBytes))),
      '',
      true,
    ],
    [
      'national boundaries, gzip',
      kb(boundaryGzip),
      `≤ ${kb(BUDGETS.boundaryGzipBytes)}`,
      boundaryGzip <= BUDGETS.boundaryGzipBytes,
    ],
    [
      'app JavaScript without maplibre-gl, gzip',
      kb(appGzip),
      `≤ ${kb(BUDGETS.appJsGzipBytes)}`,
      appGzip <= BUDGETS.appJsGzipBytes,
    ],
    ['maplibre-gl JavaScript, gzip', kb(maplibreGzip), '', true],
  ];
  console.log(`\nStart-up benchmark — ${RUNS} runs each, production build, headless Chromium\n`);
  console.table(
    rows.map(([measure, value, budget, ok]) => ({
      measure,
      value,
      budget,
      ok: budget ? (ok ? 'yes' : 'NO') : '',
    })),
  );
  console.log(`cold runs (ms): ${cold.map((v) => v.readyMs.toFixed(0)).join(' ')}`);
  console.log(`warm runs (ms): ${warm.map((v) => v.readyMs.toFixed(0)).join(' ')}`);
  if (rows.some(([, , budget, ok]) => budget && !ok)) process.exitCode = 1;
}

await main();
