import type { Observation } from './dataset.ts';

/** 14 hex digits: `datasetVersion`'s output, and what a view link's `v` must look like. */
export const DATASET_VERSION_PATTERN = /^[0-9a-f]{14}$/;

/**
 * A short hash of a dataset's figures, so a link can tell when the data behind it has changed.
 * Order-independent (IndexedDB and the data build may list figures differently); the
 * description (title, notes) is left out because editing it does not change the map.
 */
export function datasetVersion(observations: readonly Observation[]): string {
  const known = versions.get(observations);
  if (known !== undefined) return known;
  const version = hashFigures(observations);
  versions.set(observations, version);
  return version;
}

/**
 * Each figures array's version, hashed once: a commune table's 10,000 figures take tens of
 * milliseconds, which the atlas spends in a task of its own before it shows them. Figures arrays
 * are replaced, never changed in place, so the array is the key.
 */
const versions = new WeakMap<readonly Observation[], string>();

function hashFigures(observations: readonly Observation[]): string {
  // A figure's year counts only where the figures span years: a single-year dataset keeps the
  // version it had before figures carried years, so links made then still match.
  const multiYear = new Set(observations.map((o) => o.year)).size > 1;
  const lines = observations
    .map(
      (o) =>
        `${o.unitLevel}|${o.unitCode}|${o.indicator}|${o.value}${multiYear ? `|${o.year}` : ''}`,
    )
    .sort();
  return cyrb53(lines.join('\n'));
}

/** cyrb53 (public domain): a fast 53-bit string hash; not cryptographic, and needs not be. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}
