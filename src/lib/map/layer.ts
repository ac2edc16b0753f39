import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { BoundarySet } from '../domain/boundary-sets.ts';
import type { UnitLevel } from '../domain/dataset.ts';
import type { ProvenanceMark } from '../domain/provenance.ts';
import type { LisaMark } from '../scales/lisa-style.ts';

/**
 * Adds a layer (below `beforeId` when that layer exists) and returns its removal, so a component
 * can add on mount and clean up on destroy.
 */
export function mountLayer(
  map: MapLibreMap,
  layer: LayerSpecification,
  beforeId?: string,
): () => void {
  map.addLayer(layer, beforeId && map.getLayer(beforeId) ? beforeId : undefined);
  return () => {
    if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  };
}

/** Fill pattern for "no data": grey diagonal hatching, so it never reads as a low value. */
export function createHatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const onStripe = (x + y) % size < 2;
      const offset = (y * size + x) * 4;
      const [r, g, b] = onStripe ? [150, 150, 150] : [232, 232, 232];
      data.set([r, g, b, 255], offset);
    }
  }
  return { width: size, height: size, data };
}

/** Fill pattern for "partial coverage": dark-blue stripes the other way, over the class colour. */
export function createPartialImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const onStripe = (x - y + size) % size < 2;
      data.set(onStripe ? [8, 48, 107, 255] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Marks over a class colour that say where the values come from (see PROVENANCE_MARKS): dark
 * dots for a plan's targets, a grid for a survey's estimates, horizontal lines for a projection.
 */
export function createProvenanceImage(
  mark: Exclude<ProvenanceMark, 'none'>,
  size = 8,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const centre = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const on =
        mark === 'dots'
          ? Math.abs(x + 0.5 - centre) <= 1 && Math.abs(y + 0.5 - centre) <= 1
          : mark === 'grid'
            ? x === 0 || y === 0
            : y < 2;
      // The grid covers whole provinces on the national survey map: lighter, so the class colour
      // still reads under it.
      if (on) data.set([27, 27, 27, mark === 'grid' ? 90 : 200], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Marks over the LISA colours (see LISA_MARKS): white dots on cold spots, dark stripes one way
 * for high–low and the other way for low–high outliers, grey crosses on units with no neighbour.
 */
export function createLisaImage(
  mark: Exclude<LisaMark, 'none'>,
  size = 8,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const centre = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const offset = (y * size + x) * 4;
      if (mark === 'dots') {
        if (Math.abs(x + 0.5 - centre) <= 1 && Math.abs(y + 0.5 - centre) <= 1) {
          data.set([255, 255, 255, 230], offset);
        }
      } else if (mark === 'crosses') {
        if (
          (x === centre && Math.abs(y - centre) <= 2) ||
          (y === centre && Math.abs(x - centre) <= 2)
        ) {
          data.set([99, 99, 99, 255], offset);
        }
      } else {
        const stripe = mark === 'stripes-up' ? (x + y) % size : (x - y + size) % size;
        if (stripe < 2) data.set([27, 27, 27, 190], offset);
      }
    }
  }
  return { width: size, height: size, data };
}

/** The features of one level of the 2019 boundaries. */
export function levelFilter(level: 'district' | 'province'): FilterSpecification {
  return ['==', ['get', 'role'], level];
}

/**
 * Districts and provinces: for layers drawn from feature-state that only the shown level's units
 * carry (a value, hover, selection), so one fixed filter serves both levels.
 */
export const UNIT_FILTER: FilterSpecification = [
  'in',
  ['get', 'role'],
  ['literal', ['district', 'province']],
];

/**
 * Keeps a layer in the style only while `present`. A paint property switched between a constant
 * and a feature-state expression breaks MapLibre's next feature-state update ("this.expression
 * .evaluate is not a function"), so a layer that is sometimes off is removed, not made transparent
 * by a constant. It comes back below the first of `before` that is there, keeping the order.
 */
export function keepLayer(
  map: MapLibreMap,
  layer: LayerSpecification,
  present: boolean,
  before: readonly string[],
): void {
  const exists = map.getLayer(layer.id) !== undefined;
  if (present && !exists)
    map.addLayer(
      layer,
      before.find((id) => map.getLayer(id)),
    );
  else if (!present && exists) map.removeLayer(layer.id);
}

/**
 * A label layer's text size at the shell's display scale (2 × on a 1920 px projector while
 * presenting): a constant size, or a zoom ramp of [zoom, size] stops.
 */
export function scaledTextSize(
  size: number | readonly (readonly [number, number])[],
  factor: number,
): number | ExpressionSpecification {
  if (typeof size === 'number') return size * factor;
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    ...size.flatMap(([zoom, px]) => [zoom, px * factor]),
  ] as ExpressionSpecification;
}

