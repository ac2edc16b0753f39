import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeSettings, type ImportSettings } from './analyse-import.ts';
import { analyseImportInEra, provinces2025AsUnits, type EraMatchers } from './import-era.ts';
import { parseDelimitedText } from './raw-table.ts';
import { TEST_UNITS } from './test-units.ts';
import { createUnitMatcher, type KnownUnit } from './unit-names.ts';

/** Old provinces whose codes a new province took over, or that merged into one (real codes). */
const UNITS_2019: KnownUnit[] = [
  ...TEST_UNITS,
  { level: 'province', code: '10', name: 'Tỉnh Lào Cai', provinceCode: '10' },
  { level: 'province', code: '15', name: 'Tỉnh Yên Bái', provinceCode: '15' },
  { level: 'province', code: '87', name: 'Tỉnh Đồng Tháp', provinceCode: '87' },
  { level: 'province', code: '89', name: 'Tỉnh An Giang', provinceCode: '89' },
  { level: 'province', code: '46', name: 'Tỉnh Thừa Thiên Huế', provinceCode: '46' },
  { level: 'district', code: '474', name: 'Thành phố Huế', provinceCode: '46' },
  { level: 'province', code: '04', name: 'Tỉnh Cao Bằng', provinceCode: '04' },
];
/** The 2025 provinces with those codes: 15 is now Lào Cai, 82 Đồng Tháp, 91 An Giang. */
const UNITS_2025 = provinces2025AsUnits([
  { code: '04', name: 'Tỉnh Cao Bằng' },
  { code: '08', name: 'Tỉnh Tuyên Quang' },
  { code: '15', name: 'Tỉnh Lào Cai' },
  { code: '46', name: 'Thành phố Huế' },
  { code: '79', name: 'Thành phố Hồ Chí Minh' },
  { code: '82', name: 'Tỉnh Đồng Tháp' },
  { code: '91', name: 'Tỉnh An Giang' },
]);
const MATCHERS: EraMatchers = {
  '2019': createUnitMatcher(UNITS_2019),
  '2025': createUnitMatcher(UNITS_2025),
};

function read(csv: string, changes: Partial<ImportSettings> = {}, matchers = MATCHERS) {
  const raw = parseDelimitedText(csv);
  const settings = { ...proposeSettings(raw, matchers['2019']), ...changes };
  return analyseImportInEra(raw, settings, matchers);
}

describe('the era of an imported table', () => {
  it('a table of the new provinces by code and name is read with the 2025 units', () => {
    // By the 2019 codes, 15/82/91 would be Yên Bái, Tiền Giang and Kiên Giang.
    const analysis = read(
      'Mã;Tỉnh;Tỷ lệ hộ nghèo (%)\n15;Lào Cai;8,5\n82;Đồng Tháp;2,1\n91;An Giang;3,4\n08;Tuyên Quang;12,2\n',
    );
    expect(analysis.era).toMatchObject({ era: '2025', detected: '2025', tie: false });
    expect(analysis.era.fits).toEqual({ '2019': 1, '2025': 4 });
    expect(analysis.level).toBe('province');
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const lao = analysis.observations.find((o) => o.unitCode === '15');
    expect(lao).toMatchObject({ unitLevel: 'province', indicator: 'rate_start', value: 8.5 });
  });

  it('names alone decide it when only one era has them ("Thành phố Huế" is a 2025 province)', () => {
    const analysis = read('Tỉnh;Tỷ lệ hộ nghèo (%)\nThành phố Huế;1,2\nLào Cai;8,5\nCao Bằng;20\n');
    expect(analysis.era.era).toBe('2025');
    expect(analysis.rows.map((row) => row.match.unit?.code)).toEqual(['46', '15', '04']);
  });

  it('a table of Tuyên Quang districts stays with the 2019 units', () => {
    const analysis = read(
      'Huyện;Tỷ lệ hộ nghèo (%)\nLâm Bình;36,03\nNa Hang;28,1\nToàn tỉnh;11,8\n',
    );
    expect(analysis.era).toMatchObject({ era: '2019', detected: '2019', tie: false });
    expect(analysis.level).toBe('district');
  });

  it('a tie (only provinces that did not change) keeps 2019 and says it was a tie', () => {
    const analysis = read('Tỉnh;Tỷ lệ hộ nghèo (%)\nCao Bằng;20\nTuyên Quang;12,2\n');
    expect(analysis.era).toMatchObject({ era: '2019', tie: true, chosenBy: 'detected' });
    expect(analysis.era.fits).toEqual({ '2019': 2, '2025': 2 });
  });

  it('the person can override the detection either way', () => {
    const csv = 'Tỉnh;Tỷ lệ hộ nghèo (%)\nCao Bằng;20\nTuyên Quang;12,2\n';
    const later = read(csv, { era: '2025' });
    expect(later.era).toMatchObject({ era: '2025', detected: '2019', chosenBy: 'person' });
    expect(later.observations.map((o) => o.unitCode).sort()).toEqual(['04', '08']);
    const earlier = read('Mã;Tỉnh;Tỷ lệ hộ nghèo (%)\n15;Lào Cai;8,5\n', { era: '2019' });
    // Read as 2019, code 15 is Yên Bái: kept by code, and the disagreeing name is reported.
    expect(earlier.era.era).toBe('2019');
    expect(earlier.problems.some((p) => p.kind === 'code-name-mismatch')).toBe(true);
  });

  it('without 2025 units (an older data build) every table is read as 2019', () => {
    const analysis = read(
      'Tỉnh;Tỷ lệ hộ nghèo (%)\nThành phố Huế;1,2\n',
      { era: '2025' },
      { '2019': MATCHERS['2019'], '2025': null },
    );
    expect(analysis.era).toMatchObject({ era: '2019', fits: { '2019': 0, '2025': 0 } });
  });

  it('a hand decision for a 2025 unit is honoured when the 2025 units are used', () => {
    const analysis = read('Tỉnh;Tỷ lệ hộ nghèo (%)\nTỉnh mới;3\nLào Cai;8,5\n', {
      era: '2025',
      decisions: { 0: 'province:82' },
    });
    expect(analysis.rows[0]!.match).toMatchObject({ status: 'manual', unit: { code: '82' } });
  });

  it('any table gets an era and never throws', () => {
    const cell = fc.oneof(
      fc.constantFrom('Lào Cai', 'Huế', 'Thành phố Huế', 'Lâm Bình', '15', '08', '12,5', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 12 }), (rows) => {
        const raw = { rows, readerWarnings: [] };
        const analysis = analyseImportInEra(raw, proposeSettings(raw, MATCHERS['2019']), MATCHERS);
        expect(['2019', '2025']).toContain(analysis.era.era);
        // A unit per row, or per column when the table is laid out across (units as headers).
        const units = Math.max(rows.length, ...rows.map((row) => row.length));
        expect(analysis.era.fits['2019']).toBeLessThanOrEqual(units);
        expect(analysis.era.fits['2025']).toBeLessThanOrEqual(units);
      }),
    );
  });
});
