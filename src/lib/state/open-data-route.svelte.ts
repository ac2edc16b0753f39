import type { AtlasState } from './atlas-state.svelte.ts';

/** The open-data page's own address, so a report can link to it. */
export const OPEN_DATA_HASH = '#/open-data';

/**
 * Keeps `#/open-data` and the open-data view in step: the address opens the view (also on
 * Back/Forward), opening the view adds the address, leaving it removes it. Call during component
 * initialisation.
 */
export function followOpenDataRoute(atlas: AtlasState): void {
  // Before the first effect runs, so the initial address is not mistaken for a stale one.
  if (location.hash === OPEN_DATA_HASH) atlas.view = 'open-data';

  $effect(() => {
    const follow = () => {
      if (location.hash === OPEN_DATA_HASH) atlas.view = 'open-data';
      else if (atlas.view === 'open-data') atlas.view = 'map';
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  });

  $effect(() => {
    const open = atlas.view === 'open-data';
    if (open && location.hash !== OPEN_DATA_HASH) {
      history.pushState(null, '', OPEN_DATA_HASH);
    } else if (!open && location.hash === OPEN_DATA_HASH) {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  });
}
