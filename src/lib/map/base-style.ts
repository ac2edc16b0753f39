import type { StyleSpecification } from 'maplibre-gl';
import { UNITS_LAYER } from '../data/tile-bundle.ts';

export const SEA_COLOR = '#cfe3ef';
export const LABEL_FONT = 'Noto Sans';
/**
 * The one vector-tile source holding every boundary and label feature of the set on view, in one
 * source-layer told apart by `role` (see tile-bundle.ts).
 */
export const BOUNDARY_SOURCE = 'boundaries';
/** What every boundary layer draws from: `...BOUNDARY_LAYER_SOURCE` in its specification. */
export const BOUNDARY_LAYER_SOURCE = { source: BOUNDARY_SOURCE, 'source-layer': UNITS_LAYER };

/** A boundary feature, for reading and writing its feature-state. */
export function boundaryFeature(id: string): { source: string; sourceLayer: string; id: string } {
  return { source: BOUNDARY_SOURCE, sourceLayer: UNITS_LAYER, id };
}
/** The imported boundary set on view (one at a time). */
export const USER_BOUNDARY_SOURCE = 'user-boundaries';

/**
 * An entirely local style: no tiles, sprites or glyph server. Omitting `glyphs` makes MapLibre
 * draw text with the page's own web font (self-hosted Noto Sans, which covers Vietnamese).
 */
export function createBaseStyle(): StyleSpecification {
  // The sea is the map container's CSS background: the canvas clears to transparent, and a
  // background layer would cost one more shader program.
  // No paint transitions: under software WebGL each frame of a 300 ms fade (MapLibre's default)
  // costs a full draw and read-back, and a recolour should simply be there.
  return { version: 8, sources: {}, layers: [], transition: { duration: 0, delay: 0 } };
}

/** Vietnam's mainland and both archipelagos, so Hoàng Sa and Trường Sa are in the first frame. */
export const VIETNAM_BOUNDS: [number, number, number, number] = [101.8, 6.9, 117.6, 23.5];
