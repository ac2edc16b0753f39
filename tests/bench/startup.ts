/**
 * Start-up benchmark: the production build served locally, measured in Debian's headless
 * Chromium. Prints medians of cold starts (empty IndexedDB) and warm starts (second visit) to
 * `atlas:choropleth-ready`, the bytes each transfers, and the gzip sizes that have budgets.
 * Software WebGL sets a floor no app can go under, so the start-up budgets are ratios to it: the
 * floor is an empty map (the app's own empty style, MapLibre of the same version, a canvas of the
 * app's map size) drawn in the same run, interleaved with the app's visits. It also times a new
 * indicator and new class breaks, from the input to the map's next idle frame.
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
import {
  seedSyntheticNationalDataset,
  SYNTHETIC_COMMUNE_DATASET_ID,
} from '../e2e/synthetic-dataset.ts';
import { median, printBudgetTable, type BudgetRow } from './report.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.resolve(root, process.env.ATLAS_DIST ?? 'dist');

const BUDGETS = {
  coldRatio: 1.6,
  warmRatio: 1.35,
  communeWarmRatio: 1.8,
  recolourMs: 100,
  boundaryGzipBytes: 500 * 1024,
  appJsGzipBytes: 120 * 1024,
};

/**
 * The floor: MapLibre (the package the build bundles, served from node_modules under the same
 * origin) drawing the app's empty style at the app map's size; ready at its first idle frame.
 */
const FLOOR_PATH = '/__floor/';
const maplibreDist = path.join(root, 'node_modules', 'maplibre-gl', 'dist');
function floorPage(width: number, height: number): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${FLOOR_PATH}maplibre-gl.css">
<style>html,body{margin:0}#map{width:${width}px;height:${height}px}</style></head>
<body><div id="map"></div><script type="module">
import { Map, setWorkerUrl } from '${FLOOR_PATH}maplibre-gl.mjs';
setWorkerUrl('${FLOOR_PATH}maplibre-gl-worker.mjs');
const map = new Map({ container: 'map', style: { version: 8, sources: {}, layers: [] },
  bounds: [101.8, 6.9, 117.6, 23.5], fitBoundsOptions: { padding: 16 }, attributionControl: false,
  fadeDuration: 0 });
