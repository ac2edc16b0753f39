import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNumberFormat, parseCell, parseVietnameseNumber } from './numbers.ts';

const value = (text: string, format: 'vi' | 'en' = 'vi') => {
  const parsed = parseVietnameseNumber(text, format);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseVietnameseNumber', () => {
  it.each([
    ['210.299', 210299],
    ['11,80', 11.8],
    ['2,06%', 2.06],
    ['2,06 %', 2.06],
    ['1.234.567,5', 1234567.5],
    ['1 234 567', 1234567],
    ['1\u00a0234,5', 1234.5],
    ['0,57', 0.57],
    ['1.5', 1.5],
    ['36.03', 36.03],
    ['-4,00', -4],
    ['−2,06', -2.06],
    ['(12)', -12],
    ['+7', 7],
    [',5', 0.5],
    ['0.570', 0.57],
    ['1,234.5', 1234.5],
    ['1.5E+05', 150000],
  ])('reads %s as %d in a Vietnamese file', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('reads the one ambiguous shape by the file format', () => {
    expect(value('210.299', 'vi')).toBe(210299);
    expect(value('210.299', 'en')).toBe(210.299);
    expect(value('1,234', 'vi')).toBe(1.234);
    expect(value('1,234', 'en')).toBe(1234);
    // Unambiguous shapes read the same in both.
    expect(value('11,80', 'en')).toBe(11.8);
    expect(value('1.234.567', 'en')).toBe(1234567);
  });

  it('counts the printed decimals, which set the rounding tolerance', () => {
    expect(parseVietnameseNumber('1,5')).toEqual({ ok: true, value: 1.5, decimals: 1 });
    expect(parseVietnameseNumber('36,03')).toEqual({ ok: true, value: 36.03, decimals: 2 });
    expect(parseVietnameseNumber('210.299')).toEqual({ ok: true, value: 210299, decimals: 0 });
  });

  it.each(['', '   '])('calls %j empty', (text) => {
    expect(value(text)).toBe('empty');
  });

  it.each([
    'n/a',
    'abc',
    '1.2.3,4,5',
    '12,34,5',
    '1..2',
    '--1',
    '1,2.3,4',
    '12a',
    '%',
    '.',
    'Infinity',
  ])('rejects %j', (text) => {
    expect(value(text)).toBe('not-a-number');
  });

  it('reads back what Intl writes in vi-VN and en-GB', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (n, digits) => {
          const rounded = Number(n.toFixed(digits));
          for (const [locale, format] of [
            ['vi-VN', 'vi'],
            ['en-GB', 'en'],
          ] as const) {
            const text = new Intl.NumberFormat(locale, {
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }).format(rounded);
            const parsed = parseVietnameseNumber(text, format);
            expect(parsed.ok && parsed.value).toBeCloseTo(rounded, digits);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and returns a finite number or a reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom('vi', 'en'), (text, format) => {
        const parsed = parseVietnameseNumber(text, format as 'vi' | 'en');
        return parsed.ok
          ? Number.isFinite(parsed.value)
          : ['empty', 'not-a-number'].includes(parsed.reason);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseCell', () => {
  it('takes spreadsheet numbers as they are, with their decimals', () => {
    expect(parseCell(36.03, 'vi')).toEqual({ ok: true, value: 36.03, decimals: 2 });
    expect(parseCell(null, 'vi')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCell(true, 'vi')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseCell(Number.NaN, 'vi')).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('detectNumberFormat', () => {
  it('recognises Vietnamese and English files from their unambiguous cells', () => {
    expect(detectNumberFormat(['210.299', '11,80', '9,74'])).toBe('vi');
    expect(detectNumberFormat(['210,299', '11.80', '9.74'])).toBe('en');
    expect(detectNumberFormat(['1.234.567', 'Lâm Bình'])).toBe('vi');
    expect(detectNumberFormat(['1,234,567', 12])).toBe('en');
  });

  it('falls back to Vietnamese when only ambiguous cells are present', () => {
    expect(detectNumberFormat(['210.299', '1,234'])).toBe('vi');
    expect(detectNumberFormat([])).toBe('vi');
  });
});
