import { describe, expect, it } from 'vitest';
import { createUnitSearch, type SearchableUnit } from './search-units.ts';

const UNITS: SearchableUnit[] = [
  { level: 'province', code: '08', name: 'Tỉnh Tuyên Quang' },
  { level: 'district', code: '070', name: 'Thành phố Tuyên Quang' },
  { level: 'district', code: '071', name: 'Huyện Lâm Bình' },
  { level: 'district', code: '072', name: 'Huyện Na Hang' },
  { level: 'province', code: '91', name: 'Tỉnh Kiên Giang' },
  { level: 'district', code: '914', name: 'Huyện Giang Thành' },
  { level: 'district', code: '908', name: 'Huyện An Biên' },
  { level: 'district', code: '909', name: 'Huyện An Minh' },
  { level: 'province', code: '01', name: 'Thành phố Hà Nội' },
  { level: 'district', code: '278', name: 'Huyện Đan Phượng' },
];

const search = createUnitSearch(UNITS);
const names = (query: string, limit?: number) => search(query, limit).map((u) => u.name);

describe('createUnitSearch', () => {
  it('ignores diacritics, case and the unit-type word', () => {
    for (const query of ['lam binh', 'Lâm Bình', 'LAM BINH', 'huyen lam binh', 'lambinh']) {
      expect(names(query)[0], query).toBe('Huyện Lâm Bình');
    }
    expect(names('dan phuong')).toEqual(['Huyện Đan Phượng']);
    expect(names('ha noi')).toEqual(['Thành phố Hà Nội']);
  });

  it('ranks whole names, then prefixes, then word starts; provinces first', () => {
    expect(names('tuyen quang')).toEqual(['Tỉnh Tuyên Quang', 'Thành phố Tuyên Quang']);
    expect(names('giang')).toEqual(['Huyện Giang Thành', 'Tỉnh Kiên Giang']);
    expect(names('an')).toEqual(['Huyện An Biên', 'Huyện An Minh']);
    expect(names('quang')).toEqual(['Tỉnh Tuyên Quang', 'Thành phố Tuyên Quang']);
  });

  it('finds nothing for an empty query and respects the limit', () => {
    expect(names('   ')).toEqual([]);
    expect(names('an', 1)).toEqual(['Huyện An Biên']);
    expect(names('zzz')).toEqual([]);
  });
});