map.once('idle', () => { performance.mark('floor:ready'); document.body.dataset.ready = 'true'; });
</script></body></html>`;
}

/**
 * The design on its own: the prototype, rebuilt from this build's files. The first
 * screen's 63 provinces drawn from the same 2019 tile bundle, read from IndexedDB (fetched and
 * stored on a first visit), served with `addProtocol` and coloured by feature-state with a fixed
 * paint expression, with their borders — no app, no UI, no data read. What it costs over the
 * floor is what the design costs on this machine; what the app costs over it is the app's.
 */
function designPage(width: number, height: number, tilesFile: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${FLOOR_PATH}maplibre-gl.css">
<style>html,body{margin:0}#map{width:${width}px;height:${height}px}</style></head>
<body><div id="map"></div><script type="module">
import { Map, addProtocol, setWorkerUrl } from '${FLOOR_PATH}maplibre-gl.mjs';
setWorkerUrl('${FLOOR_PATH}maplibre-gl-worker.mjs');
// The best case for the design: the tiles are read while the map starts, and the style names
// the source and layers from the start, so the first tiles are asked for at once.
const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
const bundle = (async () => {
  const open = indexedDB.open('design-bench', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('tiles');
  const db = await request(open);
  let bytes = await request(db.transaction('tiles').objectStore('tiles').get('${tilesFile}'));
  if (!bytes) {
    bytes = await (await fetch('/generated/${tilesFile}')).arrayBuffer();
    await request(db.transaction('tiles', 'readwrite').objectStore('tiles').put(bytes, '${tilesFile}'));
  }
  const view = new Uint8Array(bytes);
  const headerLength = new DataView(bytes, 0, 8).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(view.subarray(8, 8 + headerLength)));
  const body = view.subarray(8 + headerLength);
  return new globalThis.Map(header.tiles.map(([z, x, y, o, l]) => [z + '/' + x + '/' + y, body.subarray(o, o + l)]));
})();
addProtocol('design', async ({ url }) => {
  const tile = (await bundle).get(url.slice('design://'.length));
  return { data: tile ? tile.slice().buffer : new ArrayBuffer(0) };
});
const role = ['==', ['get', 'role'], 'province'];
const map = new Map({ container: 'map', style: { version: 8,
    sources: { units: { type: 'vector', tiles: ['design://{z}/{x}/{y}'], minzoom: 0, maxzoom: 7,
      bounds: [101.8, 6.9, 117.6, 23.5], promoteId: { units: 'stateId' } } },
    layers: [
      { id: 'fill', type: 'fill', source: 'units', 'source-layer': 'units', filter: role,
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], '#ccc']], 'fill-antialias': false } },
      { id: 'borders', type: 'line', source: 'units', 'source-layer': 'units', filter: role,
        paint: { 'line-color': '#fff', 'line-width': 1 } },
    ] },
  bounds: [101.8, 6.9, 117.6, 23.5], fitBoundsOptions: { padding: 16 }, attributionControl: false,
  fadeDuration: 0 });
const colours = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
map.once('load', () => {
  for (let code = 1; code < 100; code += 1) {
    map.setFeatureState({ source: 'units', sourceLayer: 'units', id: 'p' + String(code).padStart(2, '0') },
      { color: colours[code % colours.length] });
  }
  map.once('idle', () => { performance.mark('floor:ready'); document.body.dataset.ready = 'true'; });
});
</script></body></html>`;
}

/** A reference page beside the app (the floor or the design alone), to its first idle frame. */
async function referenceVisit(context: BrowserContext, url: string, page: string) {
  const pattern = `**${FLOOR_PATH}**`;
  await context.unroute(pattern);
  await context.route(pattern, (route) => {
    const name = new URL(route.request().url()).pathname.slice(FLOOR_PATH.length);
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: page });
    const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
    return route.fulfill({ contentType: type, body: readFileSync(path.join(maplibreDist, name)) });
  });
  const tab = await context.newPage();
  await tab.goto(new URL(`${FLOOR_PATH}index.html`, url).href);
  await tab.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  const readyMs = await tab.evaluate(
    () => performance.getEntriesByName('floor:ready')[0]?.startTime ?? Number.NaN,
  );
  await tab.close();
  return readyMs;
}

/**
 * The national commune map: a synthetic dataset of all 3,321 communes of 2025 is stored, the
 * 2025 map is opened once (its tiles are fetched and stored), then a warm start on it is timed
 * to its first idle frame with the communes coloured (`data-era-ready`).
 */
async function communeMapVisit(context: BrowserContext, url: string): Promise<number> {
  const setup = await context.newPage();
  await setup.goto(url);
  await setup.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  await seedSyntheticNationalDataset(setup as never, 'commune');
  const link = new URL(`#/map?d=${SYNTHETIC_COMMUNE_DATASET_ID}&i=rate_start`, url).href;
  await setup.goto(link);
  await setup.locator('#map[data-era-ready="true"]').waitFor({ timeout: 60_000 });
  await setup.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await setup.close();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      if (document.querySelector('#map')?.getAttribute('data-era-ready') === 'true') {
        performance.mark('bench:communes-ready');
        watch.disconnect();
      }
    });
    watch.observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-era-ready'],
    });
  });
  await page.goto(link);
  await page.locator('#map[data-era-ready="true"]').waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(
    () => performance.getEntriesByName('bench:communes-ready')[0]?.startTime ?? Number.NaN,
  );
  await page.close();
  return ms;
}

