import { describe, expect, it } from 'vitest';
import { TEST_UNITS } from './test-units.ts';
import { createUnitMatcher, foldUnitName, isTotalLabel } from './unit-names.ts';

const matcher = createUnitMatcher(TEST_UNITS);
const codeOf = (request: Parameters<typeof matcher.match>[0]) => {
  const result = matcher.match(request);
  return result.unit ? `${result.status}:${result.unit.code}` : result.status;
};

describe('foldUnitName', () => {
  it('treats prefixes, diacritics, case and spacing alike', () => {
    const city = foldUnitName('Thành phố Tuyên Quang');
    for (const name of [
      'TP Tuyên Quang',
      'tp. tuyen quang',
      'TP.Tuyên  Quang',
      'Thanh pho TuyenQuang',
    ]) {
      expect(foldUnitName(name)).toEqual(city);
    }
    expect(foldUnitName('Huyện Yên Sơn')).toEqual(foldUnitName('H. Yen Son'));
    expect(foldUnitName('Thị xã Cai Lậy')).toEqual(foldUnitName('TX. Cai Lậy'));
    expect(foldUnitName('Quận 01')).toEqual(foldUnitName('Q.1'));
    expect(foldUnitName('Huyện Chiêm Hoá')).toEqual(foldUnitName('Huyện Chiêm Hóa'));
    expect(foldUnitName('Thị xã Cai Lậy')).not.toEqual(foldUnitName('Huyện Cai Lậy'));
  });
});

describe('createUnitMatcher', () => {
  it('matches by GSO code first, with or without leading zeros', () => {
    expect(codeOf({ code: '071' })).toBe('code:071');
    expect(codeOf({ code: '71' })).toBe('code:071'); // no province 71
    expect(codeOf({ code: '71', name: 'Lâm Bình' })).toBe('code:071');
    expect(codeOf({ code: '8' })).toBe('code:08');
    expect(codeOf({ code: '899', name: 'TP Rạch Giá' })).toBe('code:899');
  });

  it("takes a district's code beside its province's name as agreeing (a 'Mã | Tỉnh' table)", () => {
    expect(matcher.match({ code: '071', name: 'Tuyên Quang' })).toEqual({
      status: 'code',
      unit: expect.objectContaining({ code: '071' }),
    });
    expect(matcher.match({ code: '071', name: 'Hà Giang' }).nameDisagrees).toBe(true);
  });

  it('reports a code whose unit has another name than the row', () => {
    expect(matcher.match({ code: '071', name: 'Na Hang' })).toMatchObject({
      status: 'code',
      unit: { code: '071' },
      nameDisagrees: true,
    });
  });

  it('matches names within the province, whatever the prefix', () => {
    expect(codeOf({ name: 'Lâm Bình' })).toBe('name:071');
    expect(codeOf({ name: 'tp. tuyen quang', provinceCode: '08' })).toBe('name:070');
    expect(codeOf({ name: 'Tỉnh Tuyên Quang' })).toBe('name:08');
    expect(codeOf({ name: 'Châu Thành', provinceCode: '91' })).toBe('name:905');
    expect(codeOf({ name: 'Huyện Cai Lậy' })).toBe('name:822');
    expect(codeOf({ name: 'TX Cai Lậy' })).toBe('name:818');
  });

  it('lists the candidates when a name repeats', () => {
    expect(matcher.match({ name: 'Châu Thành' })).toMatchObject({
      status: 'ambiguous',
      candidates: [{ code: '817' }, { code: '905' }],
    });
    expect(codeOf({ name: 'Cai Lậy', provinceCode: '82' })).toBe('ambiguous');
    expect(codeOf({ name: 'Hà Giang' })).toBe('ambiguous');
  });

  it('names a unit with its province, to tell units of one name apart', () => {
    const candidates = matcher.match({ name: 'Châu Thành' }).candidates ?? [];
    const names = candidates.map((unit) => matcher.fullName(unit));
    // One name, told apart by the province; a province is named alone.
    expect(new Set(names).size).toBe(candidates.length);
    for (const [i, unit] of candidates.entries()) {
      const province = matcher.units.find(
        (u) => u.level === 'province' && u.code === unit.provinceCode,
      );
      expect(names[i]).toBe(`${unit.name} (${province!.name})`);
    }
    const province = matcher.units.find((u) => u.level === 'province')!;
    expect(matcher.fullName(province)).toBe(province.name);
  });

  it('settles a province-or-city name by the level the table usually has', () => {
    expect(codeOf({ name: 'Hà Giang', preferLevel: 'province' })).toBe('name:02');
    expect(codeOf({ name: 'Hà Giang', preferLevel: 'district' })).toBe('name:024');
  });

  it('reads a total row as the table province', () => {
    expect(isTotalLabel('Toàn tỉnh')).toBe(true);
    expect(isTotalLabel('TỔNG CỘNG')).toBe(true);
    expect(codeOf({ name: 'Toàn tỉnh', provinceCode: '08' })).toBe('total:08');
    expect(codeOf({ name: 'Toàn tỉnh' })).toBe('unmatched');
  });

  it('leaves unknown names and codes unmatched', () => {
    expect(codeOf({ name: 'Huyện Không Có' })).toBe('unmatched');
    expect(codeOf({ code: '999' })).toBe('unmatched');
    expect(codeOf({})).toBe('unmatched');
    expect(matcher.province('8')?.code).toBe('08');
    expect(matcher.province('Tuyên Quang')?.code).toBe('08');
  });
});
