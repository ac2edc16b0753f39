import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Debian's Chromium (never a downloaded browser), with the flags this sandbox needs: no
 * background networking, so the only requests are the page's own. Headless Chromium still gives
 * MapLibre WebGL, through SwiftShader.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * A test build (`npm run build:test`, VITE_TEST_HOOKS=1) writes this file into its dist: the
 * end-to-end tests and the benchmarks read the map through `window.atlasMap`, which the
 * production build (`npm run build`) leaves out.
 */
export const TEST_HOOKS_MARKER = 'test-hooks.txt';

export const TEST_BUILD_HINT =
  'build one with its test hooks: `npm run build:test`, or VITE_TEST_HOOKS=1 npx vite build (with your ATLAS_DIST)';

/** Throws, saying how to build one, unless `dist` is a test build. */
export function assertTestBuild(dist: string): void {
  if (!existsSync(path.join(dist, TEST_HOOKS_MARKER))) {
    throw new Error(`${dist} is not a test build: ${TEST_BUILD_HINT}`);
  }
}
