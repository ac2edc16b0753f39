import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS } from '../indicators.ts';
import { effectiveHeaders, guessColumns, indicatorFromHeader } from './columns.ts';
import { TEST_UNITS } from './test-units.ts';
import { createUnitMatcher } from './unit-names.ts';

describe('indicatorFromHeader', () => {
  it.each([
    ['Tổng số hộ đầu năm', 'households_start'],
    ['Số hộ nghèo cuối năm', 'poor_end'],
    ['Số hộ nghèo giảm trong năm', 'poor_reduced'],
    ['Tỷ lệ hộ nghèo (%)', 'rate_start'],
    ['Tỷ lệ hộ nghèo - Giảm trong năm', 'rate_reduction'],
    ['Tỷ lệ hộ cận nghèo cuối năm', 'near_poor_rate_end'],
    ['Tỷ lệ hộ nghèo DTTS', 'ethnic_poor_rate_start'],
    ['Số hộ cận nghèo dân tộc thiểu số', 'ethnic_near_poor_start'],
    ['Poverty rate, end of year', 'rate_end'],
    ['Poor households (start)', 'poor_start'],
    ['Households', 'households_start'],
    ['Near-poor households end', 'near_poor_end'],
    ['Tỷ lệ tham gia BHYT', 'health_insurance_rate'],
    ['Tổng kinh phí (triệu đồng)', 'budget_total'],
  ])('reads %j as %s', (header, id) => {
    expect(indicatorFromHeader(header)).toBe(id);
  });

  it('reads every indicator label back, in both languages (exports round-trip)', () => {
    for (const id of INDICATOR_IDS) {
      expect(indicatorFromHeader(INDICATORS[id].label.vi)).toBe(id);
      expect(indicatorFromHeader(INDICATORS[id].label.en)).toBe(id);
    }
  });

  it('leaves what it cannot place', () => {
    expect(indicatorFromHeader('Ghi chú')).toBeNull();
    expect(indicatorFromHeader('')).toBeNull();
  });
});

describe('guessColumns', () => {
  const matcher = createUnitMatcher(TEST_UNITS);

  it('finds unit code and name columns by their content when the headers say nothing', () => {
    const rows = [
      ['071', 'Lâm Bình', '36,03'],
      ['072', 'Na Hang', '29,56'],
    ];
    expect(guessColumns(['A', 'B', 'Tỷ lệ hộ nghèo'], rows, matcher)).toEqual([
      'code',
      'name',
      'rate_start',
    ]);
  });

  it('ignores serial numbers and notes; two columns of one role both keep it, for the analysis to check', () => {
    const rows = [['1', 'Lâm Bình', '1', '2', 'x', 'Na Hang']];
    expect(
      guessColumns(
        ['STT', 'Huyện', 'Số hộ nghèo', 'Số hộ nghèo đầu năm', 'Ghi chú', 'Huyện'],
        rows,
        matcher,
      ),
    ).toEqual(['ignore', 'name', 'poor_start', 'poor_start', 'ignore', 'name']);
  });

  it('reads headers named after Object.prototype members as nothing in particular', () => {
    const header = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
    expect(guessColumns(header, [['a', 'b', 'c', 'd', 'e']])).toEqual(header.map(() => 'ignore'));
  });

  it('reads sub-items with their group heading', () => {
    expect(
      effectiveHeaders(
        ['Tỷ lệ hộ nghèo', '- Đầu năm', '- Cuối năm', 'Khác'],
        [['', '1', '2', '3']],
      ),
    ).toEqual(['Tỷ lệ hộ nghèo', 'Tỷ lệ hộ nghèo - Đầu năm', 'Tỷ lệ hộ nghèo - Cuối năm', 'Khác']);
  });
});
