import type { MultiPolygon, Polygon } from 'geojson';

export type PolygonalGeometry = Polygon | MultiPolygon;

/** District unit types of the 2019 boundaries, as spelled in the names' prefixes. */
export const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Huyện', 'Quận'] as const;
export type DistrictType = (typeof DISTRICT_TYPES)[number];

/** Which input a province's geometry came from (`missing`: neither had it). */
export type ProvinceSource = 'gis' | 'gis-extra' | 'missing';

export interface DistrictBoundary {
  code: string;
  /** Full name with its unit-type prefix, NFC, e.g. "Thành phố Tuyên Quang". */
  name: string;
  type: DistrictType;
  geometry: PolygonalGeometry;
}

/** One province file of the boundary inputs, validated. */
export interface ProvinceBoundary {
  code: string;
  /** The name as the boundary file spells it (may predate the code list's name). */
  name: string;
  file: string;
  source: Exclude<ProvinceSource, 'missing'>;
  /** The province outline as the file gives it; used only to find area no district covers. */
  outline: PolygonalGeometry;
  districts: DistrictBoundary[];
}

export interface AdminDistrict {
  code: string;
  name: string;
  type: string;
}

/** A province of the official code list (dvhcvn, 1 March 2025). */
export interface AdminProvince {
  code: string;
  name: string;
  type: string;
  districts: AdminDistrict[];
}

/** Orders GSO codes ("01" < "02", "070" < "071"); plain comparison, independent of locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
