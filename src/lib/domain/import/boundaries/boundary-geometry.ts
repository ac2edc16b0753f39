import { booleanClockwise, booleanPointInPolygon } from '@turf/turf';
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

/** A record with no prototype: a property named `constructor` or `__proto__` is just a name. */
export function emptyProperties(): Record<string, PropertyValue> {
  return Object.create(null) as Record<string, PropertyValue>;
}

export function propertiesOf(value: unknown): Record<string, PropertyValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return emptyProperties();
  const properties = emptyProperties();
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
 * longitude/latitude inside Vietnam, closed rings of at least three distinct points, no ring
 * crossing itself or another ring of its polygon, every hole inside its shell. Simple faults are
 * repaired and counted: unclosed rings closed, repeated points dropped, rings wound the wrong
 * way rewound (RFC 7946: shells counter-clockwise, holes clockwise). Each feature reports its
 * first problem; a projected file is said once, since every feature shares the cause.
 */
export function validateFeatures(
  raw: readonly RawFeature[],
  limits: BoundaryLimits = BOUNDARY_LIMITS,
): { features: BoundaryFeature[]; problems: BoundaryProblem[]; rewound: number } {
  const problems: BoundaryProblem[] = [];
  if (raw.length === 0) {
    return { features: [], problems: [createBoundaryProblem('error', 'no-features')], rewound: 0 };
  }
  if (raw.length > limits.maxFeatures) {
    const params = { count: raw.length, limit: limits.maxFeatures };
    return {
      features: [],
      problems: [createBoundaryProblem('error', 'too-many-features', {}, params)],
      rewound: 0,
    };
  }
  const features: BoundaryFeature[] = [];
  let vertices = 0;
  const repairs = { rewound: 0 };
  for (let i = 0; i < raw.length; i += 1) {
    const feature = i + 1;
    try {
      const geometry = checkGeometry(raw[i]!.geometry, feature, repairs);
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
  return { features: problems.length > 0 ? [] : features, problems, rewound: repairs.rewound };
}

function countVertices(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length;
  return count;
}

function checkGeometry(
  geometry: unknown,
  feature: number,
  repairs: { rewound: number },
): Polygon | MultiPolygon {
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
    const first = ringNumber + 1;
    const rings = polygon.map((ring: unknown) => {
      ringNumber += 1;
      return checkRing(ring, ringNumber, problem);
    });
    const crossing = findCrossing(rings);
    if (crossing) {
      throw problem('self-intersection', {
        ring: first + crossing.ring,
        x: round(crossing.x),
        y: round(crossing.y),
      });
    }
    // With no ring crossing another, a hole is outside its shell when any point of it is.
    const shell = { type: 'Polygon' as const, coordinates: [rings[0]!] };
    rings.forEach((ring, r) => {
      if (r > 0 && ring.some((point) => !booleanPointInPolygon(point, shell))) {
        throw problem('hole-outside', { ring: first + r });
      }
      // RFC 7946: shells counter-clockwise, holes clockwise.
      if (booleanClockwise(ring) !== r > 0) {
        ring.reverse();
        repairs.rewound += 1;
      }
    });
    return rings;
  });
  return type === 'Polygon' ? { type, coordinates: checked[0]! } : { type, coordinates: checked };
}

const same = (p: Position | undefined, q: Position) =>
  p !== undefined && p[0] === q[0] && p[1] === q[1];

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
    const rounded: Position = [round(x), round(y)];
    // A point repeated (often after rounding) adds a segment of no length: it is dropped.
    if (!same(positions[positions.length - 1], rounded)) positions.push(rounded);
    // A spike (A → B → A), left by simplification, encloses nothing: B and the return go.
    while (positions.length >= 3 && same(positions[positions.length - 3], rounded)) {
      positions.length -= 2;
    }
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  // Unclosed rings are common in hand-made files and unambiguous to close.
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push(first);
  const distinct = new Set(positions.map(([x, y]) => `${x},${y}`));
  if (distinct.size < 3) throw problem('bad-ring', { ring: ringNumber });
  return positions;
}

/**
 * The first place where two segments of a polygon's rings cross or overlap: a bow-tie, a
 * figure-8, a hole crossing its shell. Touching at one point (a ring pinched at a vertex, common
 * in simplified and quantised files) draws and measures correctly, and is let be.
 * A sweep over x: each segment is tested only against those whose x-range overlaps it. (turf's
 * `kinks` tests every pair of segments, which for a commune file's million vertices is hours.)
 */
export function findCrossing(
  rings: readonly Position[][],
): { ring: number; x: number; y: number } | null {
  const segments: {
    ring: number;
    i: number;
    n: number;
    a: Position;
    b: Position;
    minX: number;
    maxX: number;
  }[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length - 1;
    for (let i = 0; i < n; i += 1) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      segments.push({
        ring: r,
        i,
        n,
        a,
        b,
        minX: Math.min(a[0]!, b[0]!),
        maxX: Math.max(a[0]!, b[0]!),
      });
    }
  });
  segments.sort((s, t) => s.minX - t.minX);
  let active: typeof segments = [];
  for (const s of segments) {
    active = active.filter((t) => t.maxX >= s.minX);
    for (const t of active) {
      if (s.ring === t.ring) {
        const gap = Math.abs(s.i - t.i);
        // Neighbours share a vertex; so do the first and last segments of a closed ring.
        if (gap === 1 || gap === s.n - 1) continue;
      }
      const hit = intersection(s.a, s.b, t.a, t.b);
      if (hit) return { ring: s.ring, x: hit[0], y: hit[1] };
    }
    active.push(s);
  }
  return null;
}

/** Where segments ab and cd cross, or overlap along a line; null when apart or only touching. */
function intersection(a: Position, b: Position, c: Position, d: Position): [number, number] | null {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const [cx, cy] = c as [number, number];
  const [dx, dy] = d as [number, number];
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return null;
  const cross = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  const d1 = cross(cx, cy, dx, dy, ax, ay);
  const d2 = cross(cx, cy, dx, dy, bx, by);
  const d3 = cross(ax, ay, bx, by, cx, cy);
  const d4 = cross(ax, ay, bx, by, dx, dy);
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    const t =
      ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) /
      ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  // Collinear and overlapping along a length: a spike folded back, two rings sharing an edge.
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    const axis = ax !== bx ? 0 : 1;
    const lo = Math.max(Math.min(a[axis]!, b[axis]!), Math.min(c[axis]!, d[axis]!));
    const hi = Math.min(Math.max(a[axis]!, b[axis]!), Math.max(c[axis]!, d[axis]!));
    const start = [a, b, c, d].find((p) => p[axis] === lo)!;
    if (lo < hi) return [start[0]!, start[1]!];
  }
  return null;
}
