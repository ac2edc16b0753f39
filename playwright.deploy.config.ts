import { defineConfig } from '@playwright/test';
import baseConfig from './playwright.config.ts';

/**
 * The build as a static host serves it under a sub-path (`BASE_PATH=/atlas/ npm run build`):
 * `tests/deploy/fresh-clone.sh` runs these specs in a fresh clone that has nothing beside it.
 */
const PORT = Number(process.env.E2E_PORT ?? 4190);
const BASE_PATH = process.env.BASE_PATH ?? '/atlas/';

export default defineConfig({
  ...baseConfig,
  testDir: 'tests/deploy',
  testMatch: '*.spec.ts',
  use: { ...baseConfig.use, baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}` },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    env: { BASE_PATH },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
