/**
 * Start-up benchmark: the production build served locally, measured in Debian's headless
 * Chromium. Prints medians of cold starts (empty IndexedDB) and warm starts (second visit) to
 * `atlas:choropleth-ready`, the bytes each transfers, and the gzip sizes that have budgets.
 * Usage: `npm run bench` (builds first). RUNS=9 npm run bench for more runs.
 * BASELINE=<dist directory of another build> also loads that build, interleaved run by run with
 * this one, and prints the ratios: on a shared machine only a comparison in one run is fair.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Request } from 'playwright-core';
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
  /** The map's style drawn, before any boundary: what software WebGL costs on its own. */
  mapLoadedMs: number;
  /** WebGL's renderer string: SwiftShader or llvmpipe mean the CPU draws the map. */
  renderer: string;
  /** Province, district and sovereignty labels follow the first choropleth frame. */
  labelsMs: number;
  transferredBytes: number;
  /** Script files the page (and its workers) fetched before the choropleth was ready. */
  scripts: string[];
}

/** `withLabels`: wait for the labels too (a baseline build from before their mark has none). */
async function visit(context: BrowserContext, url: string, withLabels = true): Promise<Visit> {
  const page = await context.newPage();
  const client = await context.newCDPSession(page);
  await client.send('Network.enable');
  let transferredBytes = 0;
  client.on('Network.loadingFinished', (event) => (transferredBytes += event.encodedDataLength));
  const scripts = new Set<string>();
  const onRequest = (request: Request) => {
    // The service worker precaches every chunk after the page has started; that is not the page's.
    if (request.serviceWorker()) return;
    const file = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (/\.m?js$/.test(file)) scripts.add(file);
  };
  context.on('request', onRequest);
  await page.goto(url);
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  const scriptsAtReady = [...scripts];
  context.off('request', onRequest);
  if (withLabels) await page.locator('#map[data-labels-ready="true"]').waitFor({ timeout: 60_000 });
  // A later visit finds offline use set up, as a returning reader's would: let the service worker
  // finish installing (it starts after the first map) before the page closes.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const [readyMs, labelsMs, mapLoadedMs] = await page.evaluate(() =>
    ['atlas:choropleth-ready', 'atlas:labels-ready', 'atlas:map-loaded'].map(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
    ),
  );
  const renderer = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#map canvas');
    const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  await page.close();
  return {
    renderer,
    readyMs: readyMs!,
    labelsMs: labelsMs!,
    mapLoadedMs: mapLoadedMs!,
    transferredBytes,
    scripts: scriptsAtReady,
  };
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

interface Build {
  url: string;
  cold: Visit[];
  warm: Visit[];
}

async function main(): Promise<void> {
  const servers = [
    await preview({ root, preview: { port: 4174, strictPort: true, host: '127.0.0.1' } }),
  ];
  const current: Build = { url: 'http://127.0.0.1:4174/', cold: [], warm: [] };
  const builds = [current];
  const baselineDir = process.env.BASELINE;
  if (baselineDir) {
    servers.push(
      await preview({
        root,
        build: { outDir: path.resolve(baselineDir) },
        preview: { port: 4175, strictPort: true, host: '127.0.0.1' },
      }),
    );
    builds.push({ url: 'http://127.0.0.1:4175/', cold: [], warm: [] });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const build of builds) {
      // One untimed visit warms the OS file cache and the server, so run 1 is not an outlier.
      const warmUp = await browser.newContext();
      await visit(warmUp, build.url, build === current);
      await warmUp.close();
    }
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate which build goes first, so neither always follows the other.
      for (const build of run % 2 ? [...builds].reverse() : builds) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const withLabels = build === current;
        build.cold.push(await visit(context, build.url, withLabels));
        build.warm.push(await visit(context, build.url, withLabels));
        await context.close();
      }
      process.stdout.write('.');
    }
  } finally {
    await browser.close();
    for (const server of servers) {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  }
  process.stdout.write('\n');
  const { cold, warm } = current;

  const generated = path.join(dist, 'generated');
  const index = JSON.parse(readFileSync(path.join(generated, 'atlas.json'), 'utf8'));
  const boundaryGzip = gzipSize(path.join(generated, index.boundaries.file));
  const assets = path.join(dist, 'assets');
  const scripts = readdirSync(assets).filter((file) => /\.m?js$/.test(file));
  const gzipOf = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => sum + gzipSize(path.join(assets, file)), 0);
  const isMaplibre = (file: string) => file.startsWith('maplibre');
  // The budget is for what a visit runs before its first map: the entry and what it imports
  // (the service worker and the page's own scripts). Views opened later (data import, scenario
  // panel, slides…) and the import workers are separate chunks, reported apart.
  const atStart = new Set(
    cold.flatMap((v) => v.scripts).filter((file) => scripts.includes(file) && !isMaplibre(file)),
  );
  const appGzip = gzipOf(atStart);
  const onDemandGzip = gzipOf(scripts.filter((file) => !isMaplibre(file) && !atStart.has(file)));
  const maplibreGzip = gzipOf(scripts.filter(isMaplibre));

  const coldMs = median(cold.map((v) => v.readyMs));
  const warmMs = median(warm.map((v) => v.readyMs));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  type Row = [string, string, string, boolean];
  const rows: Row[] = [
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
    ...(['cold', 'warm'] as const).flatMap((start) => {
      const visits = current[start];
      const at = (pick: (v: Visit) => number) => `${median(visits.map(pick)).toFixed(0)} ms`;
      return [
        [`${start} start → empty map drawn (median)`, at((v) => v.mapLoadedMs), '', true],
        [`${start} start → labels drawn (median)`, at((v) => v.labelsMs), '', true],
        [
          `${start} start bytes transferred (median)`,
          kb(median(visits.map((v) => v.transferredBytes))),
          '',
          true,
        ],
      ] satisfies Row[];
    }),
    [
      'national boundaries, gzip',
      kb(boundaryGzip),
      `≤ ${kb(BUDGETS.boundaryGzipBytes)}`,
      boundaryGzip <= BUDGETS.boundaryGzipBytes,
    ],
    [
      'app JavaScript at start, without maplibre-gl, gzip',
      kb(appGzip),
      `≤ ${kb(BUDGETS.appJsGzipBytes)}`,
      appGzip <= BUDGETS.appJsGzipBytes,
    ],
    ['app JavaScript loaded on demand, gzip', kb(onDemandGzip), '', true],
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
  console.log(`scripts at start: ${[...atStart].sort().join(' ')}`);
  console.log(`WebGL renderer: ${cold[0]?.renderer}`);
  const baseline = builds[1];
  if (baseline) {
    console.log(`\nAgainst the baseline build in ${baselineDir}, interleaved in this run:`);
    console.table(
      (['cold', 'warm'] as const).map((start) => {
        const now = median(current[start].map((v) => v.readyMs));
        const before = median(baseline[start].map((v) => v.readyMs));
        return {
          start,
          'this build (ms)': now.toFixed(0),
          'baseline (ms)': before.toFixed(0),
          ratio: (now / before).toFixed(2),
        };
      }),
    );
  }
  if (rows.some(([, , budget, ok]) => budget && !ok)) process.exitCode = 1;
}

await main();
