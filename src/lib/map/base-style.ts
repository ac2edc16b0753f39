import type { StyleSpecification } from 'maplibre-gl';

export const SEA_COLOR = '#cfe3ef';
export const LABEL_FONT = 'Noto Sans';

/**
 * An entirely local style: no tiles, sprites or glyph server. Omitting `glyphs` makes MapLibre
 * draw text with the page's own web font (self-hosted Noto Sans, which covers Vietnamese).
 */
export function createBaseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } }],
  };
}

/** Vietnam's mainland and both archipelagos, so Hoàng Sa and Trường Sa are in the first frame. */
export const VIETNAM_BOUNDS: [number, number, number, number] = [102.1, 7.6, 117.2, 23.4];
