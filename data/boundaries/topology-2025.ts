/**
 * Topologies of the post-2025 units: one small file of the 34 provinces for the national view
 * (merged from the wards' own arcs, so province and commune borders coincide) and one file per
 * province with its communes, fetched only when a person opens that province.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, mergeArcs, quantize } from 'topojson-client';
import { topology as createTopology } from 'topojson-server';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Objects,
  Point,
  Polygon as TopoPolygon,
  Topology,
  Transform,
} from 'topojson-specification';
import { labelPoint, simplifyDistricts, type SimplificationSettings } from './topology.ts';
import { compareCodes, type PolygonalGeometry } from './types.ts';
import type { Province2025Input, WardTopology } from './vn2025-inputs.ts';

export type Province2025Properties = { code: string; name: string; nameEn: string };
export type Commune2025Properties = { code: string; name: string; provinceCode: string };
export type Label2025Properties = { code: string; name: string };

export type Provinces2025Topology = Topology<{
  provinces: GeometryCollection<Province2025Properties>;
  provinceLabels: GeometryCollection<Label2025Properties>;
}>;
export type Communes2025Topology = Topology<{
  communes: GeometryCollection<Commune2025Properties>;
  communeLabels: GeometryCollection<Label2025Properties>;
}>;

type AnyTopology = Topology<Objects>;
type Polygonal = TopoPolygon | TopoMultiPolygon;

export function buildProvinces2025Topology(
  wards: WardTopology,
  provinces: readonly Province2025Input[],
  settings: SimplificationSettings,
): Provinces2025Topology {
  const members = new Map<string, Polygonal[]>();
  for (const ward of wards.objects.wards.geometries as Polygonal[]) {
    const code = (ward.properties as { provinceCode: string }).provinceCode;
    members.set(code, [...(members.get(code) ?? []), ward]);
  }
  const features = [...provinces]
    .sort((a, b) => compareCodes(a.code, b.code))
    .flatMap((p): Feature<MultiPolygon, Province2025Properties>[] => {
      const wardsOfProvince = members.get(p.code);
      if (!wardsOfProvince) return [];
      const merged = mergeArcs(wards as unknown as Topology, wardsOfProvince);
      const geometry = feature(wards as unknown as Topology, merged).geometry as MultiPolygon;
      return [
        {
          type: 'Feature',
          properties: { code: p.code, name: p.fullName, nameEn: p.nameEn },
          geometry,
        },
      ];
    });
  const raw = createTopology({
    provinces: { type: 'FeatureCollection', features } as FeatureCollection,
  }) as AnyTopology;
  const simplified = quantize(
    simplifyDistricts(raw, settings).topology,
    settings.quantization,
  ) as AnyTopology;
  const collection = simplified.objects.provinces as GeometryCollection<Province2025Properties>;
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  return {
    type: 'Topology',
    transform: simplified.transform as Transform,
    arcs: simplified.arcs,
    objects: {
      provinces: collection,
      provinceLabels: labels(simplified, collection, (code) => names.get(code) ?? code),
    },
  } as Provinces2025Topology;
}

/** The communes of one new province, in code order, with label points. */
export function buildCommunes2025Topology(
  wards: WardTopology,
  provinceCode: string,
  quantization: number,
): Communes2025Topology {
  const geometries = (wards.objects.wards.geometries as Polygonal[])
    .filter((w) => (w.properties as { provinceCode: string }).provinceCode === provinceCode)
    .sort((a, b) =>
      compareCodes(
        (a.properties as Commune2025Properties).code,
        (b.properties as Commune2025Properties).code,
      ),
    );
  const features = geometries.map((g): Feature<Polygon | MultiPolygon, Commune2025Properties> => {
    const p = g.properties as unknown as Commune2025Properties;
    return {
      type: 'Feature',
      properties: { code: p.code, name: p.name, provinceCode: p.provinceCode },
      geometry: (feature(wards as unknown as Topology, g) as Feature).geometry as
        Polygon | MultiPolygon,
    };
  });
  const topology = createTopology(
    { communes: { type: 'FeatureCollection', features } as FeatureCollection },
    quantization,
  ) as AnyTopology;
  const collection = topology.objects.communes as GeometryCollection<Commune2025Properties>;
  return {
    type: 'Topology',
    transform: topology.transform as Transform,
    arcs: topology.arcs,
    objects: {
      communes: collection,
      communeLabels: labels(topology, collection, (_code, name) => labelName(name)),
    },
  } as Communes2025Topology;
}

/** "Xã Ba Chẽ" → "Ba Chẽ", "Phường Ba Đình" → "Ba Đình", "Đặc khu Hoàng Sa" → "Hoàng Sa". */
export function labelName(name: string): string {
  return name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/u, '');
}

function labels<P extends { code: string; name: string }>(
  topology: AnyTopology,
  collection: GeometryCollection<P>,
  nameOf: (code: string, name: string) => string,
): GeometryCollection<Label2025Properties> {
  const transform = topology.transform as Transform;
  const geometries = collection.geometries.flatMap((object): Point<Label2025Properties>[] => {
    const properties = object.properties as P;
    const decoded = feature(topology, object) as Feature<PolygonalGeometry>;
    if (!decoded.geometry) return [];
    const point = labelPoint(decoded.geometry);
    if (!point) return [];
    const [x = 0, y = 0] = point;
    return [
      {
        type: 'Point',
        coordinates: [
          Math.round((x - transform.translate[0]) / transform.scale[0]),
          Math.round((y - transform.translate[1]) / transform.scale[1]),
        ],
        properties: { code: properties.code, name: nameOf(properties.code, properties.name) },
      },
    ];
  });
  return { type: 'GeometryCollection', geometries };
}
