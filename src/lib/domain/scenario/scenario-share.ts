import { DATASET_VERSION_PATTERN } from '../dataset-version.ts';
import { parseScenarioDefinition, type ScenarioDefinition } from './scenario-definition.ts';

/**
 * A scenario in a link: `#scenario=<base64url of its JSON>&v=<base dataset's version>`. The
 * fragment never reaches a server; on load it is size-checked, decoded and parsed like any
 * untrusted input. The version (`datasetVersion` of the base figures) lets the reader say when
 * the figures have changed since the link was made; links without it still open.
 */
export const SHARE_HASH_KEY = 'scenario';
/** Far above any real scenario (a few KB), far below what could stall the page. */
export const MAX_SHARE_LENGTH = 32_000;

export type SharedScenario =
  | { kind: 'none' }
  | { kind: 'scenario'; definition: ScenarioDefinition; version: string | null }
  | { kind: 'invalid'; reason: string };

export function encodeScenarioForUrl(definition: ScenarioDefinition): string {
  const bytes = new TextEncoder().encode(JSON.stringify(definition));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function scenarioShareHash(definition: ScenarioDefinition, version: string | null): string {
  const hash = `#${SHARE_HASH_KEY}=${encodeScenarioForUrl(definition)}`;
  return version === null ? hash : `${hash}&v=${version}`;
}

/** Reads a location hash; anything other than a valid scenario is `invalid`, with the reason. */
export function scenarioFromHash(hash: string): SharedScenario {
  const prefix = `#${SHARE_HASH_KEY}=`;
  if (!hash.startsWith(prefix)) return { kind: 'none' };
  const [encoded = '', ...rest] = hash.slice(prefix.length).split('&');
  if (rest.length > 1 || (rest.length === 1 && !rest[0]!.startsWith('v='))) {
    return { kind: 'invalid', reason: 'unknown parameter' };
  }
  const version = rest.length === 1 ? rest[0]!.slice(2) : null;
  if (version !== null && !DATASET_VERSION_PATTERN.test(version)) {
    return { kind: 'invalid', reason: `version "${version.slice(0, 20)}" is not valid` };
  }
  try {
    return { kind: 'scenario', definition: decodeScenarioFromUrl(encoded), version };
  } catch (error) {
    return { kind: 'invalid', reason: (error as Error).message };
  }
}

/**
 * Decodes and checks `encodeScenarioForUrl`'s output (also the view link's `sc` parameter);
 * throws an error saying why when it is not a valid scenario.
 */
export function decodeScenarioFromUrl(encoded: string): ScenarioDefinition {
  if (encoded.length > MAX_SHARE_LENGTH) {
    throw new Error(`longer than ${MAX_SHARE_LENGTH} characters`);
  }
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('not base64url');
  let json: unknown;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(`cannot be decoded (${(error as Error).name})`);
  }
  return parseScenarioDefinition(json);
}
