import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { fillUncoveredArea, trimOverlaps, type AbsorbedDistrict } from './repairs.ts';
import { rect } from './test-fixtures.ts';
import type { DistrictBoundary, ProvinceBoundary } from './types.ts';

const district = (code: string, name: string, ring: [number, number][]): DistrictBoundary => ({
  code,
  name,
  type: 'Huyện',
  geometry: { type: 'Polygon', coordinates: [ring] },
});

/** Three 0.1° squares of outline; districts cover only the first two. */
const province: ProvinceBoundary = {
  code: '04',
  name: 'Tỉnh Cao Bằng',
  file: '04.json',
  source: 'gis',
  outline: { type: 'Polygon', coordinates: [rect(106.0, 22.0, 106.3, 22.1)] },
  districts: [
    district('045', 'Huyện Hà Quảng', rect(106.0, 22.0, 106.1, 22.1)),
    district('047', 'Huyện Trùng Khánh', rect(106.1, 22.0, 106.2, 22.1)),
  ],
};
const absorbed: AbsorbedDistrict[] = [
  { provinceCode: '04', former: 'Huyện Trà Lĩnh', intoCode: '047', point: [106.25, 22.05] },
];
const km2 = (d: DistrictBoundary | undefined) => area(d!.geometry) / 1e6;
const gapKm2 = (
  area({ type: 'Polygon', coordinates: [rect(106.2, 22.0, 106.3, 22.1)] }) / 1e6
).toFixed(1);

describe('fillUncoveredArea', () => {
  it('gives land in no district to the district that absorbed it', () => {
    const result = fillUncoveredArea(province, absorbed);
    const [haQuang, trungKhanh] = result.province.districts;

    expect(km2(trungKhanh)).toBeCloseTo(2 * km2(province.districts[1]), 1);
    expect(km2(haQuang)).toBeCloseTo(km2(province.districts[0]), 6);
    expect(result.repairs).toEqual([
      `04 Tỉnh Cao Bằng: ${gapKm2} km² in no district (former Huyện Trà Lĩnh) given to 047 Huyện Trùng Khánh`,
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reports land that no known merger claims and leaves it empty', () => {
    const result = fillUncoveredArea(province, []);
    expect(result.province.districts).toEqual(province.districts);
    expect(result.warnings).toEqual([
      `04 Tỉnh Cao Bằng: ${gapKm2} km² of the province outline is in no district`,
    ]);
  });

  it('leaves fully covered provinces alone', () => {
    const covered = {
      ...province,
      outline: { type: 'Polygon' as const, coordinates: [rect(106.0, 22.0, 106.2, 22.1)] },
    };
    expect(fillUncoveredArea(covered, absorbed)).toEqual({
      province: covered,
      repairs: [],
      warnings: [],
    });
  });
});

describe('trimOverlaps', () => {
  it('cuts a fallback district back to where preferred districts are not', () => {
    const extra: ProvinceBoundary = {
      ...province,
      code: '22',
      name: 'Tỉnh Quảng Ninh',
      source: 'gis-extra',
      districts: [district('206', 'Thị xã Quảng Yên', rect(106.18, 22.0, 106.3, 22.1))],
    };
    const result = trimOverlaps(extra, province.districts);
    const [trimmed] = result.province.districts;

    expect(trimmed!.geometry.type).toBe('Polygon');
    expect(km2(trimmed)).toBeCloseTo(km2(district('x', 'x', rect(106.2, 22.0, 106.3, 22.1))), 3);
    const overlap = area({ type: 'Polygon', coordinates: [rect(106.18, 22.0, 106.2, 22.1)] }) / 1e6;
    expect(result.repairs).toEqual([
      `22 Tỉnh Quảng Ninh: cut ${overlap.toFixed(2)} km² of 206 Thị xã Quảng Yên that overlaps districts of another source`,
    ]);
  });

  it('keeps districts that overlap nothing as they are', () => {
    const apart = {
      ...province,
      districts: [district('207', 'Huyện Cô Tô', rect(107, 21, 107.1, 21.1))],
    };
    const result = trimOverlaps(apart, province.districts);
    expect(result.province.districts[0]).toBe(apart.districts[0]);
    expect(result.repairs).toEqual([]);
  });
});
