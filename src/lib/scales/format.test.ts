import { describe, expect, it } from 'vitest';
import {
  formatBreak,
  formatDate,
  formatCount,
  formatIndicatorValue,
  formatPercent,
  formatPoints,
  formatRatio,
} from './format.ts';

const NBSP = '\u00a0';

describe('Vietnamese number formats', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(210299, 'vi')).toBe('210.299');
    expect(formatCount(7633, 'vi')).toBe('7.633');
    expect(formatCount(1_000_000, 'vi')).toBe('1.000.000');
    expect(formatCount(0, 'vi')).toBe('0');
  });

  it('writes percent with a decimal comma and a no-break space before %', () => {
    expect(formatPercent(11.8, 'vi')).toBe(`11,80${NBSP}%`);
    expect(formatPercent(36.0277, 'vi')).toBe(`36,03${NBSP}%`);
    expect(formatPercent(11.8, 'vi', 1)).toBe(`11,8${NBSP}%`);
  });

  it('writes percentage points as điểm', () => {
    expect(formatPoints(2.06, 'vi')).toBe(`2,06${NBSP}điểm`);
    expect(formatPoints(4, 'vi')).toBe(`4,00${NBSP}điểm`);
  });

  it('writes a ratio to a reference rate with ×', () => {
    expect(formatRatio(1.35, 'vi')).toBe(`1,35${NBSP}×`);
    expect(formatRatio(1.35, 'en')).toBe(`1.35${NBSP}×`);
    expect(formatIndicatorValue(0.5, 'ratio', 'vi')).toBe(`0,50${NBSP}×`);
  });
});

describe('English number formats', () => {
  it('groups thousands with a comma', () => {
    expect(formatCount(210299, 'en')).toBe('210,299');
    expect(formatCount(7633, 'en')).toBe('7,633');
  });

  it('writes percent with a decimal point and a no-break space before %', () => {
    expect(formatPercent(11.8, 'en')).toBe(`11.80${NBSP}%`);
  });

  it('writes percentage points as pp', () => {
    expect(formatPoints(2.06, 'en')).toBe(`2.06${NBSP}pp`);
  });
});

describe('formatIndicatorValue', () => {
  it('formats by the indicator unit', () => {
    expect(formatIndicatorValue(11.8, 'percent', 'vi')).toBe(`11,80${NBSP}%`);
    expect(formatIndicatorValue(2.06, 'points', 'en')).toBe(`2.06${NBSP}pp`);
    expect(formatIndicatorValue(210299, 'households', 'vi')).toBe('210.299');
  });

  it('keeps the locales apart although formatters are cached', () => {
    expect(formatPercent(11.8, 'en')).toBe(`11.80${NBSP}%`);
    expect(formatPercent(11.8, 'vi')).toBe(`11,80${NBSP}%`);
    expect(formatPercent(11.8, 'en')).toBe(`11.80${NBSP}%`);
  });
});

describe('formatBreak', () => {
  it('prints whole breaks without decimals and others with two', () => {
    expect(formatBreak(20, 'percent', 'vi')).toBe('20');
    expect(formatBreak(2.5, 'points', 'vi')).toBe('2,50');
    expect(formatBreak(2.5, 'points', 'en')).toBe('2.50');
  });

  it('prints household counts as whole numbers', () => {
    expect(formatBreak(12500, 'households', 'vi')).toBe('12.500');
    expect(formatBreak(12500, 'households', 'en')).toBe('12,500');
  });
});

describe('formatDate', () => {
  it('writes day/month/year with leading zeros in Vietnamese', () => {
    expect(formatDate(new Date(2026, 2, 5), 'vi')).toBe('05/03/2026');
  });

  it('writes the month name in English', () => {
    expect(formatDate(new Date(2026, 10, 22), 'en')).toBe('22 November 2026');
  });
});
