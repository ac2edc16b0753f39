import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv.ts';

describe('writeCsv', () => {
  it('writes RFC 4180 with a byte-order mark and CRLF, quoting what needs it', () => {
    expect(
      writeCsv([
        [
          ['Mã', 'Tên'],
          ['071', 'Huyện "A", B'],
          ['072', null],
        ],
      ]),
    ).toBe('\uFEFFMã,Tên\r\n071,"Huyện ""A"", B"\r\n072,\r\n');
  });

  it('writes Vietnamese numbers with ; between cells, and several tables apart', () => {
    expect(
      writeCsv(
        [
          [['Tỷ lệ'], [11.8]],
          [['Ghi chú'], ['a; b']],
        ],
        { decimalComma: true },
      ),
    ).toBe('\uFEFFTỷ lệ\r\n11,8\r\n\r\nGhi chú\r\n"a; b"\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    const csv = writeCsv([
      [['=1+1'], ['+1'], ['-1+1'], ['@SUM(A1)'], ['\tx'], [-3], ['-3,5'], ['-']],
    ]);
    expect(csv.split('\r\n').slice(0, 8)).toEqual([
      '\uFEFF"\'=1+1"',
      '"\'+1"',
      '"\'-1+1"',
      '"\'@SUM(A1)"',
      '"\'\tx"',
      '-3',
      '"-3,5"',
      '"\'-"',
    ]);
  });

  it('reads back as the cells it was given (formula text with its guard)', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1 }),
        (rows) => {
          const parsed = Papa.parse<string[]>(writeCsv([rows]).slice(1), {
            newline: '\r\n',
            delimiter: ',',
          }).data;
          const expected = rows.map((row) =>
            row.map((c) => {
              const text = c === null ? '' : String(c);
              return typeof c === 'string' && /^(?!-?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/.test(c)
                ? `'${text}`
                : text;
            }),
          );
          expect(parsed.slice(0, rows.length)).toEqual(expected);
        },
      ),
    );
  });
});
