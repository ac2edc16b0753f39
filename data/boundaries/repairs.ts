import {
  area,
  booleanPointInPolygon,
  difference,
  feature,
  featureCollection,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import {
  bboxesIntersect,
  bboxOf,
  geometryArea,
  normalisePolygonal,
  polygonsOf,
} from './geometry.ts';
import type { DistrictBoundary, PolygonalGeometry, ProvinceBoundary } from './types.ts';

/**
 * Districts that absorbed a neighbour in 2019–2021 while the source kept only their old outline:
 * the absorbed territory is inside the province outline but in no district. Each entry names the
 * piece by a point inside it. Legal basis: Nghị quyết 864/NQ-UBTVQH14 (Cao Bằng, 2020),
 * 830/NQ-UBTVQH14 (Hòa Bình, 2019), 867/NQ-UBTVQH14 (Quảng Ngãi, 2020) and 1111/NQ-UBTVQH14
 * (TP Hồ Chí Minh, 2020).
 */
export const ABSORBED_DISTRICTS: readonly AbsorbedDistrict[] = [
  { provinceCode: '04', former: 'Huyện Thông Nông', intoCode: '045', point: [105.95, 22.81] },
  { provinceCode: '04', former: 'Huyện Trà Lĩnh', intoCode: '047', point: [106.32, 22.81] },
  { provinceCode: '04', former: 'Huyện Phục Hòa', intoCode: '049', point: [106.54, 22.54] },
  { provinceCode: '17', former: 'Huyện Kỳ Sơn', intoCode: '148', point: [105.4, 20.93] },
  { provinceCode: '51', former: 'Huyện Tây Trà', intoCode: '525', point: [108.37, 15.16] },
  { provinceCode: '79', former: 'Quận 2 and Quận 9', intoCode: '769', point: [106.82, 10.82] },
];

export interface AbsorbedDistrict {
  provinceCode: string;
  former: string;
  intoCode: string;
  point: [number, number];
}

export interface RepairResult {
  province: ProvinceBoundary;
  repairs: string[];
  warnings: string[];
}

/** Below this share of the outline left uncovered, the difference is slivers: not worth clipping. */
const UNCOVERED_SHARE_TOLERANCE = 0.001;
/** Uncovered pieces smaller than this (km²) are slivers between outline and districts. */
const MIN_PIECE_KM2 = 1;
/** Overlaps smaller than this (km²) are rounding noise, not worth rewriting a district for. */
const MIN_OVERLAP_KM2 = 0.001;

/**
 * Fills land that no district covers in gis/ provinces, then cuts gis-extra districts back where
 * they overlap gis/ ones (the source's README: prefer gis/ wherever the two disagree).
 */
export function repairProvinces(provinces: readonly ProvinceBoundary[]): {
  provinces: ProvinceBoundary[];
  repairs: string[];
  warnings: string[];
} {
  const repairs: string[] = [];
  const warnings: string[] = [];
  const attempt = (province: ProvinceBoundary, repair: () => RepairResult): ProvinceBoundary => {
    try {
      const result = repair();
      repairs.push(...result.repairs);
      warnings.push(...result.warnings);
      return result.province;
    } catch (error) {
      // Polygon clipping can fail on odd input; the unrepaired province is still drawable.
      warnings.push(
        `${province.code} ${province.name}: repair failed (${(error as Error).message})`,
      );
      return province;
    }
  };
  const filled = provinces.map((p) =>
    p.source === 'gis' ? attempt(p, () => fillUncoveredArea(p)) : p,
  );
  const preferred = filled.filter((p) => p.source === 'gis').flatMap((p) => p.districts);
  const result = filled.map((p) =>
    p.source === 'gis' ? p : attempt(p, () => trimOverlaps(p, preferred)),
  );
  return { provinces: result, repairs, warnings };
}

/**
 * Gives the territory that the province outline covers but no district does to the district
 * that absorbed it (ABSORBED_DISTRICTS); what no entry claims is reported and left empty.
 */
export function fillUncoveredArea(
  province: ProvinceBoundary,
  absorbed: readonly AbsorbedDistrict[] = ABSORBED_DISTRICTS,
): RepairResult {
  const outlineArea = geometryArea(province.outline);
  const districtArea = province.districts.reduce((sum, d) => sum + geometryArea(d.geometry), 0);
  if (outlineArea - districtArea <= outlineArea * UNCOVERED_SHARE_TOLERANCE) {
    return { province, repairs: [], warnings: [] };
  }
  const label = `${province.code} ${province.name}`;
  const gap = difference(
    featureCollection([
      feature(province.outline),
      ...province.districts.map((d) => feature(d.geometry)),
    ]),
  );
  if (!gap) return { province, repairs: [], warnings: [] };

  const repairs: string[] = [];
  const warnings: string[] = [];
  const districts = new Map(province.districts.map((d) => [d.code, d]));
  let unclaimedKm2 = 0;
  for (const piece of polygonsOf(gap.geometry)) {
    const pieceKm2 = area({ type: 'Polygon', coordinates: piece }) / 1e6;
    if (pieceKm2 < MIN_PIECE_KM2) continue;
    const entry = absorbed.find(
      (a) =>
        a.provinceCode === province.code &&
        districts.has(a.intoCode) &&
        booleanPointInPolygon(a.point, { type: 'Polygon', coordinates: piece }),
    );
    const target = entry && districts.get(entry.intoCode);
    const merged = target && unionGeometries(target.geometry, piece);
    if (!entry || !target || !merged) {
      unclaimedKm2 += pieceKm2;
      continue;
    }
    districts.set(target.code, { ...target, geometry: merged });
    repairs.push(
      `${label}: ${pieceKm2.toFixed(1)} km² in no district (former ${entry.former}) given to ${target.code} ${target.name}`,
    );
  }
  if (unclaimedKm2 > 0) {
    warnings.push(
      `${label}: ${unclaimedKm2.toFixed(1)} km² of the province outline is in no district`,
    );
  }
  const repaired = { ...province, districts: [...districts.values()] };
  return { province: repaired, repairs, warnings };
}

/**
 * Cuts from each district of a fallback-source province whatever overlaps districts of the
 * preferred source (gis-extra's Quảng Ninh overlaps its gis/ neighbours by ~48 km²), so that
 * no place belongs to two districts.
 */
export function trimOverlaps(
  province: ProvinceBoundary,
  preferred: readonly DistrictBoundary[],
): RepairResult {
  const label = `${province.code} ${province.name}`;
  const preferredBoxes = preferred.map((d) => ({ district: d, bbox: bboxOf(d.geometry) }));
  const repairs: string[] = [];
  const warnings: string[] = [];
  const districts = province.districts.map((district) => {
    const bbox = bboxOf(district.geometry);
    const others = preferredBoxes
      .filter((p) => bboxesIntersect(bbox, p.bbox))
      .map((p) => p.district);
    if (others.length === 0) return district;
    const before = area(district.geometry) / 1e6;
    const trimmed = difference(
      featureCollection([feature(district.geometry), ...others.map((d) => feature(d.geometry))]),
    );
    const cleaned = trimmed && normalisePolygonal(trimmed.geometry).geometry;
    if (!cleaned) {
      warnings.push(
        `${label}: ${district.code} ${district.name} lies wholly inside other districts; kept as is`,
      );
      return district;
    }
    const removedKm2 = before - area(cleaned) / 1e6;
    if (removedKm2 < MIN_OVERLAP_KM2) return district;
    repairs.push(
      `${label}: cut ${removedKm2.toFixed(2)} km² of ${district.code} ${district.name} that overlaps districts of another source`,
    );
    return { ...district, geometry: cleaned };
  });
  return { province: { ...province, districts }, repairs, warnings };
}

function unionGeometries(
  geometry: PolygonalGeometry,
  piece: Position[][],
): PolygonalGeometry | null {
  const merged: Feature<Polygon | MultiPolygon> | null = union(
    featureCollection([
      feature(geometry),
      feature<Polygon>({ type: 'Polygon', coordinates: piece }),
    ]),
  );
  return merged && normalisePolygonal(merged.geometry).geometry;
}
