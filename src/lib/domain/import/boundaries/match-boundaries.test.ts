import { describe, expect, it } from 'vitest';
import { square } from '../../../../../tests/fixtures/shapefile.ts';
import { createUnitMatcher, type KnownUnit } from '../unit-names.ts';
import type { BoundaryFeature, PropertyValue } from './boundary-geometry.ts';
import {
  createBoundaryCollection,
  guessBoundaryProperties,
  matchBoundaries,
} from './match-boundaries.ts';

const UNITS: KnownUnit[] = [
  { level: 'province', code: '08', name: 'Tỉnh Tuyên Quang', provinceCode: '08' },
  { level: 'district', code: '070', name: 'Thành phố Tuyên Quang', provinceCode: '08' },
  { level: 'district', code: '071', name: 'Huyện Lâm Bình', provinceCode: '08' },
  { level: 'district', code: '072', name: 'Huyện Na Hang', provinceCode: '08' },
  { level: 'province', code: '89', name: 'Tỉnh An Giang', provinceCode: '89' },
  { level: 'province', code: '87', name: 'Tỉnh Đồng Tháp', provinceCode: '87' },
  { level: 'district', code: '892', name: 'Huyện Châu Thành', provinceCode: '89' },
  { level: 'district', code: '876', name: 'Huyện Châu Thành', provinceCode: '87' },
];
const matcher = createUnitMatcher(UNITS);

const feature = (properties: Record<string, PropertyValue>): BoundaryFeature => ({
  geometry: { type: 'Polygon', coordinates: [square(105.2, 22.1)] },
  properties,
});

describe('guessBoundaryProperties', () => {
  it('reads Vietnamese and English property names', () => {
    const features = [
      feature({ OBJECTID: 1, MA_HUYEN: '071', Ten_Huyen: 'Lâm Bình', Tinh: 'Tuyên Quang' }),
    ];
    expect(
      guessBoundaryProperties(['OBJECTID', 'MA_HUYEN', 'Ten_Huyen', 'Tinh'], features, matcher),
    ).toEqual({
      code: 'MA_HUYEN',
      name: 'Ten_Huyen',
      province: 'Tinh',
    });
    const english = [feature({ district_code: '071', district_name: 'Lâm Bình' })];
    expect(
      guessBoundaryProperties(['district_code', 'district_name'], english, matcher),
    ).toMatchObject({
      code: 'district_code',
      name: 'district_name',
    });
  });

  it('finds codes and names by their values when the names say nothing', () => {
    const features = [
      feature({ A: 70, B: 'TP Tuyên Quang', C: 12.5 }),
      feature({ A: 71, B: 'Lâm Bình', C: 3 }),
    ];
    expect(guessBoundaryProperties(['A', 'B', 'C'], features, matcher)).toEqual({
      code: 'A',
      name: 'B',
      province: null,
    });
  });
});

describe('matchBoundaries', () => {
  const features = [
    feature({ code: '071', name: 'Lâm Bình' }),
    feature({ code: '', name: 'h. Na Hang' }),
    feature({ code: '', name: 'Châu Thành', tinh: 'An Giang' }),
    feature({ code: '', name: 'Châu Thành' }),
    feature({ code: '', name: 'Đảo Xa' }),
    feature({ code: '72', name: 'Na Hang' }),
  ];

  it('matches by code, by name within the province, and reports the rest', () => {
    const matching = matchBoundaries(
      features,
      { code: 'code', name: 'name', province: 'tinh' },
      matcher,
    );
    expect(matching.matches.map((m) => [m.status, m.unit?.code ?? null])).toEqual([
      ['code', '071'],
      ['name', '072'],
      ['name', '892'],
      ['ambiguous', null],
      ['unmatched', null],
      ['code', '072'],
    ]);
    expect(matching.counts).toEqual({ code: 2, name: 2, ambiguous: 1, unmatched: 1 });
    expect(matching.problems.map((p) => p.message)).toEqual([
      'feature 6: matches Huyện Na Hang, as feature 2 does',
    ]);
  });

  it('stores names, codes and the matched district for the map', () => {
    const matching = matchBoundaries(
      features.slice(0, 5),
      { code: 'code', name: 'name', province: null },
      matcher,
    );
    const collection = createBoundaryCollection(features.slice(0, 5), matching);
    expect(collection.features.map((f) => [f.id, f.properties])).toEqual([
      [0, { name: 'Lâm Bình', code: '071', districtCode: '071' }],
      [1, { name: 'h. Na Hang', code: '', districtCode: '072' }],
      [2, { name: 'Châu Thành', code: '', districtCode: null }],
      [3, { name: 'Châu Thành', code: '', districtCode: null }],
      [4, { name: 'Đảo Xa', code: '', districtCode: null }],
    ]);
  });
});
