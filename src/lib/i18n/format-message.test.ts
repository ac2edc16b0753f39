import { describe, expect, it } from 'vitest';
import { formatMessage, joinPresent } from './format-message.ts';
import { en } from './messages-en.ts';
import { vi } from './messages.ts';

describe('formatMessage (#18 wizard)', () => {
  it('fills placeholders', () => {
    expect(formatMessage('Bước {n}/{of}', { n: 2, of: 5 })).toBe('Bước 2/5');
    expect(formatMessage('{missing} stays', {})).toBe('{missing} stays');
  });

  it('chooses the English plural form from the count, formatted or not', () => {
    const template = '{n, plural, one {# error} other {# errors}}, {m} left';
    expect(formatMessage(template, { n: 1, m: 3 })).toBe('1 error, 3 left');
    expect(formatMessage(template, { n: 0, m: 3 })).toBe('0 errors, 3 left');
    expect(formatMessage(template, { n: '1,234', m: 3 })).toBe('1,234 errors, 3 left');
  });

  it('says one error and one warning in English, and has no plural forms in Vietnamese', () => {
    const one = { errors: 1, warnings: 1, n: 1, file: 'a.csv' };
    expect(formatMessage(en.reportCounts, one)).toBe('1 error, 1 warning');
    expect(formatMessage(en.reportBlocked, one)).toMatch(/^1 error: cannot save/);
    expect(formatMessage(en.boundaryRefused, one)).toContain(': 1 error.');
    expect(formatMessage(en.reportCounts, { errors: 2, warnings: 0 })).toBe('2 errors, 0 warnings');
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key], key).not.toMatch(/, plural, /);
    }
  });
});

describe('joinPresent', () => {
  it('leaves out empty parts and their separators', () => {
    expect(joinPresent(['', 'Đa chiều 2022–2025', 'Ước tính khảo sát'])).toBe(
      'Đa chiều 2022–2025 · Ước tính khảo sát',
    );
    expect(joinPresent(['a', null, '  ', undefined, 'b'], ', ')).toBe('a, b');
    expect(joinPresent([])).toBe('');
  });
});
