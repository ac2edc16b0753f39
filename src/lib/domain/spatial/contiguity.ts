import type { GeoJsonProperties } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';

/**
 * Who borders whom, as compressed sparse rows: the neighbours of unit `i` are
 * `neighbours[offsets[i]] … neighbours[offsets[i + 1] - 1]` (indices into `codes`, ascending).
 * Flat typed arrays, so the permutation loops run over memory, and a worker gets them cheaply.
 */
export interface Contiguity {
  codes: readonly string[];
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Builds the rows from unordered pairs of indices (duplicates and self-pairs are dropped). */
export function contiguityFromPairs(
  codes: readonly string[],
  pairs: Iterable<readonly [number, number]>,
): Contiguity {
  const sets = codes.map(() => new Set<number>());
  for (const [a, b] of pairs) {
    if (a === b) continue;
    sets[a]!.add(b);
    sets[b]!.add(a);
  }
  const offsets = new Int32Array(codes.length + 1);
  sets.forEach((set, i) => (offsets[i + 1] = offsets[i]! + set.size));
  const neighbours = new Int32Array(offsets[codes.length]!);
  sets.forEach((set, i) =>
    neighbours.set(
      [...set].sort((x, y) => x - y),
      offsets[i]!,
    ),
  );
  return { codes, offsets, neighbours };
}

/**
 * Queen contiguity of one geometry collection of a topology: two units are neighbours when they
 * share an arc (a stretch of border) or only a point. Every point where units meet is an arc
 * endpoint (a topology cuts its arcs at each junction, and simplification keeps them), so
 * sharing an endpoint is enough to catch corner-only touches, which `topojson-client`'s
 * `neighbors` (arcs only, rook contiguity) misses. Units without a code are skipped.
 */
export function queenContiguity(
  topology: Topology,
  objectName: string,
  codeOf: (properties: Record<string, unknown>) => string | undefined = (p) =>
    typeof p.code === 'string' ? p.code : undefined,
): Contiguity {
  const collection = topology.objects[objectName];
  if (!collection || collection.type !== 'GeometryCollection') {
    throw new Error(`queenContiguity: no geometry collection "${objectName}" in the topology`);
  }
  const endpoints = arcEndpointKeys(topology);
  const codes: string[] = [];
  /** Units touching each arc endpoint (node), and each arc. */
  const unitsAtNode = new Map<number, number[]>();
  const unitsOnArc = new Map<number, number[]>();
  const touch = <K>(index: Map<K, number[]>, key: K, unit: number) => {
    const units = index.get(key);
    if (!units) index.set(key, [unit]);
    else if (units[units.length - 1] !== unit) units.push(unit);
  };
  for (const geometry of collection.geometries) {
    const code = codeOf((geometry.properties ?? {}) as Record<string, unknown>);
    if (code === undefined) continue;
    const unit = codes.push(code) - 1;
    for (const ring of ringsOf(geometry)) {
      for (const arc of ring) {
        const index = arc < 0 ? ~arc : arc;
        touch(unitsOnArc, index, unit);
        touch(unitsAtNode, endpoints[2 * index]!, unit);
        touch(unitsAtNode, endpoints[2 * index + 1]!, unit);
      }
    }
  }
  const pairs: [number, number][] = [];
  for (const units of [...unitsOnArc.values(), ...unitsAtNode.values()]) {
    for (let i = 0; i < units.length; i += 1) {
      for (let j = i + 1; j < units.length; j += 1) pairs.push([units[i]!, units[j]!]);
    }
  }
  return contiguityFromPairs(codes, pairs);
}

/** The arc lists of a (multi)polygon's rings; other geometry types have no border. */
function ringsOf(geometry: GeometryObject<GeoJsonProperties>): number[][] {
  if (geometry.type === 'Polygon') return geometry.arcs;
  if (geometry.type === 'MultiPolygon') return geometry.arcs.flat();
  return [];
}

/**
 * Each arc's first and last position as a number key. Quantized arcs are delta-encoded integers
 * (below 2^26 for any sensible quantization), so x · 2^26 + y is exact; raw coordinates are
 * numbered as they come.
 */
function arcEndpointKeys(topology: Topology): Float64Array {
  const keys = new Float64Array(topology.arcs.length * 2);
  const quantized = topology.transform !== undefined;
  const raw = new Map<string, number>();
  const rawKey = (x: number, y: number) => {
    const text = `${x},${y}`;
    let key = raw.get(text);
    if (key === undefined) raw.set(text, (key = raw.size));
    return key;
  };
  topology.arcs.forEach((arc, index) => {
    const first = arc[0]!;
    if (quantized) {
      let x = first[0]!;
      let y = first[1]!;
      for (let i = 1; i < arc.length; i += 1) {
        x += arc[i]![0]!;
        y += arc[i]![1]!;
      }
      keys[2 * index] = first[0]! * 2 ** 26 + first[1]!;
      keys[2 * index + 1] = x * 2 ** 26 + y;
    } else {
      const last = arc[arc.length - 1]!;
      keys[2 * index] = rawKey(first[0]!, first[1]!);
      keys[2 * index + 1] = rawKey(last[0]!, last[1]!);
    }
  });
  return keys;
}
