import { untrack } from 'svelte';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { RouterState } from './router.svelte.ts';

/**
 * Keeps `#/open-data` and the open-data view in step: the address opens the view (also on
 * Back/Forward), opening the view adds the address, leaving it removes it. Call during component
 * initialisation.
 */
export function followOpenDataRoute(atlas: AtlasState, router: RouterState): void {
  // Before the first effect runs, so the initial address is not mistaken for a stale one.
  if (router.route.kind === 'open-data') atlas.view = 'open-data';

  $effect(() =>
    router.onNavigate((route) => {
      if (route.kind === 'open-data') atlas.view = 'open-data';
      else if (atlas.view === 'open-data') atlas.view = 'map';
    }),
  );

  $effect(() => {
    const open = atlas.view === 'open-data';
    const there = untrack(() => router.route.kind === 'open-data');
    if (open && !there) router.push({ kind: 'open-data' });
    else if (!open && there) router.replace({ kind: 'home' });
  });
}
