import type { Map as MapLibreMap } from 'maplibre-gl';
import { getContext, setContext } from 'svelte';

/** The MapLibre map shared with layer components; they render only once the style has loaded. */
const KEY = Symbol('maplibre-map');

export function setMapContext(map: MapLibreMap): void {
  setContext(KEY, map);
}

export function getMap(): MapLibreMap {
  const map = getContext<MapLibreMap | undefined>(KEY);
  if (!map) throw new Error('map layer used outside <AtlasMap>');
  return map;
}
