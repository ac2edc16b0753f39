import type { Feature, FeatureCollection, Position } from 'geojson';
import polylabel from 'polylabel';
import { feature, mergeArcs, quantize } from 'topojson-client';
import { topology as createTopology } from 'topojson-server';
import { filter, presimplify, simplify } from 'topojson-simplify';
import type {
  ArcIndexes,
  GeometryCollection,
  GeometryObject,
  MultiPolygon,
  Objects,
  Point,
  Polygon,
  Properties,
  Topology,
  Transform,
} from 'topojson-specification';
import { largestPolygon, polygonArea, ringArea } from './geometry.ts';
import { compareCodes, type DistrictType, type PolygonalGeometry } from './types.ts';

export type DistrictProperties = {
  code: string;
  name: string;
  type: DistrictType;
  provinceCode: string;
  provinceName: string;
};
export type ProvinceProperties = { code: string; name: string; type: string };
export type LabelProperties = { code: string; name: string };

type WithProperties<G, P> = G & { properties: P };
export type DistrictObject = WithProperties<
  Polygon<DistrictProperties> | MultiPolygon<DistrictProperties>,
  DistrictProperties
>;
export type ProvinceObject = WithProperties<MultiPolygon<ProvinceProperties>, ProvinceProperties>;
export type LabelObject = WithProperties<Point<LabelProperties>, LabelProperties>;

/** A GeometryCollection whose members are all of one kind. */
export interface CollectionOf<
  G extends GeometryObject<P>,
  P extends Properties,
> extends GeometryCollection<P> {
  geometries: G[];
}

export type BoundaryTopology = Topology<{
  districts: CollectionOf<DistrictObject, DistrictProperties>;
  provinces: CollectionOf<ProvinceObject, ProvinceProperties>;
  districtLabels: CollectionOf<LabelObject, LabelProperties>;
  provinceLabels: CollectionOf<LabelObject, LabelProperties>;
}>;

export interface DistrictFeatureInput {
  properties: DistrictProperties;
  labelName: string;
  geometry: PolygonalGeometry;
}

export interface ProvinceInput {
  properties: ProvinceProperties;
  labelName: string;
}

export interface SimplificationSettings {
  /** Visvalingam effective area (planar, square degrees) below which a vertex is dropped. */
  minWeight: number;
  /** Grid of the quantized coordinates: this many steps across the extent on each axis. */
  quantization: number;
  /** Every ring keeps at least this many vertices, so islands never vanish. */
  minRingVertices: number;
}

export interface SimplificationStats {
  pointsBefore: number;
  pointsAfter: number;
  arcs: number;
  protectedRings: number;
  droppedRings: number;
}

/** topojson's functions are typed for property-less objects; properties pass through untouched. */
type AnyTopology = Topology<Objects>;
type WeightedArc = number[][];

/**
 * Builds the one topology of the atlas: districts (sorted by code) share arcs along common
 * borders, provinces are merged from their districts' arcs, and each unit gets a label point.
 */
export function buildBoundaryTopology(
  districts: readonly DistrictFeatureInput[],
  provinces: readonly ProvinceInput[],
  settings: SimplificationSettings,
): { topology: BoundaryTopology; stats: SimplificationStats } {
  const sorted = [...districts].sort((a, b) => compareCodes(a.properties.code, b.properties.code));
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: sorted.map((d) => ({
      type: 'Feature',
      properties: d.properties,
      geometry: d.geometry,
    })),
  };
  const raw = createTopology({ districts: collection }) as AnyTopology;
  const pointsBefore = countPoints(raw.arcs);
  const { topology: simplified, protectedRings } = simplifyDistricts(raw, settings);
  const quantized = quantize(simplified, settings.quantization);
  const { topology, droppedRings } = dropDegenerateRings(quantized);

  // Districts left with no ring (none expected) were removed from the collection by the filter.
  const districtCollection = topology.objects.districts as GeometryCollection<DistrictProperties>;
  const districtObjects = districtCollection.geometries.filter(isDistrictObject);
  const provinceObjects = mergeProvinces(topology, districtObjects, provinces);
  const transform = topology.transform as Transform;
  const districtLabelNames = new Map(sorted.map((d) => [d.properties.code, d.labelName]));
  const provinceLabelNames = new Map(provinces.map((p) => [p.properties.code, p.labelName]));

  const result: BoundaryTopology = {
    type: 'Topology',
    bbox: topology.bbox,
    transform,
    objects: {
      districts: { type: 'GeometryCollection', geometries: districtObjects },
      provinces: { type: 'GeometryCollection', geometries: provinceObjects },
      districtLabels: labelCollection(topology, districtObjects, districtLabelNames),
      provinceLabels: labelCollection(topology, provinceObjects, provinceLabelNames),
    },
    arcs: topology.arcs,
  };
  return {
    topology: result,
    stats: {
      pointsBefore,
      pointsAfter: countPoints(topology.arcs),
      arcs: topology.arcs.length,
      protectedRings,
      droppedRings,
    },
  };
}

/**
 * Topology-preserving Visvalingam simplification. A ring whose vertices would all go (islets,
 * the Hoàng Sa and Trường Sa archipelagos) keeps its most significant ones instead.
 */
export function simplifyDistricts(
  topology: AnyTopology,
  settings: SimplificationSettings,
): { topology: AnyTopology; protectedRings: number } {
  const weighted = presimplify(topology);
  const arcs = weighted.arcs as WeightedArc[];
  let protectedRings = 0;
  for (const ring of ringsOf(weighted)) {
    if (protectRing(arcs, ring, settings)) protectedRings++;
  }
  return { topology: simplify(weighted, settings.minWeight), protectedRings };
}

