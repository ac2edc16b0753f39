import { UNITS_LAYER } from '../data/tile-bundle.ts';

/**
 * The map source of the 2025 units (see EraState): the 2025 set's vector tiles, the 34 provinces
 * and all 3,321 communes with their label points, told apart by `role` as the 2019 set's are.
 */
export const BOUNDARIES_2025_SOURCE = 'boundaries-2025';
/** What every 2025 layer draws from: `...BOUNDARIES_2025_LAYER_SOURCE` in its specification. */
export const BOUNDARIES_2025_LAYER_SOURCE = {
  source: BOUNDARIES_2025_SOURCE,
  'source-layer': UNITS_LAYER,
};

/** A 2025 feature by its state id (`unitStateId`), for its feature-state. */
export function boundary2025Feature(id: string): {
  source: string;
  sourceLayer: string;
  id: string;
} {
  return { source: BOUNDARIES_2025_SOURCE, sourceLayer: UNITS_LAYER, id };
}

/**
 * The 2025 layers mount after the sovereignty labels (when the era is switched), so they go
 * below them: Biển Đông, Hoàng Sa and Trường Sa stay on top.
 */
export const BELOW_SOVEREIGNTY = 'sea-labels';
