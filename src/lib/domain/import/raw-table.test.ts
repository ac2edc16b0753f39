import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages-en.ts';
import { vi } from '../../i18n/messages.ts';
import { problemText } from './problem-text.ts';
import {
  filledLength,
  longCellBeforeParsing,
  longTextRuns,
  notATable,
  parseDelimitedText,
  READER_CODES,
  readerProblems,
} from './raw-table.ts';

/** The first cell of the parsed table over `limit`, as the reader's own check finds it. */
function firstLongCell(text: string, limit: number): { row: number; column: number } | null {
  for (const [r, row] of parseDelimitedText(text).rows.entries()) {
    const c = row.findIndex((cell) => typeof cell === 'string' && cell.length > limit);
    if (c >= 0) return { row: r + 1, column: c + 1 };
  }
  return null;
}

/** Cells with everything that ends, quotes or pads a cell, and letters of two bytes in UTF-8. */
const cell = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom('a', 'ệ', ' ', ',', ';', '\t', '|', '"', '\n', '\r', '\u00a0'),
    maxLength,
  });
const delimiter = fc.constantFrom(',', ';', '\t', '|');
const newline = fc.constantFrom('\n', '\r\n', '\r');
const LIMIT = 8;

describe('longTextRuns', () => {
  it('finds runs over the limit with no cell end, not runs of spaces alone', () => {
    const text = `ab,${'x'.repeat(9)};"${'y'.repeat(8)}"\n${' '.repeat(12)}\t ${'z'.repeat(9)}`;
    expect(longTextRuns(text, 8)).toEqual([
      { start: 3, end: 12 },
      { start: text.lastIndexOf(' '), end: text.length },
    ]);
    expect(longTextRuns(text, 10)).toEqual([]);
  });

  it('finds exactly the runs a character-by-character scan finds', () => {
    const ends = new Set(',\t|;\u001e\u001f"\r\n');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'a', 'a', 'a', ' ', ',', '"', '\n'),
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 10 }),
        (text, limit) => {
          const expected: { start: number; end: number }[] = [];
          let start = 0;
          for (let i = 0; i <= text.length; i += 1) {
            if (i < text.length && !ends.has(text[i]!)) continue;
            if (i - start > limit && text.slice(start, i).trim() !== '') {
              expected.push({ start, end: i });
            }
            start = i + 1;
          }
          expect(longTextRuns(text, limit)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Where a long cell is, without the header naming its column. */
const at = (found: { row: number; column: number } | null) =>
  found && { row: found.row, column: found.column };

describe('longCellBeforeParsing', () => {
  it('names the row of the table, not of the text (empty lines and quoted line breaks before it)', () => {
    const text = `ma;ten\n\n071;"Lâm\nBình"\n  \n072;${'x'.repeat(9)}\n`;
    expect(longCellBeforeParsing(text, 8)).toEqual({ row: 3, column: 2, header: 'ten' });
    expect(firstLongCell(text, 8)).toEqual({ row: 3, column: 2 });
    expect(longCellBeforeParsing(text, 9)).toBeNull();
  });

  it('never refuses a table whose cells are all within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell(LIMIT), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        delimiter,
        newline,
        fc.boolean(),
        (rows, delimiter, newline, quotes) => {
          const text = Papa.unparse(rows, { delimiter, newline, quotes });
          expect(longCellBeforeParsing(text, LIMIT)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds one cell over the limit, at its row and column', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'ệ', 'b'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((width) =>
          fc.array(fc.array(fc.oneof(plain, cell(LIMIT)), { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 6,
          }),
        ),
        fc.nat(),
        fc.nat(),
        fc.tuple(cell(3), fc.string({ unit: fc.constantFrom('a', 'ệ'), minLength: LIMIT + 1 })),
        delimiter,
        newline,
        (rows, r, c, [around, run], delimiter, newline) => {
          // Each row starts with a letter, so none is an empty line that the reader drops.
          const table = rows.map((row) => [`k${row[0]!.slice(1)}`, ...row.slice(1)]);
          const row = r % table.length;
          const column = c % table[row]!.length;
          table[row]![column] = `${around}${run}${around}`;
          const text = Papa.unparse(table, { delimiter, newline, quotes: true });
          const found = at(longCellBeforeParsing(text, LIMIT));
          expect(found).toEqual(firstLongCell(text, LIMIT));
          // Papa Parse may guess another delimiter from a few quoted rows (both read them so).
          fc.pre(
            Papa.parse(text, { skipEmptyLines: 'greedy', preview: 1 }).meta.delimiter === delimiter,
          );
          expect(found).toEqual({ row: row + 1, column: column + 1 });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on any text, refuses only where the parsed table has its first cell over the limit', () => {
    fc.assert(
      fc.property(cell(60), fc.integer({ min: 1, max: 10 }), (text, limit) => {
        const found = at(longCellBeforeParsing(text, limit));
        if (found) expect(found).toEqual(firstLongCell(text, limit));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('notATable', () => {
  /** A text table: printable cells, any delimiter and line break, Vietnamese letters. */
  const table = fc
    .tuple(
      fc.array(
        fc.array(
          fc.string({
            unit: fc.constantFrom('a', 'ệ', 'Đ', '1', '.', ',', ' ', '%', '"', '<', '>', '\u00a0'),
            maxLength: 12,
          }),
          { minLength: 1, maxLength: 6 },
        ),
        { minLength: 1, maxLength: 30 },
      ),
      delimiter,
      newline,
    )
    .map(([rows, delimiter, newline]) => Papa.unparse(rows, { delimiter, newline }));

  it('never takes a text table for binary or HTML, with or without a BOM', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (text, bom) => {
        expect(notATable(bom ? `\uFEFF${text}` : text)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('takes any text with a NUL in its first kilobytes, or many control characters, for binary', () => {
    fc.assert(
      fc.property(table, fc.nat(), (text, at) => {
        const i = at % (Math.min(text.length, 4000) + 1);
        expect(notATable(`${text.slice(0, i)}\u0000${text.slice(i)}`)).toBe('binary');
      }),
      { numRuns: 300 },
    );
    // Bytes of a PNG decoded as Windows-1258 (how decodeText reads what is not UTF-8).
    const png = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(notATable(new TextDecoder('windows-1258').decode(png))).toBe('binary');
  });

  it('takes a file that starts as an HTML page for HTML, after white space or a BOM', () => {
    for (const start of [
      '<html><body><table><tr><td>Tên</td></tr></table></body></html>',
      '\uFEFF  \n<!DOCTYPE html>\n<html>',
      '<table border=1><tr><td>Mã</td></tr></table>',
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
      '<HTML xmlns:o="urn:schemas-microsoft-com:office:office">',
    ]) {
      expect(notATable(start)).toBe('html');
    }
    expect(notATable('<5 tuổi;Tỷ lệ\n12;3,4\n')).toBeNull();
  });
});

describe('readerProblems', () => {
  it('says each fault of the reader once, in our words, at its first row with the others counted', () => {
    const warnings = [
      ...Array.from({ length: 43 }, (_, i) => ({ row: 2 * i + 1, code: 'InvalidQuotes' as const })),
      { row: 1, code: 'InvalidQuotes' as const },
      { row: 9, code: 'MissingQuotes' as const },
    ];
    const problems = readerProblems(warnings);
    expect(problems.map((p) => [p.severity, p.kind, p.row, p.params.others])).toEqual([
      ['error', 'invalid-quotes', 2, 42],
      ['error', 'missing-quotes', 10, 0],
    ]);
    const [quotes, missing] = problems.map((p) => problemText(p, vi, 'vi'));
    expect(quotes).toBe(
      'ô trong ngoặc kép có ký tự ngay sau dấu ngoặc kép đóng: dấu ngoặc kép trong ô phải viết đôi ("") (cả ở dòng 4, 6, 8, 10, 12 … và 37 dòng khác)',
    );
    expect(missing).not.toMatch(/\(|\{/);
    expect(problemText(problems[0]!, en, 'en')).toMatch(
      /\(also in rows 4, 6, 8, 10, 12 … and 37 more rows\)$/,
    );
    // Papa Parse's English never reaches the page.
    expect(JSON.stringify(problems)).not.toMatch(/Trailing quote|malformed/);
  });

  it('gives every code of Papa Parse a message of its own in both languages', () => {
    for (const code of READER_CODES) {
      const [problem] = readerProblems([
        { row: 0, code },
        { row: 4, code },
      ]);
      for (const [messages, locale] of [
        [vi, 'vi'],
        [en, 'en'],
      ] as const) {
        const text = problemText(problem!, messages, locale);
        expect(text).not.toMatch(/\{|\}/);
        expect(text.length).toBeGreaterThan(20);
      }
    }
  });

  it('reads broken quoting from a file as one error for the rows it is in', () => {
    const text = `Tên;Ghi chú\n${Array.from({ length: 43 }, (_, i) => `Huyện ${i};"a"b"`).join('\n')}\n`;
    const { readerWarnings } = parseDelimitedText(text);
    const problems = readerProblems(readerWarnings);
    expect(problems.map((p) => [p.kind, p.row, p.params.others])).toEqual([
      ['invalid-quotes', 2, 42],
    ]);
  });
});

describe('filledLength', () => {
  it('counts the cells of a row up to its last one that is not empty', () => {
    expect(filledLength(['a', 'b', 'c', '', ''])).toBe(3);
    expect(filledLength(['a', null, ' ', '\u00a0'])).toBe(1);
    expect(filledLength(['', '', 0])).toBe(3);
    expect(filledLength([])).toBe(0);
  });
});