/** Raises the weights of a ring's strongest vertices when it would keep too few; true if so. */
function protectRing(
  arcs: WeightedArc[],
  ring: ArcIndexes,
  { minWeight, minRingVertices }: SimplificationSettings,
): boolean {
  let kept = 0;
  const candidates: { point: number[]; weight: number; order: number }[] = [];
  for (const index of ring) {
    const arc = arcs[index < 0 ? ~index : index] ?? [];
    // Arc ends are shared with the neighbouring arcs of the ring: count one end per arc.
    for (let i = 0; i < arc.length - 1; i++) {
      const point = arc[i] as number[];
      const weight = point[2] ?? 0;
      if (weight >= minWeight) kept++;
      else candidates.push({ point, weight, order: candidates.length });
    }
  }
  if (kept >= minRingVertices || candidates.length === 0) return false;
  candidates.sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { point } of candidates.slice(0, minRingVertices - kept)) point[2] = Infinity;
  return true;
}

/** Removes rings that quantization collapsed to no area (none are expected after protection). */
function dropDegenerateRings(topology: AnyTopology): {
  topology: AnyTopology;
  droppedRings: number;
} {
  const decoded = topology.arcs.map(decodeArc);
  let droppedRings = 0;
  const filtered = filter(topology, (ring) => {
    const indexes = ring as unknown as ArcIndexes;
    const positions = indexes.flatMap((i) => {
      const arc = decoded[i < 0 ? ~i : i] ?? [];
      return i < 0 ? [...arc].reverse() : arc;
    });
    const distinct = new Set(positions.map(([x, y]) => `${x},${y}`)).size;
    const keep = distinct >= 3 && ringArea(positions) !== 0;
    if (!keep) droppedRings++;
    return keep;
  });
  return { topology: filtered as AnyTopology, droppedRings };
}

/** Absolute quantized positions of a delta-encoded arc. */
function decodeArc(arc: number[][]): Position[] {
  let x = 0;
  let y = 0;
  return arc.map(([dx = 0, dy = 0]) => [(x += dx), (y += dy)]);
}

/**
 * Each province as the union of its districts' arcs (topojson-client mergeArcs), so province
 * and district borders coincide exactly. Provinces without districts are left out.
 */
export function mergeProvinces(
  topology: Topology,
  districts: readonly DistrictObject[],
  provinces: readonly ProvinceInput[],
): ProvinceObject[] {
  const byProvince = new Map<string, DistrictObject[]>();
  for (const district of districts) {
    const code = district.properties.provinceCode;
    byProvince.set(code, [...(byProvince.get(code) ?? []), district]);
  }
  return [...provinces]
    .sort((a, b) => compareCodes(a.properties.code, b.properties.code))
    .flatMap((province): ProvinceObject[] => {
      const members = byProvince.get(province.properties.code);
      if (!members) return [];
      const merged = mergeArcs(topology, members);
      return [{ type: 'MultiPolygon', arcs: merged.arcs, properties: province.properties }];
    });
}

/**
 * A point well inside the unit for its label: the pole of inaccessibility (polylabel) of its
 * largest polygon. A centroid can fall outside a crescent-shaped district or in the sea.
 */
export function labelPoint(geometry: PolygonalGeometry): Position | null {
  const polygon = largestPolygon(geometry);
  if (!polygon) return null;
  // Precision scales with the polygon (square degrees → degrees) so islets get sub-100 m accuracy.
  const precision = Math.min(1e-3, Math.max(1e-6, Math.sqrt(polygonArea(polygon)) / 100));
  const [x, y] = polylabel(polygon as [number, number][][], precision);
  return [x, y];
}

function labelCollection(
  topology: Topology,
  objects: readonly (DistrictObject | ProvinceObject)[],
  labelNames: ReadonlyMap<string, string>,
): CollectionOf<LabelObject, LabelProperties> {
  const transform = topology.transform as Transform;
  const geometries = objects.flatMap((object): LabelObject[] => {
    const { code } = object.properties;
    const decoded = feature(topology, object) as Feature<PolygonalGeometry>;
    const point = labelPoint(decoded.geometry);
    if (!point) return [];
    return [
      {
        type: 'Point',
        coordinates: quantizePosition(point, transform),
        properties: { code, name: labelNames.get(code) ?? code },
      },
    ];
  });
  return { type: 'GeometryCollection', geometries };
}

function quantizePosition([x = 0, y = 0]: Position, { scale, translate }: Transform): number[] {
  return [Math.round((x - translate[0]) / scale[0]), Math.round((y - translate[1]) / scale[1])];
}

function ringsOf(topology: AnyTopology): ArcIndexes[] {
  const rings: ArcIndexes[] = [];
  const visit = (object: GeometryObject): void => {
    if (object.type === 'Polygon') rings.push(...object.arcs);
    else if (object.type === 'MultiPolygon') rings.push(...object.arcs.flat());
    else if (object.type === 'GeometryCollection') object.geometries.forEach(visit);
  };
  Object.values(topology.objects).forEach(visit);
  return rings;
}

function isDistrictObject(object: GeometryObject<DistrictProperties>): object is DistrictObject {
  return (object.type === 'Polygon' || object.type === 'MultiPolygon') && !!object.properties;
}

function countPoints(arcs: readonly unknown[][]): number {
  return arcs.reduce((sum, arc) => sum + arc.length, 0);
}
