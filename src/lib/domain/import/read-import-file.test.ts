import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import writeExcelFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from './limits.ts';
import { ImportFileError, readImportFile } from './read-import-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16le(text: string, bom = true): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes[(bom ? 2 : 0) + 2 * i] = code & 0xff;
    bytes[(bom ? 2 : 0) + 2 * i + 1] = code >> 8;
  }
  return bytes;
}

const CSV = 'Tên;Tỷ lệ\nHuyện Lâm Bình;36,03\n';
const ROWS = [
  ['Tên', 'Tỷ lệ'],
  ['Huyện Lâm Bình', '36,03'],
];

describe('readImportFile', () => {
  it.each([
    ['UTF-8', utf8(CSV)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)])],
    ['UTF-16 LE with BOM', utf16le(CSV)],
    ['UTF-16 LE without BOM', utf16le(CSV, false)],
    ['tab-separated', utf8(CSV.replace(/;/g, '\t'))],
    ['CRLF', utf8(CSV.replace(/\n/g, '\r\n'))],
  ])('reads a CSV in %s', async (_name, bytes) => {
    const file = await readImportFile('bang.csv', bytes);
    expect(file.format).toBe('csv');
    expect(file.table.rows).toEqual(ROWS);
  });

  it('refuses at once a file that is not a text table: a picture or a font renamed .csv', async () => {
    const png = new Uint8Array(4008).map((_, i) => (i * 7919 + 13) % 256);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    // A WOFF2 font: its signature, then a header of mostly zero bytes.
    const woff2 = new Uint8Array(13120);
    woff2.set([0x77, 0x4f, 0x46, 0x32, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x33, 0x40]);
    for (const [name, bytes] of [
      ['picture.csv', png],
      ['font.csv', woff2],
      ['bang.json', png],
    ] as const) {
      const reading = readImportFile(name, bytes);
      await expect(reading).rejects.toBeInstanceOf(ImportFileError);
      await expect(reading).rejects.toMatchObject({ key: 'importFile_binary' });
    }
  });

  it('never reads bytes with a NUL as a table, unless they are UTF-16 text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 8, maxLength: 600 }),
        fc.nat(),
        async (bytes, at) => {
          const data = bytes.slice();
          data[at % data.length] = 0;
          // A zip is a workbook, an OLE file an old .xls: refused otherwise.
          fc.pre(!(data[0] === 0x50 && data[1] === 0x4b) && data[0] !== 0xd0);
          const read = await readImportFile('bang.csv', data).then(
            (file) => file.encoding,
            (error: ImportFileError) => error.key,
          );
          if (read !== 'utf-16le' && read !== 'utf-16be') expect(read).toBe('importFile_binary');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an HTML page named .xls or .csv, saying to save it from Excel as .xlsx or CSV', async () => {
    const html = '<html><body><table><tr><td>Tên</td></tr></table></body></html>';
    for (const [name, bytes] of [
      ['html-as-xls.xls', utf8(html)],
      ['bao-cao.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`\r\n  <!DOCTYPE html>${html}`)])],
      ['bao-cao.xls', utf16le('<table><tr><td>Mã</td><td>Tỷ lệ</td></tr></table>')],
    ] as const) {
      const reading = readImportFile(name, bytes);
      await expect(reading).rejects.toMatchObject({ key: 'importFile_html' });
      await expect(reading).rejects.toThrow(/save it as \.xlsx or CSV/);
    }
  });

  it('reads legacy Windows-1258 text when the bytes are not UTF-8', async () => {
    const file = await readImportFile('bang.csv', new Uint8Array([0x48, 0xf2, 0x61, 0x2c, 0x31]));
    expect(file.encoding).toBe('windows-1258');
    expect(file.table.rows[0]).toHaveLength(2);
  });

  it('reads the first sheet of an XLSX workbook, or the one chosen', async () => {
    const blob = await writeExcelFile([
      { sheet: 'Ghi chú', data: [[{ value: 'Nguồn' }]] },
      {
        sheet: 'Số liệu',
        data: [
          [{ value: 'Mã' }, { value: 'Tỷ lệ' }],
          [{ value: '071' }, { value: 36.03 }],
        ],
      },
    ]).toBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const first = await readImportFile('bang.xlsx', bytes);
    expect(first).toMatchObject({
      format: 'xlsx',
      sheets: ['Ghi chú', 'Số liệu'],
      sheet: 'Ghi chú',
    });
    const chosen = await readImportFile('bang.xlsx', bytes, { sheet: 'Số liệu' });
    expect(chosen.table.rows).toEqual([
      ['Mã', 'Tỷ lệ'],
      ['071', 36.03],
    ]);
  });

  it('reads JSON records, JSON rows and the attributes of GeoJSON and TopoJSON', async () => {
    const records = await readImportFile(
      'a.json',
      utf8('[{"code":"071","rate":36.03},{"code":"072"}]'),
    );
    expect(records.table.rows).toEqual([
      ['code', 'rate'],
      ['071', 36.03],
      ['072', null],
    ]);
    const rows = await readImportFile('a.json', utf8('{"rows":[["code","rate"],["071",1]]}'));
    expect(rows.table.rows).toEqual([
      ['code', 'rate'],
      ['071', 1],
    ]);
    const geo = await readImportFile(
      'a.geojson',
      utf8(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ma":"071"},"geometry":null}]}',
      ),
    );
    expect(geo).toMatchObject({ format: 'geojson', table: { rows: [['ma'], ['071']] } });
    const topo = await readImportFile(
      'a.topojson',
      utf8(
        '{"type":"Topology","arcs":[],"objects":{"d":{"type":"GeometryCollection","geometries":[{"type":null,"properties":{"ma":"072"}}]}}}',
      ),
    );
    expect(topo).toMatchObject({ format: 'topojson', table: { rows: [['ma'], ['072']] } });
  });

  it.each([
    ['empty.csv', new Uint8Array(), 'empty'],
    ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), '.xls'],
    ['shapes.zip', new Uint8Array([0x50, 0x4b, 3, 4]), 'Shapefile'],
    ['broken.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'Excel'],
    ['broken.json', utf8('{"rows": ['), 'JSON'],
    ['nothing.json', utf8('{"a": 1}'), 'no list'],
  ])('explains why %s cannot be read', async (name, bytes, words) => {
    const reading = readImportFile(name, bytes);
    await expect(reading).rejects.toBeInstanceOf(ImportFileError);
    await expect(reading).rejects.toThrow(words);
  });

  it('refuses JSON nested deeper than the limit, with an import error', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await expect(readImportFile('deep.json', utf8(deep))).rejects.toMatchObject({
      key: 'importFile_jsonDepth',
    });
    const inString = JSON.stringify([{ name: '['.repeat(1000), value: 1 }]);
    expect((await readImportFile('a.json', utf8(inString))).table.rows).toHaveLength(2);
  });

  it('refuses JSON with a key twice in one object, naming the record, its row and the key', async () => {
    const records = '[{"ma":"071","rate_start":1},{"ma":"072","rate_start":5,"rate_start":7}]';
    const reading = readImportFile('bang.json', utf8(records));
    await expect(reading).rejects.toMatchObject({
      key: 'importFile_duplicateKeyInRecord',
      params: { key: 'rate_start', record: 2, row: 3 },
    });
    await expect(reading).rejects.toThrow(
      'record 2 (row 3 of the table) holds the key “rate_start” twice',
    );
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ma: '071' }, geometry: null }],
    }).replace('"ma":"071"', '"ma":"071","ma":"072"');
    await expect(readImportFile('bang.geojson', utf8(geo))).rejects.toMatchObject({
      params: { key: 'ma', record: 1, row: 2 },
    });
    const rows = '{"rows":[["ma","rate"],["071",{"x":1,"x":2}]]}';
    await expect(readImportFile('bang.json', utf8(rows))).rejects.toMatchObject({
      params: { key: 'x', record: 2, row: 2 },
    });
    const outside = '{"title":"a","title":"b","rows":[{"ma":"071"}]}';
    await expect(readImportFile('bang.json', utf8(outside))).rejects.toMatchObject({
      key: 'importFile_duplicateKey',
      params: { key: 'title' },
    });
  });

  it('refuses a text over the limit in any format, naming its record or row and column', async () => {
    const long = 'x'.repeat(IMPORT_LIMITS.textLength + 1);
    const fits = 'x'.repeat(IMPORT_LIMITS.textLength);
    const records = JSON.stringify([
      { ma: '071', ghi_chu: fits },
      { ma: '072', ghi_chu: long },
    ]);
    const reading = readImportFile('bang.json', utf8(records));
    await expect(reading).rejects.toMatchObject({
      key: 'importFile_textTooLongInRecord',
      params: { record: 2, row: 3, key: 'ghi_chu', limit: IMPORT_LIMITS.textLength },
    });
    await expect(reading).rejects.toThrow('Record 2 (row 3 of the table), field “ghi_chu”');
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ten: long }, geometry: null }],
    });
    await expect(readImportFile('bang.geojson', utf8(geo))).rejects.toMatchObject({
      params: { record: 1, row: 2, key: 'ten' },
    });
    const rows = JSON.stringify({
      rows: [
        ['ma', 'ten'],
        ['071', long],
      ],
    });
    await expect(readImportFile('bang.json', utf8(rows))).rejects.toMatchObject({
      key: 'importFile_textTooLongInRow',
      params: { row: 2, column: 'B' },
    });
    const csv = readImportFile('bang.csv', utf8(`ma;ten\n071;${fits}\n072;${long}\n`));
    await expect(csv).rejects.toMatchObject({
      key: 'importFile_textTooLongInColumn',
      params: { row: 3, column: 'ten' },
    });
    // As the validation report writes where a problem is: "Row 3, column “ten”: …".
    await expect(csv).rejects.toThrow('Row 3, column “ten”: a cell longer than');
    // At the limit, a text is read as any other.
    expect(
      (await readImportFile('bang.json', utf8(JSON.stringify([{ ma: fits }])))).table.rows,
    ).toEqual([['ma'], [fits]]);
  });

  it('reads records keyed constructor or toString as their own fields only', async () => {
    const json = JSON.stringify([{ name: 'Lâm Bình', constructor: 5 }, { toString: 'x' }]);
    const file = await readImportFile('a.json', utf8(json));
    expect(file.table.rows).toEqual([
      ['name', 'constructor', 'toString'],
      ['Lâm Bình', 5, null],
      [null, null, 'x'],
    ]);
  });

  it('refuses a workbook that inflates past the limit before reading it', async () => {
    const big = 'x'.repeat(60 * 1024 * 1024);
    const blob = await writeExcelFile([
      [{ value: 'Tên' }],
      [{ value: big.slice(0, 30_000) }],
    ]).toBlob();
    const small = new Uint8Array(await blob.arrayBuffer());
    expect((await readImportFile('a.xlsx', small)).format).toBe('xlsx');
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(big) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    await expect(readImportFile('bomb.xlsx', bomb)).rejects.toMatchObject({
      key: 'importFile_tooLarge',
    });
    expect(performance.now() - started).toBeLessThan(2000);
    // Making a 60 MB bomb takes seconds on a loaded machine; only the refusal is timed.
  }, 30_000);

  it('either reads any bytes or fails with an ImportFileError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('a.csv', 'a.json', 'a.xlsx'),
        async (bytes, name) => {
          try {
            const file = await readImportFile(name, bytes);
            return Array.isArray(file.table.rows);
          } catch (error) {
            return error instanceof ImportFileError;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
