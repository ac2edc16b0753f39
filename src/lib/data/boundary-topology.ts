import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Point, Polygon } from 'geojson';
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

/** What a map feature is; map layers filter the one boundary source on it. */
export type MapFeatureRole = 'district' | 'province' | 'district-label' | 'province-label';

/**
 * The feature-state id of a 2019 unit on the map (the source's `promoteId`). MapLibre reads an id
 * that looks like a number as that number, so province 40 and district 040 would share one state:
 * provinces get a letter.
 */
export function unitStateId(level: 'district' | 'province', code: string): string {
  return level === 'province' ? `p${code}` : code;
}

export interface AtlasGeometry {
  provinces: FeatureCollection<Polygon | MultiPolygon, ProvinceProperties>;
  /**
   * Every map feature in one collection. One source instead of four means one tile index and
   * fewer partial frames while tiles load, which is what start-up time is made of under
   * software WebGL. Feature-state is keyed by `stateId` (see unitStateId), not by code.
   */
  mapFeatures: FeatureCollection<
    Polygon | MultiPolygon | Point,
    { role: MapFeatureRole; code: string; name: string; stateId: string }
  >;
}

export function geometryFromTopology(topology: BoundaryTopology): AtlasGeometry {
  const collection = <P extends GeoJsonProperties>(object: GeometryCollection<P>) =>
    feature(topology, object as GeometryCollection) as unknown as FeatureCollection<never, P>;
  const provinces = collection<ProvinceProperties>(topology.objects.provinces);
  const withRole = <P extends LabelProperties>(
    features: FeatureCollection<never, P>,
    role: MapFeatureRole,
  ) =>
    features.features.map((f) => ({
      ...f,
      properties: {
        role,
        code: f.properties.code,
        name: f.properties.name,
        stateId: unitStateId(
          role.startsWith('province') ? 'province' : 'district',
          f.properties.code,
        ),
      },
    }));
  return {
    provinces,
    mapFeatures: {
      type: 'FeatureCollection',
      features: [
        ...withRole(collection<DistrictProperties>(topology.objects.districts), 'district'),
        ...withRole(provinces, 'province'),
        ...withRole(collection<LabelProperties>(topology.objects.districtLabels), 'district-label'),
        ...withRole(collection<LabelProperties>(topology.objects.provinceLabels), 'province-label'),
      ],
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
