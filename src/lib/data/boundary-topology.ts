import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { UnitLevel } from '../domain/dataset.ts';

/** The shape of `boundaries-2019.topojson` as the data build writes it. */
export interface DistrictProperties extends ProvinceProperties {
  provinceCode: string;
  provinceName: string;
}

export interface ProvinceProperties {
  [key: string]: string;
  code: string;
  name: string;
  type: string;
}

export interface LabelProperties {
  [key: string]: string;
  code: string;
  name: string;
}

export type BoundaryTopology = Topology<{
  districts: GeometryCollection<DistrictProperties>;
  provinces: GeometryCollection<ProvinceProperties>;
  districtLabels: GeometryCollection<LabelProperties>;
  provinceLabels: GeometryCollection<LabelProperties>;
}>;

/** What a map feature is; map layers filter the boundary source on it. */
export type MapFeatureRole =
  'district' | 'province' | 'commune' | 'district-label' | 'province-label' | 'commune-label';

/**
 * The feature-state id of a unit on the map (the source's `promoteId`). MapLibre reads an id
 * that looks like a number as that number, so province 40 and district 040 would share one state:
 * provinces get a letter.
 */
export function unitStateId(level: UnitLevel, code: string): string {
  return level === 'province' ? `p${code}` : code;
}

export type MapFeatureProperties = {
  role: MapFeatureRole;
  code: string;
  name: string;
  stateId: string;
};
export type MapFeatures = FeatureCollection<Polygon | MultiPolygon | Point, MapFeatureProperties>;

export interface AtlasGeometry {
  provinces: FeatureCollection<Polygon | MultiPolygon, ProvinceProperties>;
  /**
   * Every map feature in one collection, as the tiles hold them (see `mapFeaturesOf`): kept for
   * what needs whole geometry (label points for keyboard navigation, bounding boxes).
   */
  mapFeatures: MapFeatures;
}

/**
 * A topology's units and label points as one collection told apart by `role`: what the data
 * build cuts into one source-layer of tiles. Feature-state is keyed by `stateId` (see
 * unitStateId), not by code.
 */
export function mapFeaturesOf(
  topology: Topology,
  objects: readonly (readonly [object: string, role: MapFeatureRole])[],
): MapFeatures {
  return {
    type: 'FeatureCollection',
    features: objects.flatMap(([object, role]) =>
      (
        feature(topology, topology.objects[object] as GeometryCollection) as FeatureCollection<
          Polygon | MultiPolygon | Point,
          { code: string; name: string }
        >
      ).features.map((f) => ({
        ...f,
        properties: {
          role,
          code: f.properties.code,
          name: f.properties.name,
          stateId: unitStateId(role.replace('-label', '') as UnitLevel, f.properties.code),
        },
      })),
    ),
  };
}

/** The objects of `boundaries-2019.topojson` and `2025/*.topojson`, in drawing order. */
export const MAP_OBJECTS_2019 = [
  ['districts', 'district'],
  ['provinces', 'province'],
  ['districtLabels', 'district-label'],
  ['provinceLabels', 'province-label'],
] as const;
export const MAP_OBJECTS_2025_PROVINCES = [
  ['provinces', 'province'],
  ['provinceLabels', 'province-label'],
] as const;
export const MAP_OBJECTS_2025_COMMUNES = [
  ['communes', 'commune'],
  ['communeLabels', 'commune-label'],
] as const;

export function geometryFromTopology(topology: BoundaryTopology): AtlasGeometry {
  // The map draws from tiles: the GeoJSON is built on first use (a search, keyboard navigation,
  // an export), not at start.
  let provinces: AtlasGeometry['provinces'] | undefined;
  let mapFeatures: MapFeatures | undefined;
  return {
    get provinces() {
      return (provinces ??= feature(
        topology,
        topology.objects.provinces as GeometryCollection,
      ) as unknown as AtlasGeometry['provinces']);
    },
    get mapFeatures() {
      return (mapFeatures ??= mapFeaturesOf(topology, MAP_OBJECTS_2019));
    },
  };
}

export interface UnitInfo {
  level: UnitLevel;
  code: string;
  name: string;
  type: string;
  provinceCode: string;
}

/** Provinces and districts as a flat list, for look-ups, tables and storage. */
export function unitsFromTopology(topology: BoundaryTopology): UnitInfo[] {
  const provinces = topology.objects.provinces.geometries.map((geometry) => {
    const p = geometry.properties as ProvinceProperties;
    return { level: 'province' as const, ...pick(p), provinceCode: p.code };
  });
  const districts = topology.objects.districts.geometries.map((geometry) => {
    const p = geometry.properties as DistrictProperties;
    return { level: 'district' as const, ...pick(p), provinceCode: p.provinceCode };
  });
  return [...provinces, ...districts];
}

function pick({ code, name, type }: ProvinceProperties) {
  return { code, name, type };
}
