import { describe, expect, it } from 'vitest';
import { BoundaryBuildError } from './errors.ts';
import { rect } from './test-fixtures.ts';
import type { AdminProvince, ProvinceBoundary } from './types.ts';
import { assembleUnits, checkDistrictCodes, selectProvinceFiles } from './units.ts';

const codeList: AdminProvince[] = [
  {
    code: '46',
    name: 'Thành phố Huế',
    type: 'Thành phố Trung ương',
    districts: [
      { code: '474', name: 'Quận Thuận Hóa', type: 'Quận' },
      { code: '475', name: 'Quận Phú Xuân', type: 'Quận' },
      { code: '476', name: 'Thị xã Phong Điền', type: 'Thị xã' },
    ],
  },
  { code: '48', name: 'Thành phố Đà Nẵng', type: 'Thành phố Trung ương', districts: [] },
];

const hue: ProvinceBoundary = {
  code: '46',
  name: 'Tỉnh Thừa Thiên Huế',
  file: '/shared/gis/46.json',
  source: 'gis',
  outline: { type: 'Polygon', coordinates: [rect(107, 16, 107.2, 16.1)] },
  districts: [
    {
      code: '474',
      name: 'Thành phố Huế',
      type: 'Thành phố',
      geometry: { type: 'Polygon', coordinates: [rect(107, 16, 107.1, 16.1)] },
    },
    {
      code: '476',
      name: 'Huyện Phong Điền',
      type: 'Huyện',
      geometry: { type: 'Polygon', coordinates: [rect(107.1, 16, 107.2, 16.1)] },
    },
    {
      code: '498',
      name: 'Huyện Hoàng Sa',
      type: 'Huyện',
      geometry: { type: 'Polygon', coordinates: [rect(112, 16.5, 112.01, 16.51)] },
    },
  ],
};

describe('selectProvinceFiles', () => {
  it('prefers gis/, falls back to gis-extra/, and warns about the rest', () => {
    const file = (name: string) => ({ name });
    const { chosen, warnings } = selectProvinceFiles(
      codeList,
      new Map([['99', file('gis/99.json')]]),
      new Map([
        ['46', file('gis-extra/46.json')],
        ['48', file('gis-extra/48.json')],
      ]),
    );
    expect(chosen).toEqual([
      { file: { name: 'gis-extra/46.json' }, source: 'gis-extra' },
      { file: { name: 'gis-extra/48.json' }, source: 'gis-extra' },
    ]);
    expect(warnings).toEqual(['gis/99.json: province 99 is not in the code list; ignored']);
    expect(selectProvinceFiles(codeList, new Map(), new Map()).warnings).toEqual([
      '46 Thành phố Huế: no boundary file in gis/ or gis-extra/',
      '48 Thành phố Đà Nẵng: no boundary file in gis/ or gis-extra/',
    ]);
  });
});

describe('checkDistrictCodes', () => {
  it('lists codes drawn but not listed, listed but not drawn, and misplaced ones', () => {
    expect(checkDistrictCodes([hue], codeList)).toEqual({
      warnings: [],
      notInCodeList: ['498'],
      missingFromBoundaries: ['475'],
    });
    const misplaced = { ...hue, code: '48' };
    expect(checkDistrictCodes([misplaced], codeList).warnings).toEqual([
      '474 Thành phố Huế is drawn in province 48 but listed in 46',
      '476 Huyện Phong Điền is drawn in province 48 but listed in 46',
    ]);
  });

  it('fails when two files draw the same district', () => {
    const again = { ...hue, code: '48', file: '/shared/gis/48.json' };
    expect(() => checkDistrictCodes([hue, again], codeList)).toThrow(
      new BoundaryBuildError('/shared/gis/48.json', 'district 474 is also in /shared/gis/46.json'),
    );
  });
});

describe('assembleUnits', () => {
  it('takes province names and types from the code list and reports renamed units', () => {
    const { provinces, districts, renamed } = assembleUnits([hue], codeList);
    expect(provinces).toEqual([
      {
        properties: { code: '46', name: 'Thành phố Huế', type: 'Thành phố Trung ương' },
        labelName: 'Huế',
      },
    ]);
    expect(districts.map((d) => [d.properties, d.labelName])).toEqual([
      [
        {
          code: '474',
          name: 'Thành phố Huế',
          type: 'Thành phố',
          provinceCode: '46',
          provinceName: 'Thành phố Huế',
        },
        'TP Huế',
      ],
      [
        {
          code: '476',
          name: 'Huyện Phong Điền',
          type: 'Huyện',
          provinceCode: '46',
          provinceName: 'Thành phố Huế',
        },
        'Phong Điền',
      ],
      [
        {
          code: '498',
          name: 'Huyện Hoàng Sa',
          type: 'Huyện',
          provinceCode: '46',
          provinceName: 'Thành phố Huế',
        },
        'Hoàng Sa',
      ],
    ]);
    expect(renamed).toEqual([
      {
        level: 'province',
        code: '46',
        boundaryName: 'Tỉnh Thừa Thiên Huế',
        codeListName: 'Thành phố Huế',
      },
      {
        level: 'district',
        code: '474',
        boundaryName: 'Thành phố Huế',
        codeListName: 'Quận Thuận Hóa',
      },
      {
        level: 'district',
        code: '476',
        boundaryName: 'Huyện Phong Điền',
        codeListName: 'Thị xã Phong Điền',
      },
    ]);
  });
});
