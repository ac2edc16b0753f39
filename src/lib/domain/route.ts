import type { ScenarioDefinition } from './scenario/scenario-definition.ts';
import { scenarioFromHash, scenarioShareHash } from './scenario/scenario-share.ts';
import { parseViewHash, serialiseView, type ViewState } from './view-url.ts';

/**
 * Every address the atlas answers to, in one place (the location hash; the path is the site's):
 * - no hash: the atlas as it opens;
 * - `#/open-data`: the open-data page;
 * - `#/map?…`: a view link (see view-url.ts);
 * - `#scenario=…`: a shared scenario (see scenario-share.ts).
 * Anything else (an in-page anchor such as `#data-table-view`) is `other`. A view or scenario
 * link that does not parse is `invalid`, with the parser's reason (in English).
 */
export type Route =
  | { kind: 'home' }
  | { kind: 'open-data' }
  | { kind: 'view'; view: ViewState }
  | { kind: 'scenario'; definition: ScenarioDefinition; version: string | null }
  | { kind: 'invalid'; of: 'view' | 'scenario'; reason: string }
  | { kind: 'other'; hash: string };

/** The routes an address can be written for. */
export type WritableRoute = Exclude<Route, { kind: 'invalid' } | { kind: 'other' }>;

export const OPEN_DATA_HASH = '#/open-data';

/** Reads a location hash (with its `#`, or empty); never throws. */
export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#') return { kind: 'home' };
  if (hash === OPEN_DATA_HASH) return { kind: 'open-data' };
  const view = parseViewHash(hash);
  if (view.kind === 'view') return { kind: 'view', view: view.view };
  if (view.kind === 'invalid') return { kind: 'invalid', of: 'view', reason: view.reason };
  const shared = scenarioFromHash(hash);
  if (shared.kind === 'scenario') {
    return { kind: 'scenario', definition: shared.definition, version: shared.version };
  }
  if (shared.kind === 'invalid') return { kind: 'invalid', of: 'scenario', reason: shared.reason };
  return { kind: 'other', hash };
}

/** The hash of a route (empty for `home`): `parseRoute(routeHash(r))` gives `r` back. */
export function routeHash(route: WritableRoute): string {
  switch (route.kind) {
    case 'home':
      return '';
    case 'open-data':
      return OPEN_DATA_HASH;
    case 'view':
      return serialiseView(route.view);
    case 'scenario':
      return scenarioShareHash(route.definition, route.version);
  }
}
