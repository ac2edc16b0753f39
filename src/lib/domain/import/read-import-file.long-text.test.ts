import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/universal';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_LIMITS } from './limits.ts';
import { readImportFile } from './read-import-file.ts';

/** The largest XML part of each workbook read-excel-file is handed (inflated, in characters). */
const workbookParts = vi.hoisted(() => [] as number[]);
vi.mock('read-excel-file/universal', async (importOriginal) => {
  const actual = await importOriginal<typeof import('read-excel-file/universal')>();
  const { unzipSync } = await import('fflate');
  const read = (input: ArrayBuffer) => {
    const parts = Object.values(unzipSync(new Uint8Array(input)));
    workbookParts.push(Math.max(...parts.map((part) => part.length)));
    return actual.default(input);
  };
  return { ...actual, default: read };
});

const limit = IMPORT_LIMITS.textLength;
const long = 'x'.repeat(3_000_000);
const fits = 'x'.repeat(limit);

async function workbook(data: { value: string }[][]): Promise<Uint8Array> {
  return bytesOf(await writeExcelFile(data).toBlob());
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

afterEach(() => {
  vi.restoreAllMocks();
  workbookParts.length = 0;
});

describe('a text over the limit is refused before the table is parsed', () => {
  it('CSV: Papa Parse never gets the long cell whole, and the refusal names its row and column', async () => {
    const parse = vi.spyOn(Papa, 'parse');
    const text = `ma;ghi chu\n\n071;"${fits}"\n072;"a; ${long}"\n073;${long}\n`;
    await expect(readImportFile('bang.csv', new TextEncoder().encode(text))).rejects.toMatchObject({
      key: 'importFile_textTooLongInColumn',
      params: { row: 3, column: 'ghi chu', limit },
    });
    expect(parse).toHaveBeenCalled();
    for (const [input] of parse.mock.calls as unknown[][]) {
      expect(typeof input === 'string' && input.length < long.length / 2).toBe(true);
    }
  });

  it('CSV: a cell over the limit made of short runs is still refused, after parsing', async () => {
    const text = `ma;ghi chu\n071;"${'a,'.repeat(limit)}"\n`;
    await expect(readImportFile('bang.csv', new TextEncoder().encode(text))).rejects.toMatchObject({
      key: 'importFile_textTooLongInColumn',
      params: { row: 2, column: 'ghi chu' },
    });
    // A column whose header is empty is named by its letter.
    const unnamed = `ma;;ten\n071;"${'a,'.repeat(limit)}";Lâm Bình\n`;
    await expect(
      readImportFile('bang.csv', new TextEncoder().encode(unnamed)),
    ).rejects.toMatchObject({
      key: 'importFile_textTooLongInRow',
      params: { row: 2, column: 'B' },
    });
  });

  it('XLSX: read-excel-file never gets the long shared string, and the refusal names its row and column', async () => {
    const bytes = await workbook([
      [{ value: 'Mã' }, { value: 'Ghi chú' }],
      [{ value: '071' }, { value: fits }],
      [{ value: '072' }, { value: `Huyện ${long}` }],
    ]);
    await expect(readImportFile('bang.xlsx', bytes)).rejects.toMatchObject({
      key: 'importFile_textTooLongInColumn',
      params: { row: 3, column: 'Ghi chú', limit },
    });
    expect(workbookParts.length).toBeGreaterThan(0);
    for (const size of workbookParts) expect(size).toBeLessThan(long.length / 2);
  });

  it('XLSX: an inline string over the limit, too', async () => {
    const files = unzipSync(await workbook([[{ value: 'Mã' }, { value: 'Ghi chú' }]]));
    const sheet = 'xl/worksheets/sheet1.xml';
    files[sheet] = strToU8(
      strFromU8(files[sheet]!).replace(
        '</sheetData>',
        `<row r="2"><c r="A2" t="inlineStr"><is><t>071</t></is></c><c r="B2" t="inlineStr"><is><t xml:space="preserve">${long}</t></is></c></row></sheetData>`,
      ),
    );
    await expect(readImportFile('bang.xlsx', zipSync(files))).rejects.toMatchObject({
      key: 'importFile_textTooLongInColumn',
      params: { row: 2, column: 'Ghi chú' },
    });
    for (const size of workbookParts) expect(size).toBeLessThan(long.length / 2);
  });

  it('XLSX: a text over the limit outside the sheet read, or in a broken workbook, refuses the file with no row', async () => {
    const bytes = await bytesOf(
      await writeExcelFile([
        { sheet: 'Số liệu', data: [[{ value: 'Mã' }], [{ value: '071' }]] },
        { sheet: 'Ghi chú', data: [[{ value: long }]] },
      ]).toBlob(),
    );
    await expect(readImportFile('bang.xlsx', bytes, { sheet: 'Số liệu' })).rejects.toMatchObject({
      key: 'importFile_textTooLong',
      params: { limit },
    });
    // So does one in a workbook that cannot be read besides (a cell naming no shared string).
    const files = unzipSync(await workbook([[{ value: 'Mã' }], [{ value: long }]]));
    const sheet = 'xl/worksheets/sheet1.xml';
    files[sheet] = strToU8(strFromU8(files[sheet]!).replace('<v>0</v>', '<v>7</v>'));
    await expect(readImportFile('bang.xlsx', zipSync(files))).rejects.toMatchObject({
      key: 'importFile_textTooLong',
    });
    for (const size of workbookParts) expect(size).toBeLessThan(long.length / 2);
    // At the limit, a text is read as any other.
    const atLimit = await workbook([[{ value: 'Mã' }], [{ value: fits }]]);
    expect((await readImportFile('bang.xlsx', atLimit)).table.rows).toEqual([['Mã'], [fits]]);
  });
});
