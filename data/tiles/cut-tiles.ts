/**
 * Cuts a boundary set's map features into vector tiles (geojson-vt, then vt-pbf), z0 to
 * `maxzoom`, into one bundle file (see src/lib/data/tile-bundle.ts). MapLibre over-zooms the last
 * level, so it carries enough detail for a few levels beyond it.
 */
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bbox } from '@turf/turf';
import type {
  MapFeatureProperties,
  MapFeatureRole,
  MapFeatures,
} from '../../src/lib/data/boundary-topology.ts';
import { UNITS_LAYER, writeTileBundle } from '../../src/lib/data/tile-bundle.ts';

export interface TileCutOptions {
  set: string;
  maxzoom: number;
  /** Simplification at each level, in units of a 4096 tile extent (geojson-vt's default is 3). */
  tolerance: number;
  /**
   * The first tile level that carries each kind of label point. Thousands of label points are
   * most of a low-zoom tile, and the map shows them only from these levels on.
   */
  labelMinZoom: Partial<Record<MapFeatureRole, number>>;
  /**
   * Units drawn at every level however small: simplification drops rings under a pixel, which
   * would take the Hoàng Sa and Trường Sa islands off the national map.
   */
  neverDropped?: readonly string[];
}

const EXTENT = 4096;

export function cutTileBundle(features: MapFeatures, options: TileCutOptions): Uint8Array {
  const isLabel = (role: MapFeatureRole) => role.endsWith('-label');
  const index = (subset: MapFeatures['features'], tolerance = options.tolerance) =>
    new GeoJSONVT(
      { type: 'FeatureCollection', features: subset },
      {
        // geojson-vt leaves its last level unsimplified; cutting one level deeper and not writing
        // it keeps the written last level simplified like the others (half the bytes).
        maxZoom: options.maxzoom + 1,
        indexMaxZoom: options.maxzoom,
        indexMaxPoints: 0,
        tolerance,
        extent: EXTENT,
        // Enough for line joins and fills at a tile edge; labels are points, never clipped.
        buffer: 16,
      },
    );
  // Names are drawn only from label points; on thousands of shapes per tile they would be a
  // third of the bytes. The app knows every unit's name by its code.
  const kept = new Set(options.neverDropped ?? []);
  const unnamed = features.features
    .filter((f) => !isLabel(f.properties.role))
    .map((f) => {
      const { role, code, stateId } = f.properties;
      return { ...f, properties: { role, code, stateId } as MapFeatureProperties };
    });
  const shapes = index(unnamed.filter((f) => !kept.has(f.properties.stateId)));
  const whole = index(
    unnamed.filter((f) => kept.has(f.properties.stateId)),
    0,
  );
  const labels = index(features.features.filter((f) => isLabel(f.properties.role)));
  const bounds = bbox(features) as [number, number, number, number];
  const tiles = new Map<string, Uint8Array>();
  for (let z = 0; z <= options.maxzoom; z += 1) {
    const [minX, maxY] = tileOf(bounds[0], bounds[1], z);
    const [maxX, minY] = tileOf(bounds[2], bounds[3], z);
    for (let x = minX; x <= maxX; x += 1) {
      for (let y = minY; y <= maxY; y += 1) {
        const shown = (labels.getTile(z, x, y)?.features ?? []).filter(
          (f: GeoJSONVTFeature) => z >= (options.labelMinZoom[f.tags?.role as MapFeatureRole] ?? 0),
        );
        const tile = shapes.getTile(z, x, y);
        const all = [
          ...(tile?.features ?? []),
          ...(whole.getTile(z, x, y)?.features ?? []),
          ...shown,
        ];
        if (all.length === 0) continue;
        const merged = { ...(tile ?? {}), features: all } as GeoJSONVTTile;
        tiles.set(
          `${z}/${x}/${y}`,
          fromGeojsonVt({ [UNITS_LAYER]: merged }, { version: 2, extent: EXTENT }),
        );
      }
    }
  }
  return writeTileBundle(
    { schema: 1, set: options.set, minzoom: 0, maxzoom: options.maxzoom, bounds },
    tiles,
  );
}

/** The Web Mercator tile holding a point. */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
  return [clamp(x), clamp(y)];
}
