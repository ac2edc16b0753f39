import { describe, expect, it } from 'vitest';
import type { Observation } from './dataset.ts';
import { exportTable, toCsv, toGeoJson } from './export-table.ts';
import { parseDelimitedText } from './import/raw-table.ts';
import { guessColumns } from './import/columns.ts';

const observations: Observation[] = [
  {
    datasetId: 'd',
    unitCode: '071',
    unitLevel: 'district',
    indicator: 'rate_start',
    year: 2020,
    value: 36.03,
  },
  {
    datasetId: 'd',
    unitCode: '071',
    unitLevel: 'district',
    indicator: 'poor_start',
    year: 2020,
    value: 2750,
  },
  {
    datasetId: 'd',
    unitCode: '08',
    unitLevel: 'province',
    indicator: 'rate_start',
    year: 2020,
    value: 11.8,
  },
];
const names = {
  name: (code: string) => (code === '08' ? 'Tỉnh Tuyên Quang' : 'Huyện Lâm Bình, "vùng cao"'),
  provinceName: () => 'Tỉnh Tuyên Quang',
};

describe('export', () => {
  const table = exportTable(observations, ['rate_start', 'poor_start'], names, 'vi');

  it('puts one unit per row, provinces first, indicators as labelled columns', () => {
    expect(table.header).toEqual([
      'Mã',
      'Cấp',
      'Tên đơn vị',
      'Tỉnh',
      'Tỷ lệ hộ nghèo đầu năm',
      'Số hộ nghèo đầu năm',
    ]);
    expect(table.rows).toEqual([
      ['08', 'Tỉnh', 'Tỉnh Tuyên Quang', 'Tỉnh Tuyên Quang', 11.8, null],
      ['071', 'Huyện', 'Huyện Lâm Bình, "vùng cao"', 'Tỉnh Tuyên Quang', 36.03, 2750],
    ]);
  });

  it('writes CSV with a BOM and quotes, which reads back with the same columns', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFFMã,Cấp,')).toBe(true);
    expect(csv).toContain('"Huyện Lâm Bình, ""vùng cao"""');
    const { rows } = parseDelimitedText(csv);
    expect(rows[2]).toEqual([
      '071',
      'Huyện',
      'Huyện Lâm Bình, "vùng cao"',
      'Tỉnh Tuyên Quang',
      '36.03',
      '2750',
    ]);
    expect(guessColumns(rows[0]!, rows.slice(1))).toEqual([
      'code',
      'ignore',
      'name',
      'province',
      'rate_start',
      'poor_start',
    ]);
  });

  it('puts rows on their geometry and leaves out units without one', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const geo = toGeoJson(table, (code) => (code === '071' ? square : undefined));
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0]).toMatchObject({
      id: '071',
      geometry: square,
      properties: { Mã: '071', 'Số hộ nghèo đầu năm': 2750 },
    });
  });
});

describe('exportTable of a multi-year dataset', () => {
  it('gives each indicator one column per year, so no year overwrites another', () => {
    const history: Observation[] = [2006, 2016].flatMap((year, i) => [
      {
        datasetId: 'h',
        unitCode: '02',
        unitLevel: 'province' as const,
        indicator: 'poverty_rate' as const,
        year,
        value: 41.5 - i * 20.7,
      },
    ]);
    const names = { name: (code: string) => code, provinceName: () => '' };
    const table = exportTable(history, ['poverty_rate'], names, 'vi');
    expect(table.header.slice(4)).toEqual([
      'Tỷ lệ hộ nghèo cả năm 2006',
      'Tỷ lệ hộ nghèo cả năm 2016',
    ]);
    expect(table.rows).toEqual([['02', 'Tỉnh', '02', '', 41.5, 41.5 - 20.7]]);
  });
});
