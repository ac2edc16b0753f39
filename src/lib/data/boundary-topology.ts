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

export interface AtlasGeometry {
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  provinces: FeatureCollection<Polygon | MultiPolygon, ProvinceProperties>;
  districtLabels: FeatureCollection<Point, LabelProperties>;
  provinceLabels: FeatureCollection<Point, LabelProperties>;
}

export function geometryFromTopology(topology: BoundaryTopology): AtlasGeometry {
  const collection = <P extends GeoJsonProperties>(object: GeometryCollection<P>) =>
    feature(topology, object as GeometryCollection) as unknown as FeatureCollection<never, P>;
  return {
    districts: collection(topology.objects.districts),
    provinces: collection(topology.objects.provinces),
    districtLabels: collection(topology.objects.districtLabels),
    provinceLabels: collection(topology.objects.provinceLabels),
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
