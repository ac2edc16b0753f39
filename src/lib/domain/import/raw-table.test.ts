import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { longCellBeforeParsing, longTextRuns, parseDelimitedText } from './raw-table.ts';

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

describe('longCellBeforeParsing', () => {
  it('names the row of the table, not of the text (empty lines and quoted line breaks before it)', () => {
    const text = `ma;ten\n\n071;"Lâm\nBình"\n  \n072;${'x'.repeat(9)}\n`;
    expect(longCellBeforeParsing(text, 8)).toEqual({ row: 3, column: 2 });
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
          const found = longCellBeforeParsing(text, LIMIT);
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
        const found = longCellBeforeParsing(text, limit);
        if (found) expect(found).toEqual(firstLongCell(text, limit));
      }),
      { numRuns: 1000 },
    );
  });
});
