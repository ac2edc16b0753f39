import { defineConfig } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  TEST_BUILD_HINT,
  TEST_HOOKS_MARKER,
} from './tests/browser.ts';

// E2E_PORT (with ATLAS_DIST) lets two test runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.ATLAS_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // The production build, as a person gets it, with the test hooks the specs read the map by
  // (`npm run build:test`); a build without them is refused at once, saying how to make one.
  webServer: {
    command: `test -f '${DIST}/${TEST_HOOKS_MARKER}' || { echo '${DIST} is not a test build: ${TEST_BUILD_HINT}' >&2; exit 1; }; npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
