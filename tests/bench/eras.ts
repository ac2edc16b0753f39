/**
 * Two-eras benchmark: the production build served locally, in Debian's headless Chromium. On the
 * 34-province map, opens one province's communes per run (a different province each time, so
 * every fetch is uncached) and times fetch + parse + draw until the map is idle; prints the
 * median against the 1 s budget, and the gzip size of every 2025 file against 1.5 MB.
 * Usage: `npm run bench:eras` (builds first). RUNS=9 for more runs (at least 5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { assertTestBuild, CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser.ts';
import { median, printBudgetTable } from './report.ts';

const RUNS = Math.max(5, Number(process.env.RUNS ?? 7));
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.resolve(root, process.env.ATLAS_DIST ?? 'dist');
// The bench reads the map through `window.atlasMap`, which only a test build has.
assertTestBuild(dist);
const BUDGETS = { openMs: 1000, gzipBytes: 1.5 * 1024 * 1024 };

interface Index2025 {
  boundaries2025: {
    provinces: { code: string; name: string; communes: { file: string; count: number } }[];
  };
}

async function main(): Promise<void> {
  const generated = path.join(dist, 'generated');
  const index = JSON.parse(readFileSync(path.join(generated, 'atlas.json'), 'utf8')) as Index2025;
  // The largest provinces first: the slowest cases are the ones the budget is about.
  const provinces = [...index.boundaries2025.provinces]
    .sort((a, b) => b.communes.count - a.communes.count)
    .slice(0, RUNS);

  const server = await preview({
    root,
    build: { outDir: dist },
    preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const runs: { code: string; name: string; communes: number; ms: number }[] = [];
  try {
    // Reduced motion makes the fly-to instant, so the time is the communes' own cost.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByRole('radio', { name: /^2025/ }).check();
    await page.locator('#map[data-era-ready="true"]').waitFor({ timeout: 60_000 });
    for (const province of provinces) {
      const ms = await page.evaluate(async (code) => {
        const map = (
          window as unknown as {
            atlasMap: {
              getSource(id: string): unknown;
              isSourceLoaded(id: string): boolean;
              on(event: string, listener: () => void): void;
              off(event: string, listener: () => void): void;
              triggerRepaint(): void;
            };
          }
        ).atlasMap;
        const parsedBefore = performance.getEntriesByName('atlas:communes-parsed').length;
        const select = document.querySelector<HTMLSelectElement>('[data-testid="era-province"]')!;
        const started = performance.now();
        select.value = code;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () => {
            const parsed =
              performance.getEntriesByName('atlas:communes-parsed').length > parsedBefore;
            if (
              parsed &&
              map.getSource('boundaries-2025') &&
              map.isSourceLoaded('boundaries-2025')
            ) {
              map.off('idle', check);
              resolve();
            } else {
              map.triggerRepaint();
            }
          };
          map.on('idle', check);
          map.triggerRepaint();
        });
        return performance.now() - started;
      }, province.code);
      runs.push({
        code: province.code,
        name: province.name,
        communes: province.communes.count,
        ms,
      });
      process.stdout.write('.');
    }
    await context.close();
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  process.stdout.write('\n');

  const folder = path.join(generated, '2025');
  const files = readdirSync(folder).filter((f) => f !== 'manifest.json');
  const gzip = (file: string) =>
    gzipSync(readFileSync(path.join(folder, file)), { level: 9 }).length;
  const sizes = new Map(files.map((f) => [f, gzip(f)]));
  const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const communeSizes = files.filter((f) => f.startsWith('communes-')).map((f) => sizes.get(f)!);
  const openMs = median(runs.map((r) => r.ms));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: [string, string, string, boolean][] = [
    [
      `open a province's communes, fetch → idle (median of ${runs.length})`,
      `${openMs.toFixed(0)} ms`,
      `≤ ${BUDGETS.openMs} ms`,
      openMs <= BUDGETS.openMs,
    ],
    [
      `2025 files, gzip in all (${files.length} files)`,
      kb(total),
      `≤ ${kb(BUDGETS.gzipBytes)}`,
      total <= BUDGETS.gzipBytes,
    ],
    ['  34 provinces (national view), gzip', kb(sizes.get('provinces.topojson') ?? 0), '', true],
    ['  crosswalk, gzip', kb(sizes.get('crosswalk.json') ?? 0), '', true],
    ['  largest province commune file, gzip', kb(Math.max(...communeSizes)), '', true],
  ];
  console.log(`\nTwo-eras benchmark — production build, headless Chromium\n`);
  printBudgetTable(rows);
  for (const run of runs) {
    console.log(`  ${run.code} ${run.name} (${run.communes} communes): ${run.ms.toFixed(0)} ms`);
  }
  if (rows.some(([, , budget, ok]) => budget && !ok)) process.exitCode = 1;
}

await main();
