import type { StyleSpecification } from 'maplibre-gl';

export const SEA_COLOR = '#cfe3ef';
export const LABEL_FONT = 'Noto Sans';
/** The one GeoJSON source holding every boundary and label feature (see `mapFeatures`). */
export const BOUNDARY_SOURCE = 'boundaries';
/** The imported boundary set on view (one at a time). */
export const USER_BOUNDARY_SOURCE = 'user-boundaries';

/**
 * An entirely local style: no tiles, sprites or glyph server. Omitting `glyphs` makes MapLibre
 * draw text with the page's own web font (self-hosted Noto Sans, which covers Vietnamese).
 */
export function createBaseStyle(): StyleSpecification {
  // The sea is the map container's CSS background: the canvas clears to transparent, and a
  // background layer would cost one more shader program.
  return { version: 8, sources: {}, layers: [] };
}

/** Vietnam's mainland and both archipelagos, so Hoàng Sa and Trường Sa are in the first frame. */
export const VIETNAM_BOUNDS: [number, number, number, number] = [101.8, 6.9, 117.6, 23.5];