/** Keeps a label layer's text size at the display scale (a layout change: symbols re-placed). */
export function followDisplayScale(
  map: MapLibreMap,
  layerId: string,
  size: number | readonly (readonly [number, number])[],
  factor: number,
): void {
  if (map.getLayer(layerId))
    map.setLayoutProperty(layerId, 'text-size', scaledTextSize(size, factor));
}

/**
 * A built-in set's layer of one kind (`choropleth`, `no-data`, `borders`, `labels`, `partial`):
 * `district-choropleth` for the 2019 sets, `province-2025-choropleth` for another tile set's, so
 * the sets' layers can share one source's style without clashing.
 */
export function setLayerId(set: Pick<BoundarySet, 'level' | 'tiles'>, kind: string): string {
  return set.tiles === '2019' || set.tiles === null
    ? `${set.level}-${kind}`
    : `${set.level}-${set.tiles}-${kind}`;
}

/** The layer of one kind over all units of a tile set (`unit-highlight`, `unit-2025-highlight`). */
export function tilesLayerId(tiles: '2019' | '2025', kind: string): string {
  return tiles === '2019' ? `unit-${kind}` : `unit-${tiles}-${kind}`;
}

/** How a level's borders and labels are drawn, whichever set (2019, 2025) the units are of. */
export interface LevelStyle {
  /** A level with no parent frames the map: grey borders, drawn at every zoom. */
  borderColor: string;
  /** [zoom, px] stops. */
  borderWidth: readonly (readonly [number, number])[];
  borderMinZoom: number;
  /** [zoom, px] stops of its labels' text. */
  textSize: readonly (readonly [number, number])[];
  textMaxWidth: number;
  textColor: string;
  haloWidth: number;
}

export const LEVEL_STYLES: Readonly<Record<UnitLevel, LevelStyle>> = {
  province: {
    borderColor: '#6b6b6b',
    borderWidth: [
      [4, 0.5],
      [8, 1.2],
      [11, 2],
    ],
    borderMinZoom: 0,
    textSize: [
      [5, 10],
      [9, 15],
    ],
    textMaxWidth: 8,
    textColor: '#222',
    haloWidth: 1.4,
  },
  district: {
    borderColor: '#ffffff',
    borderWidth: [
      [4, 0.2],
      [8, 0.8],
      [11, 1.5],
    ],
    borderMinZoom: 0,
    textSize: [
      [7.5, 10],
      [11, 14],
    ],
    textMaxWidth: 7,
    textColor: '#333',
    haloWidth: 1.2,
  },
  // About 100 communes per province: their borders only once they can be told apart.
  commune: {
    borderColor: '#ffffff',
    borderWidth: [
      [6, 0.3],
      [9, 0.9],
      [12, 1.6],
    ],
    borderMinZoom: 6,
    textSize: [
      [8.5, 10],
      [12, 13],
    ],
    textMaxWidth: 7,
    textColor: '#333',
    haloWidth: 1.2,
  },
};

/** A zoom ramp of [zoom, value] stops as a MapLibre expression. */
export function zoomRamp(stops: readonly (readonly [number, number])[]): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    ...stops.flatMap(([zoom, value]) => [zoom, value]),
  ] as ExpressionSpecification;
}

/** The features of one role (a set's units, or its label points) in a tile set's one layer. */
export function roleFilter(role: string): FilterSpecification {
  return ['==', ['get', 'role'], role];
}

/** Every unit of the given levels (for layers over all of a tile set's units: the highlight). */
export function rolesFilter(roles: readonly string[]): FilterSpecification {
  return ['in', ['get', 'role'], ['literal', [...roles]]];
}

/**
 * The feature-state writes that bring a layer from what it was given (`applied`) to `next`: only
 * units whose state changed, and a unit that had a value and has none is cleared once (then
 * forgotten: an unset state reads as no value). Updates `applied`. A scenario slider changes
 * values many times a second, and the 3,321 communes have mostly none: writing every unit each
 * time would cost more than the drawing.
 */
export function stateChanges<S>(
  applied: Map<string, S>,
  next: ReadonlyMap<string, S>,
  cleared: S,
  same: (a: S, b: S) => boolean,
): [string, S][] {
  const writes: [string, S][] = [];
  for (const [code, state] of next) {
    const before = applied.get(code);
    if (before !== undefined && same(before, state)) continue;
    applied.set(code, state);
    writes.push([code, state]);
  }
  for (const code of [...applied.keys()]) {
    if (next.has(code)) continue;
    applied.delete(code);
    writes.push([code, cleared]);
  }
  return writes;
}
