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
