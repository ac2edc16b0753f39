import type { GeometryObject, Topology } from 'topojson-specification';
import { feature as topologyFeature } from 'topojson-client';
import { propertiesOf, type RawFeature } from './boundary-geometry.ts';
import { IMPORT_LIMITS, scanJson, type JsonDuplicateKey } from '../limits.ts';
import { fail } from './boundary-problems.ts';

/** Features of one layer, and the layers a person can choose from (TopoJSON objects). */
export interface LayerRead {
  layers: string[];
  layer: string | null;
  features: RawFeature[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): unknown {
  // Deep nesting overflows the stack of the readers that walk the result.
  const { tooDeepAt, duplicate } = scanJson(text);
  if (tooDeepAt >= 0) fail('json-too-deep', { limit: IMPORT_LIMITS.jsonDepth });
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    return fail('not-json', { detail: error instanceof Error ? error.message : String(error) });
  }
  // JSON.parse keeps the last of a key said twice: which code, name or ring was meant is unknown.
  if (duplicate) fail('duplicate-key', { key: duplicate.key }, duplicateWhere(duplicate));
  return data;
}

/**
 * The feature (1-based) holding a key twice — in a FeatureCollection's `features` or a TopoJSON
 * object's `geometries` — and the property when the key is one of its properties.
 */
export function duplicateWhere({ key, path }: JsonDuplicateKey): {
  feature: number | null;
  property: string | null;
} {
  let at = -1;
  if (path[0] === 'features' && typeof path[1] === 'number') at = 1;
  else if (path[0] === 'objects' && path[2] === 'geometries' && typeof path[3] === 'number') at = 3;
  if (at < 0) return { feature: null, property: null };
  const inProperties = path.length === at + 2 && path[at + 1] === 'properties';
  return { feature: (path[at] as number) + 1, property: inProperties ? key : null };
}

export function isTopology(data: unknown): boolean {
  return isRecord(data) && data.type === 'Topology';
}

/** A FeatureCollection (or one Feature); anything else is refused with its type named. */
export function readGeoJson(data: unknown): LayerRead {
  if (isRecord(data) && data.type === 'Feature') {
    return { layers: [], layer: null, features: [rawFeature(data)] };
  }
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    const type = isRecord(data) && typeof data.type === 'string' ? data.type : typeof data;
    return fail('not-feature-collection', { type: Array.isArray(data) ? 'array' : type });
  }
  return { layers: [], layer: null, features: data.features.map(rawFeature) };
}

function rawFeature(value: unknown): RawFeature {
  return isRecord(value)
    ? { geometry: value.geometry, properties: propertiesOf(value.properties) }
    : { geometry: undefined, properties: {} };
}

/** Polygons an object holds, to choose the layer a person most likely means. */
function polygonCount(object: unknown): number {
  if (!isRecord(object)) return 0;
  if (object.type === 'Polygon' || object.type === 'MultiPolygon') return 1;
  if (object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) return 0;
  return object.geometries.reduce<number>((sum, geometry) => sum + polygonCount(geometry), 0);
}

/** Any object of a topology; by default the one with the most polygons. */
export function readTopoJson(data: unknown, layer: string | null): LayerRead {
  if (!isRecord(data) || !isRecord(data.objects) || !Array.isArray(data.arcs)) {
    return fail('topojson-invalid', { detail: 'no objects or arcs' });
  }
  const { objects } = data;
  const layers = Object.keys(objects);
  if (layers.length === 0) return fail('topojson-no-object');
  const chosen =
    layer !== null && layers.includes(layer)
      ? layer
      : layers.reduce((best, name) =>
          polygonCount(objects[name]) > polygonCount(objects[best]) ? name : best,
        );
  const object = objects[chosen];
  if (!isRecord(object) || typeof object.type !== 'string') {
    return fail('topojson-invalid', { detail: `object “${chosen}” has no type` });
  }
  let converted: unknown;
  try {
    converted = topologyFeature(data as unknown as Topology, object as unknown as GeometryObject);
  } catch (error) {
    return fail('topojson-invalid', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const features =
    isRecord(converted) && Array.isArray(converted.features)
      ? converted.features.map(rawFeature)
      : [rawFeature(converted)];
  return { layers, layer: chosen, features };
}
