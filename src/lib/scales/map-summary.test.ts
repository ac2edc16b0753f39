import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../domain/indicators.ts';
import { summarizeChoropleth } from './map-summary.ts';

const TUYEN_QUANG = [
  { name: 'Huyện Sơn Dương', value: 9.31 },
  { name: 'Huyện Lâm Bình', value: 36.03 },
  { name: 'Thành phố Tuyên Quang', value: 1.01 },
  { name: 'Huyện Na Hang', value: 29.56 },
];

describe('summarizeChoropleth', () => {
  it('names the count, the highest and the lowest unit in Vietnamese', () => {
    expect(summarizeChoropleth(INDICATORS.rate_start, TUYEN_QUANG, 'vi')).toBe(
      'Tỷ lệ hộ nghèo đầu năm: 4 huyện có số liệu; cao nhất Huyện Lâm Bình 36,03\u00a0%; ' +
        'thấp nhất Thành phố Tuyên Quang 1,01\u00a0%.',
    );
  });

  it('speaks English with English number formats', () => {
    expect(summarizeChoropleth(INDICATORS.poor_start, [{ name: 'A', value: 2750 }], 'en')).toBe(
      'Poor households, start of year: 1 district with data, A 2,750.',
    );
  });

  it('says when there is no data', () => {
    expect(summarizeChoropleth(INDICATORS.rate_end, [], 'vi')).toBe(
      'Tỷ lệ hộ nghèo cuối năm: không có số liệu.',
    );
  });

  it('breaks ties by name so the sentence is stable', () => {
    const tied = [
      { name: 'B', value: 4 },
      { name: 'A', value: 4 },
    ];
    expect(summarizeChoropleth(INDICATORS.rate_reduction, tied, 'en')).toBe(
      'Planned reduction of the rate: 2 districts with data; highest A 4.00\u00a0pp; lowest B 4.00\u00a0pp.',
    );
  });
});

describe('summarizeChoropleth with its context', () => {
  const provinces = [
    { name: 'Tỉnh Điện Biên', value: 29.55 },
    { name: 'Thành phố Hồ Chí Minh', value: 0 },
    { name: 'Tỉnh Hà Giang', value: 29.07 },
  ];

  it('says the year, the national figure and that the units are provinces', () => {
    const context = { level: 'province', year: 2023, national: 3.37 } as const;
    expect(summarizeChoropleth(INDICATORS.poverty_rate, provinces, 'vi', context)).toBe(
      'Tỷ lệ hộ nghèo cả năm (2023): cả nước 3,37\u00a0%; 3 tỉnh có số liệu; ' +
        'cao nhất Tỉnh Điện Biên 29,55\u00a0%; thấp nhất Thành phố Hồ Chí Minh 0,00\u00a0%.',
    );
    expect(summarizeChoropleth(INDICATORS.poverty_rate, provinces, 'en', context)).toBe(
      'Annual poverty rate (2023): whole country 3.37\u00a0%; 3 provinces with data; ' +
        'highest Tỉnh Điện Biên 29.55\u00a0%; lowest Thành phố Hồ Chí Minh 0.00\u00a0%.',
    );
  });
});
