import type { MultiPolygon, Polygon, Position } from 'geojson';
import { createBoundaryProblem, type BoundaryProblem } from './boundary-problems.ts';

/** A property value as stored: what GeoJSON, TopoJSON and .dbf files hold, nested values as JSON. */
export type PropertyValue = string | number | boolean | null;

/** A feature as a reader found it: nothing about its geometry is known yet. */
export interface RawFeature {
  geometry: unknown;
  properties: Record<string, PropertyValue>;
}

export interface BoundaryFeature {
  geometry: Polygon | MultiPolygon;
  properties: Record<string, PropertyValue>;
}

export interface BoundaryLimits {
  maxBytes: number;
  maxFeatures: number;
  maxVertices: number;
}

/**
 * Big enough for every commune of Vietnam (about 10,600 in 2019) at a useful detail, small
 * enough that IndexedDB and MapLibre's worker stay quick on an office laptop.
 */
export const BOUNDARY_LIMITS: BoundaryLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxFeatures: 12_000,
  maxVertices: 3_000_000,
};

/**
 * Vietnam's mainland and islands (Trường Sa reaches 117.8° E and 6.5° N) with a margin, in WGS84
 * degrees. A coordinate beyond ±180/±90 cannot be a degree: the file is projected.
 */
export const VIETNAM_EXTENT = { west: 101.5, south: 5.5, east: 118.5, north: 24 } as const;

function inVietnam(x: number, y: number): boolean {
  const e = VIETNAM_EXTENT;
  return x >= e.west && x <= e.east && y >= e.south && y <= e.north;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function propertyValue(value: unknown): PropertyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value) ?? null;
}

export function propertiesOf(value: unknown): Record<string, PropertyValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const properties: Record<string, PropertyValue> = {};
  for (const [key, item] of Object.entries(value)) properties[key] = propertyValue(item);
  return properties;
}

class FeatureProblem extends Error {
  constructor(readonly problem: BoundaryProblem) {
    super(problem.message);
  }
}

/**
 * Checks every feature and returns them only when all pass: Polygon or MultiPolygon, finite
 * longitude/latitude inside Vietnam, closed rings of at least three distinct points. Each feature
 * reports its first problem; a projected file is said once, since every feature shares the cause.
 */
export function validateFeatures(
  raw: readonly RawFeature[],
  limits: BoundaryLimits = BOUNDARY_LIMITS,
): { features: BoundaryFeature[]; problems: BoundaryProblem[] } {
  const problems: BoundaryProblem[] = [];
  if (raw.length === 0) {
    return { features: [], problems: [createBoundaryProblem('error', 'no-features')] };
  }
  if (raw.length > limits.maxFeatures) {
    const params = { count: raw.length, limit: limits.maxFeatures };
    return {
      features: [],
      problems: [createBoundaryProblem('error', 'too-many-features', {}, params)],
    };
  }
  const features: BoundaryFeature[] = [];
  let vertices = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const feature = i + 1;
    try {
      const geometry = checkGeometry(raw[i]!.geometry, feature);
      vertices += countVertices(geometry);
      features.push({ geometry, properties: raw[i]!.properties });
    } catch (error) {
      if (!(error instanceof FeatureProblem)) throw error;
      problems.push(error.problem);
      // One projected feature means a projected file: listing the rest adds nothing.
      if (error.problem.kind === 'projected' || error.problem.kind === 'swapped') break;
    }
    if (vertices > limits.maxVertices) {
      const params = { count: vertices, limit: limits.maxVertices };
      problems.push(createBoundaryProblem('error', 'too-many-vertices', {}, params));
      break;
    }
  }
  return { features: problems.length > 0 ? [] : features, problems };
}

function countVertices(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length;
  return count;
}

function checkGeometry(geometry: unknown, feature: number): Polygon | MultiPolygon {
  const problem = (kind: Parameters<typeof createBoundaryProblem>[1], params = {}) =>
    new FeatureProblem(createBoundaryProblem('error', kind, { feature }, params));
  if (geometry === null || geometry === undefined) throw problem('no-geometry');
  if (typeof geometry !== 'object') throw problem('geometry-type', { type: typeof geometry });
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    throw problem('geometry-type', { type: typeof type === 'string' ? type : 'unknown' });
  }
  if (!Array.isArray(coordinates)) throw problem('bad-coordinates', { detail: 'no coordinates' });
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (polygons.length === 0) throw problem('empty-geometry');
  let ringNumber = 0;
  const checked = polygons.map((polygon: unknown) => {
    if (!Array.isArray(polygon)) throw problem('bad-coordinates', { detail: 'not a polygon' });
    if (polygon.length === 0) throw problem('empty-geometry');
    return polygon.map((ring: unknown) => {
      ringNumber += 1;
      return checkRing(ring, ringNumber, problem);
    });
  });
  return type === 'Polygon' ? { type, coordinates: checked[0]! } : { type, coordinates: checked };
}

function checkRing(
  ring: unknown,
  ringNumber: number,
  problem: (
    kind: 'bad-coordinates' | 'bad-ring' | 'projected' | 'swapped' | 'outside-vietnam',
    params?: Record<string, string | number>,
  ) => FeatureProblem,
): Position[] {
  if (!Array.isArray(ring)) {
    throw problem('bad-coordinates', { detail: `ring ${ringNumber} is not a list of points` });
  }
  const positions: Position[] = [];
  for (let p = 0; p < ring.length; p += 1) {
    const point = ring[p] as unknown;
    const x = Array.isArray(point) ? point[0] : undefined;
    const y = Array.isArray(point) ? point[1] : undefined;
    if (
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      throw problem('bad-coordinates', { detail: `ring ${ringNumber}, point ${p + 1}` });
    }
    if (!inVietnam(x, y)) {
      if (inVietnam(y, x)) throw problem('swapped', { x: round(x), y: round(y) });
      if (Math.abs(x) > 180 || Math.abs(y) > 90) {
        throw problem('projected', { detail: `x = ${round(x)}, y = ${round(y)}` });
      }
      throw problem('outside-vietnam', { x: round(x), y: round(y) });
    }
    positions.push([round(x), round(y)]);
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  // Unclosed rings are common in hand-made files and unambiguous to close.
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push(first);
  const distinct = new Set(positions.map(([x, y]) => `${x},${y}`));
  if (distinct.size < 3) throw problem('bad-ring', { ring: ringNumber });
  return positions;
}
