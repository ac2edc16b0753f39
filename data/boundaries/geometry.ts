import type { Position } from 'geojson';
import type { PolygonalGeometry } from './types.ts';

/** The polygons of a Polygon or MultiPolygon, as rings of positions. */
export function polygonsOf(geometry: PolygonalGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Signed planar area (shoelace) in the units of the coordinates; positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % n] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum / 2;
}

/** Planar area of a polygon (exterior less holes), in square degrees. */
export function polygonArea(rings: readonly Position[][]): number {
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
}

/** Planar area of a (Multi)Polygon, in square degrees. */
export function geometryArea(geometry: PolygonalGeometry): number {
  return polygonsOf(geometry).reduce((sum, polygon) => sum + polygonArea(polygon), 0);
}

/** The polygon with the largest area; the first one on ties, so the choice is deterministic. */
export function largestPolygon(geometry: PolygonalGeometry): Position[][] | undefined {
  let best: Position[][] | undefined;
  let bestArea = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    const area = polygonArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

export function bboxOf(geometry: PolygonalGeometry): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return [x0, y0, x1, y1];
}

export function bboxesIntersect(a: readonly number[], b: readonly number[]): boolean {
  const [ax0 = 0, ay0 = 0, ax1 = 0, ay1 = 0] = a;
  const [bx0 = 0, by0 = 0, bx1 = 0, by1 = 0] = b;
  return ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1;
}

/** Rings enclosing less (square degrees, ~1 m²) are slivers, not land. */
const MIN_RING_AREA = 1e-10;

/**
 * Closed 2-D ring without repeated consecutive positions, or null when it encloses no area.
 * The sources repeat points and carry a sliver triangle of ~0.01 m² (Sa Thầy, 616) that
 * quantization would collapse into a degenerate ring.
 */
export function cleanRing(ring: readonly Position[]): Position[] | null {
  const out: Position[] = [];
  for (const [x = NaN, y = NaN] of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  if (out.length < 4 || Math.abs(ringArea(out)) < MIN_RING_AREA) return null;
  return out;
}

/**
 * Cleans every ring and winds exteriors counter-clockwise and holes clockwise (RFC 7946), since
 * the source mixes both orientations and topojson-client's mergeArcs can only stitch
 * consistently wound rings. Polygons whose exterior encloses nothing are dropped.
 */
export function normalisePolygonal(geometry: PolygonalGeometry): {
  geometry: PolygonalGeometry | null;
  droppedRings: number;
} {
  let droppedRings = 0;
  const polygons: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const rings: Position[][] = [];
    for (const [i, raw] of polygon.entries()) {
      const ring = cleanRing(raw);
      if (!ring) {
        droppedRings += i === 0 ? polygon.length : 1;
        if (i === 0) break;
        continue;
      }
      const counterClockwise = ringArea(ring) > 0;
      if (counterClockwise !== (i === 0)) ring.reverse();
      rings.push(ring);
    }
    if (rings.length > 0) polygons.push(rings);
  }
  if (polygons.length === 0) return { geometry: null, droppedRings };
  const [only] = polygons;
  return {
    geometry:
      geometry.type === 'Polygon' && only && polygons.length === 1
        ? { type: 'Polygon', coordinates: only }
        : { type: 'MultiPolygon', coordinates: polygons },
    droppedRings,
  };
}