/**
 * Time from an input to the map's next idle frame: a new indicator (new values and breaks), then
 * a new classification method (new breaks only), on the Tuyên Quang plan.
 */
async function recolourVisit(context: BrowserContext, url: string): Promise<[number, number]> {
  const page = await context.newPage();
  await page.goto(new URL('#/map?d=tuyen-quang-2020-plan&i=rate_start', url).href);
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.locator('#map[data-labels-ready="true"]').waitFor({ timeout: 60_000 });
  const timeTo = (select: string, value: string) =>
    page.evaluate(
      ([selector, option]) =>
        new Promise<number>((resolve) => {
          const map = (
            window as unknown as { atlasMap: { once(type: string, listener: () => void): void } }
          ).atlasMap;
          const element = document.querySelector<HTMLSelectElement>(selector!)!;
          const start = performance.now();
          element.value = option!;
          element.dispatchEvent(new Event('change', { bubbles: true }));
          // The next idle frame after the state has settled (Svelte updates in a microtask).
          requestAnimationFrame(() => map.once('idle', () => resolve(performance.now() - start)));
        }),
      [select, value] as const,
    );
  const indicatorMs = await timeTo('[data-testid="indicator-select"]', 'poor_start');
  await page.getByTestId('analysis-toggle').click();
  await page.locator('[data-testid="class-method"]').waitFor();
  // The panel takes its column and the map resizes: time the breaks once that is drawn.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (
          window as unknown as {
            atlasMap: { once(type: string, listener: () => void): void; triggerRepaint(): void };
          }
        ).atlasMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
  const breaksMs = await timeTo('[data-testid="class-method"]', 'quantile');
  await page.close();
  return [indicatorMs, breaksMs];
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

