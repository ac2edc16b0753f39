import { describe, expect, it } from 'vitest';
import { proposeSettings, type ImportSettings } from './analyse-import.ts';
import {
  analyseImportInEra,
  communes2025AsUnits,
  provinces2025AsUnits,
  type EraMatchers,
} from './import-era.ts';
import { parseDelimitedText } from './raw-table.ts';
import { TEST_UNITS } from './test-units.ts';
import { createUnitMatcher, foldUnitName } from './unit-names.ts';

/** A few real 2025 units (codes of the wards file), with names that repeat across provinces. */
const PROVINCES = provinces2025AsUnits([
  { code: '01', name: 'Thành phố Hà Nội' },
  { code: '08', name: 'Tỉnh Tuyên Quang' },
  { code: '22', name: 'Tỉnh Quảng Ninh' },
  { code: '40', name: 'Tỉnh Nghệ An' },
  { code: '52', name: 'Tỉnh Gia Lai' },
]);
const COMMUNES = communes2025AsUnits([
  { code: '00127', name: 'Phường Việt Hưng', provinceCode: '01' },
  { code: '06661', name: 'Phường Việt Hưng', provinceCode: '22' },
  { code: '00331', name: 'Phường Hoàng Mai', provinceCode: '01' },
  { code: '17110', name: 'Phường Hoàng Mai', provinceCode: '40' },
  { code: '00664', name: 'Phường Phương Liệt', provinceCode: '01' },
  { code: '06652', name: 'Phường Hà Tu', provinceCode: '22' },
  { code: '06978', name: 'Xã Ba Chẽ', provinceCode: '22' },
  { code: '23938', name: 'Xã Ia Mơ', provinceCode: '52' },
  { code: '00691', name: 'Phường Hà Giang 2', provinceCode: '08' },
  { code: '00700', name: 'Xã Ngọc Đường', provinceCode: '08' },
]);
/** The crosswalk's spellings of two boundary codes (see crosswalk.ts). */
const ALIASES: [string, string][] = [
  ['06970', '06978'],
  ['23737', '23938'],
];
const MATCHERS: EraMatchers = {
  '2019': createUnitMatcher(TEST_UNITS),
  '2025': createUnitMatcher([...PROVINCES, ...COMMUNES], { communeCodeAliases: ALIASES }),
};

function read(csv: string, changes: Partial<ImportSettings> = {}) {
  const raw = parseDelimitedText(csv);
  const settings = { ...proposeSettings(raw, MATCHERS['2019'], MATCHERS['2025']), ...changes };
  return analyseImportInEra(raw, settings, MATCHERS);
}

const errors = (analysis: ReturnType<typeof read>) =>
  analysis.problems.filter((p) => p.severity === 'error');

