import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { TEST_HOOKS_MARKER } from './tests/browser.ts';

/**
 * Everything the atlas needs comes from its own origin. MapLibre starts its workers from blob:
 * URLs and hands images to WebGL as blob:/data: URLs. No inline styles: component CSS is built
 * into files, and styles set from script go through the CSSOM, which the policy does not govern.
 * Applied to the production build only, since Vite's dev server injects inline scripts and a
 * websocket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The headers a static host should send (README, "Deploy"): the policy again as a header, where
 * `frame-ancestors` works (a meta tag cannot carry it), so no other site can frame the atlas.
 * `npm run preview` sends them too, so every browser test runs under them.
 */
export const DEPLOY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Test hooks (`window.atlasMap`, which the end-to-end tests and the benchmarks read) are built
 * only with VITE_TEST_HOOKS=1 (`npm run build:test`); `npm run build`, the one to deploy, has none.
 * A test build says so in a file beside index.html, so the e2e server can refuse any other.
 */
function testHooksMarker(): Plugin {
  return {
    name: 'atlas-test-hooks-marker',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: TEST_HOOKS_MARKER,
        source: 'Built with VITE_TEST_HOOKS=1: exposes test hooks. Do not deploy.\n',
      });
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/**
 * d3-scale-chromatic is one file whose module-level `ramp(…)` and `colors(…)` calls the bundler
 * cannot prove pure, so every palette and interpolator (and with them d3-interpolate and d3-color)
 * came with the seven ColorBrewer schemes the first map needs. Marked pure, the unused ones go.
 */
function pureColorSchemes(): Plugin {
  return {
    name: 'atlas-pure-color-schemes',
    apply: 'build',
    transform: {
      filter: { id: /d3-scale-chromatic\.mjs$/ },
      handler: (code) => ({
        code: code.replace(
          /(?<!function )\b(ramp\$1|ramp|colors|rgb|cubehelix\$1|interpolateCubehelixLong)\(/g,
          '/*#__PURE__*/ $1(',
        ),
        map: null,
      }),
    },
  };
}

/**
 * Where the atlas is served from: `/` by default, or a sub-path such as `/atlas/` for a static host
 * that serves it beside other sites (`BASE_PATH=/atlas/ npm run build`). Asset URLs, the generated
 * data files and the service worker's scope all follow it.
 */
const base = process.env.BASE_PATH ?? '/';
if (!base.startsWith('/') || !base.endsWith('/')) {
  throw new Error(`BASE_PATH must start and end with "/" (got "${base}")`);
}

export default defineConfig({
  base,
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    pureColorSchemes(),
    process.env.VITE_TEST_HOOKS === '1' && testHooksMarker(),
    // After one visit the whole atlas works offline: the service worker precaches the app shell
    // (scripts, styles, fonts, MapLibre's worker) and IndexedDB already holds the data. A new
    // deployment installs beside the running one and waits: the page offers a reload
    // (src/lib/state/app-update.svelte.ts), so lazy chunks of the running version are never
    // deleted under it. IndexedDB is never touched.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Bản đồ giảm nghèo Việt Nam',
        short_name: 'Bản đồ giảm nghèo',
        description: 'Vietnam Poverty Reduction Atlas',
        lang: 'vi',
        theme_color: '#17324d',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,woff2}'],
        // Data files are versioned by content hash and kept in IndexedDB, not in the SW cache.
        globIgnores: ['generated/**'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so what it fetches next is cached; an
        // update still waits for the reload (no skipWaiting).
        clientsClaim: true,
        // The 2025 units are fetched only when someone opens them (1.5 MB in all): each file,
        // once fetched, is kept for offline use. Their URLs carry the content hash (?v=…), so a
        // cached copy is never stale; a new data build simply asks for new URLs.
        runtimeCaching: [
          {
            urlPattern: /\/generated\/2025\/[\w-]+\.(topojson|json)\?v=[0-9a-f]+$/,
            handler: 'CacheFirst',
            options: {
              cacheName: 'atlas-2025-units',
              expiration: { maxEntries: 120 },
            },
          },
        ],
      },
    }),
  ],
  preview: { headers: { ...DEPLOY_HEADERS } },
  build: {
    // ATLAS_DIST lets parallel test runs build and serve separate copies.
    outDir: process.env.ATLAS_DIST ?? 'dist',
    target: 'es2022',
    // Fonts and images stay files: a CSP without data: fonts, and cacheable assets.
    assetsInlineLimit: 0,
    // maplibre-gl alone is ~1 MB minified; the budget that matters is the app's own code.
    chunkSizeWarningLimit: 1200,
    // maplibre-gl is large by nature; it gets its own chunk so the app's own code stays measurable.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'data/**/*.test.ts',
      'tests/deploy/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/property-seed.ts'],
  },
});