interface MapSize {
  width: number;
  height: number;
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
  const floor: number[] = [];
  const recolour: [number, number][] = [];
  const communes: number[] = [];
  const design = { cold: [] as number[], warm: [] as number[] };
  const tilesFile = JSON.parse(readFileSync(path.join(dist, 'generated', 'atlas.json'), 'utf8'))
    .tiles['2019'].file as string;
  let mapSize: MapSize = { width: 1280, height: 800 };
  try {
    for (const build of builds) {
      // One untimed visit warms the OS file cache and the server, so run 1 is not an outlier.
      const warmUp = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await visit(warmUp, build.url, build === current);
      if (build === current) {
        const page = await warmUp.newPage();
        await page.goto(build.url);
        await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
        mapSize = await page.evaluate(() => {
          const box = document.querySelector('#map')!.getBoundingClientRect();
          return { width: Math.round(box.width), height: Math.round(box.height) };
        });
      }
      await warmUp.close();
    }
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate which build goes first, so neither always follows the other.
      for (const build of run % 2 ? [...builds].reverse() : builds) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const withLabels = build === current;
        build.cold.push(await visit(context, build.url, withLabels));
        build.warm.push(await visit(context, build.url, withLabels));
        if (build === current) recolour.push(await recolourVisit(context, build.url));
        await context.close();
        if (build === current) {
          const communeContext = await browser.newContext({
            viewport: { width: 1280, height: 800 },
          });
          communes.push(await communeMapVisit(communeContext, build.url));
          await communeContext.close();
        }
      }
      // The app's service worker would answer the floor page's address with the app.
      const floorContext = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        serviceWorkers: 'block',
      });
      const [width, height] = [mapSize.width, mapSize.height];
      floor.push(await referenceVisit(floorContext, current.url, floorPage(width, height)));
      const page = designPage(width, height, tilesFile);
      design.cold.push(await referenceVisit(floorContext, current.url, page));
      design.warm.push(await referenceVisit(floorContext, current.url, page));
      await floorContext.close();
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
  // What the map draws: the 2019 set's tiles (the topology is fetched beside them for tables).
  const boundaryGzip = gzipSize(path.join(generated, index.tiles['2019'].file));
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
  const floorMs = median(floor);
  const communeMs = median(communes);
  const indicatorMs = median(recolour.map(([ms]) => ms));
  const breaksMs = median(recolour.map(([, ms]) => ms));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  type Row = BudgetRow;
  const rows: Row[] = [
    [
      `floor: empty map drawn, ${mapSize.width}×${mapSize.height} (median)`,
      `${floorMs.toFixed(0)} ms`,
      '',
      true,
    ],
    ['cold start → choropleth-ready (median)', `${coldMs.toFixed(0)} ms`, '', true],
    [
      'cold start / floor',
      `${(coldMs / floorMs).toFixed(2)} ×`,
      `≤ ${BUDGETS.coldRatio} ×`,
      coldMs / floorMs <= BUDGETS.coldRatio,
    ],
    ['warm start → choropleth-ready (median)', `${warmMs.toFixed(0)} ms`, '', true],
    [
      'warm start / floor',
      `${(warmMs / floorMs).toFixed(2)} ×`,
      `≤ ${BUDGETS.warmRatio} ×`,
      warmMs / floorMs <= BUDGETS.warmRatio,
    ],
    [
      'warm start, national commune map (3,321) → drawn (median)',
      `${communeMs.toFixed(0)} ms`,
      '',
      true,
    ],
    [
      'commune map warm start / floor',
      `${(communeMs / floorMs).toFixed(2)} ×`,
      `≤ ${BUDGETS.communeWarmRatio} ×`,
      communeMs / floorMs <= BUDGETS.communeWarmRatio,
    ],
    [
      'new indicator → drawn (median)',
      `${indicatorMs.toFixed(0)} ms`,
      `≤ ${BUDGETS.recolourMs} ms`,
      indicatorMs <= BUDGETS.recolourMs,
    ],
    [
      'new class breaks → drawn (median)',
      `${breaksMs.toFixed(0)} ms`,
      `≤ ${BUDGETS.recolourMs} ms`,
      breaksMs <= BUDGETS.recolourMs,
    ],
    ...(['cold', 'warm'] as const).map((start): Row => {
      const ms = median(design[start]);
      const label = `the design alone (tiles from IndexedDB, feature-state), ${start} / floor`;
      return [label, `${(ms / floorMs).toFixed(2)} × (${ms.toFixed(0)} ms)`, '', true];
    }),
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
      'national boundary tiles (2019 set), gzip',
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
  printBudgetTable(rows);
  console.log(`cold runs (ms): ${cold.map((v) => v.readyMs.toFixed(0)).join(' ')}`);
  console.log(`warm runs (ms): ${warm.map((v) => v.readyMs.toFixed(0)).join(' ')}`);
  console.log(`floor runs (ms): ${floor.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`design alone, cold runs (ms): ${design.cold.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`design alone, warm runs (ms): ${design.warm.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`commune map runs (ms): ${communes.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`scripts at start: ${[...atStart].sort().join(' ')}`);
  console.log(`WebGL renderer: ${cold[0]?.renderer}`);
  const baseline = builds[1];
  if (baseline) {
    console.log(`\nAgainst the baseline build in ${baselineDir}, interleaved in this run:`);
    console.table(
      (['cold', 'warm'] as const).map((start) => {
        const now = median(current[start].map((v) => v.readyMs));
        const before = median(baseline[start].map((v) => v.readyMs));
        const bytes = (build: Build) => median(build[start].map((v) => v.transferredBytes));
        return {
          start,
          'this build (ms)': now.toFixed(0),
          'baseline (ms)': before.toFixed(0),
          ratio: (now / before).toFixed(2),
          'this build (bytes)': kb(bytes(current)),
          'baseline (bytes)': kb(bytes(baseline)),
        };
      }),
    );
  }
  if (rows.some(([, , budget, ok]) => budget && !ok)) process.exitCode = 1;
}

await main();