describe('a commune table of the 2025 units', () => {
  it('matches official commune codes, reads as 2025 at commune level', () => {
    const analysis = read(
      'Mã xã;Tên xã;Số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\n' +
        '00127;Phường Việt Hưng;1000;20;2\n' +
        '06652;Phường Hà Tu;500;10;2\n' +
        '700;Xã Ngọc Đường;800;80;10\n',
    );
    expect(errors(analysis)).toEqual([]);
    expect(analysis.era).toMatchObject({ era: '2025', detected: '2025' });
    expect(analysis.level).toBe('commune');
    expect(analysis.rows.map((r) => [r.match.status, r.match.unit?.code])).toEqual([
      ['code', '00127'],
      ['code', '06652'],
      // A spreadsheet dropped the leading zeros of 00700.
      ['code', '00700'],
    ]);
    expect(analysis.observations).toContainEqual(
      expect.objectContaining({ unitCode: '00127', unitLevel: 'commune', indicator: 'poor_start' }),
    );
  });

  it('accepts the crosswalk spelling of a code (Ba Chẽ 06970 is 06978 in the boundaries)', () => {
    const analysis = read(
      'Mã xã;Tên xã;Tỷ lệ hộ nghèo (%)\n06970;Xã Ba Chẽ;5,5\n23737;Xã Ia Mơ;7\n',
    );
    expect(errors(analysis)).toEqual([]);
    expect(analysis.rows.map((r) => r.match.unit?.code)).toEqual(['06978', '23938']);
    expect(analysis.rows.every((r) => !r.match.nameDisagrees)).toBe(true);
  });

  it('matches a name within the row’s province, whatever its prefix and diacritics', () => {
    const analysis = read(
      'Tỉnh;Xã/phường;Số hộ;Số hộ nghèo\n' +
        'Quảng Ninh;P. Việt Hưng;1200;12\n' +
        'Thành phố Hà Nội;viet hung;900;9\n' +
        'Hà Nội;Phương Liệt;700;7\n' +
        'Nghệ An;Phường Hoàng Mai;600;60\n',
    );
    expect(errors(analysis)).toEqual([]);
    expect(analysis.era.era).toBe('2025');
    expect(analysis.level).toBe('commune');
    expect(analysis.rows.map((r) => [r.match.status, r.match.unit?.code])).toEqual([
      ['name', '06661'],
      ['name', '00127'],
      ['name', '00664'],
      ['name', '17110'],
    ]);
  });

  it('reports a repeated name without a province as ambiguous, naming row and column', () => {
    const analysis = read(
      'Tên xã;Tỷ lệ hộ nghèo (%)\nPhường Việt Hưng;2\nXã Ia Mơ;7\nPhường Hà Giang 2;3\n',
      { era: '2025' },
    );
    const problem = errors(analysis).find((p) => p.kind === 'ambiguous');
    expect(problem).toMatchObject({ row: 2, column: 'Tên xã' });
    // Two wards of one name, told apart by their provinces.
    expect(problem?.params?.candidates).toBe(
      'Phường Việt Hưng (Thành phố Hà Nội) / Phường Việt Hưng (Tỉnh Quảng Ninh)',
    );
    expect(analysis.rows[0]!.match.status).toBe('ambiguous');
  });

  it('reports an unknown commune or code with its row and column', () => {
    const analysis = read(
      'Tỉnh;Mã xã;Tên xã;Tỷ lệ hộ nghèo (%)\n' +
        'Quảng Ninh;06652;Phường Hà Tu;2\n' +
        'Quảng Ninh;;Xã Không Có Thật;4\n' +
        'Quảng Ninh;99999;;4\n',
    );
    expect(analysis.era.era).toBe('2025');
    const unmatched = errors(analysis).filter((p) => p.kind === 'unmatched');
    expect(unmatched.map((p) => [p.row, p.column])).toEqual([
      [3, 'Tên xã'],
      [4, 'Tên xã'],
    ]);
  });

  it('reads back its own export (provinces first, then communes named with their province)', () => {
    const analysis = read(
      'Mã,Cấp,Tên đơn vị,Tỉnh,Tỷ lệ hộ nghèo đầu năm\n' +
        '22,Tỉnh,Tỉnh Quảng Ninh,Tỉnh Quảng Ninh,3\n' +
        '06652,Xã,Phường Hà Tu,Tỉnh Quảng Ninh,2\n' +
        '06978,Xã,Xã Ba Chẽ,Tỉnh Quảng Ninh,4\n',
    );
    expect(errors(analysis)).toEqual([]);
    expect(analysis.era.era).toBe('2025');
    expect(analysis.level).toBe('commune');
    expect(analysis.observations.map((o) => [o.unitLevel, o.unitCode, o.value])).toEqual([
      ['province', '22', 3],
      ['commune', '06652', 2],
      ['commune', '06978', 4],
    ]);
  });

  it('folds commune prefixes: Xã, Phường, P., Đặc khu', () => {
    expect(foldUnitName('Xã Ba Chẽ')).toEqual({ type: 'xa', bare: 'bache' });
    expect(foldUnitName('P. Việt Hưng')).toEqual({ type: 'phuong', bare: 'viethung' });
    expect(foldUnitName('Đặc khu Cô Tô')).toEqual({ type: 'dac khu', bare: 'coto' });
  });
});

describe('prefixes of the two eras', () => {
  const matcher = createUnitMatcher([
    { level: 'province', code: '22', name: 'Tỉnh Quảng Ninh', provinceCode: '22' },
    { level: 'district', code: '202', name: 'Huyện Ba Chẽ', provinceCode: '22' },
    { level: 'commune', code: '06978', name: 'Xã Ba Chẽ', provinceCode: '22' },
    { level: 'commune', code: '00664', name: 'Phường Phương Liệt', provinceCode: '01' },
    { level: 'district', code: '384', name: 'Huyện Quan Hóa', provinceCode: '38' },
  ]);
  const unitOf = (name: string) => matcher.match({ name }).unit?.code;

  it('a commune prefix names a commune, a district prefix a district', () => {
    expect(unitOf('Xã Ba Chẽ')).toBe('06978');
    expect(unitOf('Huyện Ba Chẽ')).toBe('202');
    expect(matcher.match({ name: 'Ba Chẽ' }).status).toBe('ambiguous');
  });

  it('a first word that looks like a prefix is read as part of the name', () => {
    expect(unitOf('Phương Liệt')).toBe('00664');
    expect(unitOf('Quan Hóa')).toBe('384');
  });
});
