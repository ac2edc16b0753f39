/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetMetadata, Observation } from '../dataset.ts';
import { INDICATORS } from '../indicators.ts';
import { readPlanTable } from '../plan-table.ts';
import { analyseImport, proposeSettings, type ImportSettings } from './analyse-import.ts';
import type { ColumnRole } from './columns.ts';
import type { Cell } from './numbers.ts';
import { columnLetter, parseDelimitedText, type RawTable } from './raw-table.ts';
import { TEST_UNITS } from './test-units.ts';
import { createUnitMatcher } from './unit-names.ts';

const matcher = createUnitMatcher(TEST_UNITS);
const provinceNameOf = (unit: { provinceCode: string }) =>
  TEST_UNITS.find((u) => u.level === 'province' && u.code === unit.provinceCode)?.name;
const ROOT = new URL('../../../../', import.meta.url);
const ANNEX = readFileSync(
  fileURLToPath(new URL('tests/fixtures/tuyen-quang-2020-annex.csv', ROOT)),
  'utf8',
);
const SEED = readFileSync(
  fileURLToPath(new URL('data/seeds/tuyen-quang-2020-plan.csv', ROOT)),
  'utf8',
);

function table(text: string): RawTable {
  return parseDelimitedText(text);
}

function analyse(text: string, changes: Partial<ImportSettings> = {}) {
  const raw = table(text);
  const settings = { ...proposeSettings(raw, matcher), ...changes };
  return { settings, analysis: analyseImport(raw, settings, matcher) };
}

const sorted = <T extends { unitCode: string; indicator: string }>(list: T[]) =>
  [...list].sort((a, b) =>
    `${a.unitCode}${a.indicator}`.localeCompare(`${b.unitCode}${b.indicator}`),
  );

describe('the Tuyên Quang annex, units as columns', () => {
  const { settings, analysis } = analyse(ANNEX);

  it('is turned, with Vietnamese numbers and every column guessed', () => {
    expect(settings.transpose).toBe(true);
    expect(settings.headerRow).toBe(1);
    expect(settings.numberFormat).toBe('vi');
    expect(settings.columns).toEqual([
      'name',
      'households_start',
      'households_end',
      'poor_start',
      'poor_reduced',
      'poor_end',
      'ignore',
      'rate_start',
      'rate_reduction',
      'rate_end',
    ]);
  });

  it('matches seven districts by name and the total column to the province', () => {
    // Each unit is a column of the file: it is located by the column's letter (B, C, …).
    expect(analysis.rows.map((row) => row.column)).toEqual(
      analysis.rows.map((row) => columnLetter(row.index + settings.headerRow + 1)),
    );
    expect(new Set(analysis.rows.map((row) => row.column)).size).toBe(analysis.rows.length);
    expect(analysis.provinceCode).toBe('08');
    expect(analysis.counts).toMatchObject({ name: 7, total: 1, skipped: 1, unmatched: 0 });
    expect(analysis.rows.find((row) => row.label === 'TP Tuyên Quang')?.match.unit?.code).toBe(
      '070',
    );
    expect(analysis.rows.find((row) => row.label === 'Đơn vị tính')?.match.status).toBe('skipped');
    expect(analysis.level).toBe('district');
  });

  it('reads the same figures as the committed seed, with no problem', () => {
    expect(analysis.problems).toEqual([]);
    const seed = readPlanTable(SEED, { id: 'x' } as DatasetMetadata).bundle.observations;
    // Dataset and year are the metadata's, given when the import is stored.
    const figure = ({ datasetId: _, year: _year, ...o }: Observation) => o;
    expect(sorted(analysis.observations).map(figure)).toEqual(sorted(seed).map(figure));
  });

  it('names the row and column of the file in its problems', () => {
    // Lâm Bình is column K of the file; its start rate is on row 8.
    const broken = ANNEX.replace(';29,56;36,03', ';29,56;136,03');
    const { analysis: result } = analyse(broken);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 8,
        column: 'K',
        kind: 'rate-out-of-range',
      }),
    ]);
  });
});

describe('analyseImport on a table with units as rows', () => {
  const csv = [
    'Mã huyện,Tên đơn vị,Tỷ lệ hộ nghèo đầu năm,Số hộ nghèo đầu năm,Tổng số hộ đầu năm',
    '071,Huyện Lâm Bình,"36,03",2.750,7.633',
    ',tp. tuyen quang,"1,01",368,36.540',
    ',Châu Thành,"5,00",10,200',
    ',Huyện Không Có,"2,00",2,100',
  ].join('\n');

  it('matches by code, by name, and lists what it could not match as errors', () => {
    const { settings, analysis } = analyse(csv);
    expect(settings.columns).toEqual([
      'code',
      'name',
      'rate_start',
      'poor_start',
      'households_start',
    ]);
    expect(analysis.rows.map((row) => row.match.status)).toEqual([
      'code',
      'name',
      'ambiguous',
      'unmatched',
    ]);
    // The candidates of a repeated name are told apart by their provinces.
    const ambiguous = analysis.rows[2]!;
    expect(ambiguous.candidateNames).toEqual(
      ambiguous.match.candidates!.map((unit) => `${unit.name} (${provinceNameOf(unit)})`),
    );
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ row: 4, column: 'Tên đơn vị', kind: 'ambiguous' }),
      expect.objectContaining({ row: 5, column: 'Tên đơn vị', kind: 'unmatched' }),
    ]);
    // Unmatched rows are not read, but neither are they lost: they block the import.
    expect(new Set(analysis.observations.map((o) => o.unitCode))).toEqual(new Set(['071', '070']));
  });

  it('takes the person’s decisions: a unit chosen by hand, a row dropped', () => {
    const { analysis } = analyse(csv, { decisions: { 2: 'district:905', 3: 'drop' } });
    expect(analysis.rows.map((row) => row.match.status)).toEqual([
      'code',
      'name',
      'manual',
      'dropped',
    ]);
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(analysis.observations.filter((o) => o.unitCode === '905')).toHaveLength(3);
  });

  it('matches repeated names within the chosen province', () => {
    const { analysis } = analyse(csv, { provinceCode: '91', decisions: { 3: 'drop' } });
    expect(analysis.rows[2]!.match).toMatchObject({ status: 'name', unit: { code: '905' } });
  });

  it('reports duplicate units and duplicate indicator columns as errors', () => {
    const duplicated =
      'Tên,Tỷ lệ hộ nghèo,Tỷ lệ hộ nghèo đầu năm\nLâm Bình,1,2\nHuyện Lâm Bình,3,4\n';
    const { analysis } = analyse(duplicated, { columns: ['name', 'rate_start', 'rate_start'] });
    expect(analysis.problems.map((p) => [p.severity, p.kind, p.row])).toEqual([
      ['error', 'duplicate-column', 1],
      ['error', 'duplicate-unit', 3],
    ]);
  });

  it('guesses both of two columns of one indicator, so the person chooses one', () => {
    const twice = 'Tên,Số hộ nghèo,Số hộ nghèo đầu năm\nLâm Bình,10,12\n';
    const { settings, analysis } = analyse(twice);
    expect(settings.columns).toEqual(['name', 'poor_start', 'poor_start']);
    expect(analysis.problems.map((p) => [p.kind, p.column])).toEqual([
      ['duplicate-column', 'Số hộ nghèo đầu năm'],
    ]);
    const chosen = analyse(twice, { columns: ['name', 'ignore', 'poor_start'] }).analysis;
    expect(chosen.problems).toEqual([]);
    expect(chosen.observations.map((o) => o.value)).toEqual([12]);
  });

  it('refuses two unit columns that differ, naming both and the first row where they do', () => {
    const twice =
      'Mã huyện,Tên huyện,Mã huyện,Số hộ nghèo đầu năm\n071,Lâm Bình,071,10\n072,Na Hang,073,12\n073,Chiêm Hóa,074,9\n';
    const { settings, analysis } = analyse(twice);
    expect(settings.columns).toEqual(['code', 'name', 'code', 'poor_start']);
    const errors = analysis.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.kind, p.row, p.column, p.params])).toEqual([
      [
        'duplicate-unit-column',
        3,
        'Mã huyện',
        {
          role: 'code',
          other: 'Mã huyện (A)',
          column: 'Mã huyện (C)',
          first: '072',
          second: '073',
        },
      ],
    ]);
    expect(errors[0]!.message).toBe(
      'two columns are both “Unit code (GSO)” but differ: Mã huyện (A) says “072”, Mã huyện (C) says “073” — choose one and set the other to “Ignore”',
    );
    const chosen = analyse(twice, { columns: ['code', 'name', 'ignore', 'poor_start'] });
    expect(chosen.analysis.problems).toEqual([]);
  });

  it('accepts two unit columns that say the same, however spelt, and reads the first', () => {
    const alone = 'Mã huyện,Số hộ nghèo đầu năm\n071,10\n072,12\n';
    const spelt =
      'Mã huyện,Số hộ nghèo đầu năm,Mã huyện,Tỉnh,Tên tỉnh,Huyện,Tên huyện\n' +
      '071,10,71,08,Tỉnh Tuyên Quang,Lâm Bình,Huyện Lâm Bình\n' +
      '072,12, 072 ,8,tuyen quang,H. Na Hang,na hang\n';
    const { settings, analysis } = analyse(spelt);
    expect(settings.columns).toEqual([
      'code',
      'poor_start',
      'code',
      'province',
      'province',
      'name',
      'name',
    ]);
    expect(analysis.problems).toEqual([]);
    expect(sorted(analysis.observations)).toEqual(sorted(analyse(alone).analysis.observations));
  });

  it('tells apart provinces and names that only look alike', () => {
    const provinces =
      'Mã tỉnh,Tên tỉnh,Tên huyện,Số hộ nghèo đầu năm\n08,Tuyên Quang,Lâm Bình,10\n02,Tuyên Quang,Na Hang,12\n';
    // Row 3 is read in province 02, the first column: Na Hang is not there either.
    expect(analyse(provinces).analysis.problems.map((p) => [p.kind, p.row, p.column])).toEqual([
      ['duplicate-unit-column', 3, 'Tên tỉnh'],
      ['unmatched', 3, 'Tên huyện'],
    ]);
    const names = 'Tên,Huyện,Số hộ nghèo đầu năm\nThị xã Cai Lậy,Huyện Cai Lậy,10\n';
    expect(analyse(names, { provinceCode: '82' }).analysis.problems).toEqual([
      expect.objectContaining({
        kind: 'duplicate-unit-column',
        params: expect.objectContaining({ role: 'name' }),
      }),
    ]);
  });

  it('checks only the rows that are read: a dropped row may disagree', () => {
    const differing = 'Mã huyện,Số hộ nghèo đầu năm,Mã huyện\n071,10,071\n072,12,073\n';
    expect(analyse(differing).analysis.problems.map((p) => p.kind)).toEqual([
      'duplicate-unit-column',
    ]);
    expect(analyse(differing, { decisions: { 1: 'drop' } }).analysis.problems).toEqual([]);
  });

  it('refuses a row cut short, naming the row and the first missing column', () => {
    const cut = 'Tên,Số hộ nghèo đầu năm,Tổng số hộ đầu năm\nLâm Bình,10,800\nNa Hang,54\n';
    const { analysis } = analyse(cut);
    const errors = analysis.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.severity, p.kind, p.row, p.column])).toEqual([
      ['error', 'short-row', 3, 'Tổng số hộ đầu năm'],
    ]);
  });

  it('says a row cut short once: no empty-cell warning besides for the cells it lacks', () => {
    const cut =
      'Tên;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm\nLâm Bình;10;\nNa Hang;54\nChiêm Hóa;5;1,2\n';
    const { analysis } = analyse(cut);
    expect(analysis.problems.map((p) => [p.severity, p.kind, p.row])).toEqual([
      // Row 2's empty cell is in the row: it stays a warning.
      ['warning', 'empty-cell', 2],
      ['error', 'short-row', 3],
    ]);
  });

  it('refuses a row with more cells than the header, naming the row and its first extra cell', () => {
    // The tester's file: "3,094" and "10,468" written the English way in a comma-delimited file.
    const shifted =
      'Mã huyện,Tên huyện,Số hộ nghèo,Tổng số hộ\n070,Thành phố Tuyên Quang,368,36540\n' +
      '072,Huyện Na Hang,3,094,10,468\n071,Huyện Lâm Bình,2750,7633\n';
    const { settings, analysis } = analyse(shifted);
    expect(settings.transpose).toBe(false);
    expect(analysis.problems.map((p) => [p.severity, p.kind, p.row, p.column, p.params])).toEqual([
      ['error', 'long-row', 3, 'E', { fields: 6, expected: 4 }],
    ]);
    // Nothing of the shifted row is read (it was 3 poor households of 94).
    expect(analysis.observations.filter((o) => o.unitCode === '072')).toEqual([]);
    expect(analysis.problems[0]!.message).toMatch(/the row has 6 cells, the header only 4 columns/);
    // A row the person drops is not read, so it is not too long either.
    expect(analyse(shifted, { decisions: { 1: 'drop' } }).analysis.problems).toEqual([]);
  });

  it('reads trailing empty cells as no cells: a;b;c;; is a row of three', () => {
    const trailing = 'Tên;Số hộ nghèo đầu năm\nLâm Bình;10;;;\nNa Hang;54; ;\n';
    const { analysis } = analyse(trailing);
    expect(analysis.problems).toEqual([]);
    expect(analysis.observations.map((o) => o.value)).toEqual([10, 54]);
  });

  it('does not turn a table whose rows are longer than its header to make it match', () => {
    // comma-thousands.csv: turned, "Số hộ nghèo" was read as a unit and 2 as its code.
    const text =
      'Mã huyện,Tên huyện,Số hộ nghèo,Tổng số hộ\n070,Thành phố Tuyên Quang,368,36540\n' +
      '071,Huyện Lâm Bình,2,750,7,633\n072,Huyện Na Hang,3094,10468\n';
    const { settings, analysis } = analyse(text);
    expect([settings.transpose, settings.headerRow]).toEqual([false, 0]);
    expect(analysis.problems.map((p) => [p.kind, p.row])).toEqual([['long-row', 3]]);
    // A line of text alone wider than the header is no such row (a note, and the signature
    // placed right of the table, as reports end): the annex above it is still turned, and read
    // as it is without it.
    const note = `Ghi chú: số liệu sơ bộ${';'.repeat(11)}Người lập biểu`;
    const annotated = analyse(`${ANNEX.trimEnd()}\n${note}\n`);
    expect(annotated.settings.transpose).toBe(true);
    expect(sorted(annotated.analysis.observations)).toEqual(
      sorted(analyse(ANNEX).analysis.observations),
    );
  });

  it('refuses names and cells over their length limits, quoting only their start', () => {
    const longName = 'Lâm Bình'.padEnd(201, 'x');
    const { analysis } = analyse(`Tên,Số hộ nghèo đầu năm\nNa Hang,10\n${longName},12\n`);
    expect(analysis.problems.map((p) => [p.kind, p.row, p.params.length])).toEqual([
      ['cell-too-long', 3, 201],
    ]);
    const longCell = '1'.repeat(1001);
    const cells = analyse(`Tên,Số hộ nghèo đầu năm\nNa Hang,${longCell}\n`).analysis;
    expect(cells.problems.map((p) => [p.kind, p.column])).toEqual([
      ['cell-too-long', 'Số hộ nghèo đầu năm'],
    ]);
    const unmatched = analyse(`Tên,Số hộ nghèo đầu năm\n${'y'.repeat(150)},12\n`).analysis;
    expect(JSON.stringify(unmatched.problems).length).toBeLessThan(1000);
  });

  it('reads a table whose columns are named after Object.prototype members', () => {
    const header = 'Tên,constructor,toString,valueOf,hasOwnProperty,Số hộ nghèo đầu năm';
    const { settings, analysis } = analyse(`${header}\nLâm Bình,a,b,c,d,12\n`);
    expect(settings.columns).toEqual([
      'name',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'poor_start',
    ]);
    expect(analysis.observations.map((o) => o.value)).toEqual([12]);
    // The worker posts settings and report: they must survive a structured clone.
    expect(structuredClone(settings)).toEqual(settings);
  });

  it('asks for a unit column when there is none', () => {
    const { analysis } = analyse('a,b\n1,2\n', { columns: ['rate_start', 'rate_end'] });
    expect(analysis.problems).toEqual([
      expect.objectContaining({ kind: 'no-unit-column', severity: 'error' }),
    ]);
  });
});

describe('analyseImport properties', () => {
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constantFrom(
      'Lâm Bình',
      'TP Tuyên Quang',
      'Châu Thành',
      'Toàn tỉnh',
      '071',
      '08',
      '',
      '-1',
      '101',
      'n/a',
    ),
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -100, max: 100_000 }),
    fc.double({ noNaN: true }),
    fc.constant(null),
    fc.boolean(),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 });

  it('a copy of the code column is read as nothing new, unless a row of it names another unit', () => {
    const districts = TEST_UNITS.filter((u) => u.provinceCode === '08' && u.level === 'district');
    const row = fc.record({
      unit: fc.nat({ max: districts.length - 1 }),
      poor: fc.nat({ max: 5000 }),
      spelling: fc.constantFrom('same', 'unpadded', 'spaced'),
      changed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: districts.length, selector: (r) => r.unit }),
        (rows) => {
          const code = (i: number) => districts[i]!.code;
          const copy = (r: (typeof rows)[number]) =>
            r.changed
              ? code((r.unit + 1) % districts.length)
              : r.spelling === 'unpadded'
                ? String(Number(code(r.unit)))
                : r.spelling === 'spaced'
                  ? ` ${code(r.unit)} `
                  : code(r.unit);
          const body = rows.map((r) => `${code(r.unit)},${r.poor},${copy(r)}`).join('\n');
          const { analysis } = analyse(`Mã huyện,Số hộ nghèo đầu năm,Mã huyện\n${body}\n`);
          const firstChanged = rows.findIndex((r) => r.changed);
          if (firstChanged < 0) {
            const alone = rows.map((r) => `${code(r.unit)},${r.poor}`).join('\n');
            const expected = analyse(`Mã huyện,Số hộ nghèo đầu năm\n${alone}\n`).analysis;
            expect(analysis.problems).toEqual(expected.problems);
            expect(analysis.observations).toEqual(expected.observations);
          } else {
            const reported = analysis.problems.filter((p) => p.kind === 'duplicate-unit-column');
            expect(reported.map((p) => [p.row, p.params.first, p.params.second])).toEqual([
              [firstChanged + 2, code(rows[firstChanged]!.unit), copy(rows[firstChanged]!)],
            ]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a row is refused for its length exactly when it has more cells than the header, trailing empty cells not counted', () => {
    const districts = TEST_UNITS.filter((u) => u.provinceCode === '08' && u.level === 'district');
    const row = fc.record({
      poor: fc.nat({ max: 5000 }),
      // Cells after the figures: empty or blank ones (a spreadsheet's), or figures.
      after: fc.array(fc.constantFrom('', ' ', '999', '7'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: districts.length }),
        fc.constantFrom(',', ';', '\t'),
        fc.nat({ max: 2 }),
        (rows, delimiter, emptyHeaders) => {
          // The header may end in empty fields too ("a;b;;"): those are columns of the header.
          const header = [
            'Mã huyện',
            'Số hộ nghèo đầu năm',
            ...Array<string>(emptyHeaders).fill(''),
          ];
          const lines = rows.map((r, i) => [districts[i]!.code, String(r.poor), ...r.after]);
          const text = [header, ...lines].map((line) => line.join(delimiter)).join('\n');
          const columns: ColumnRole[] = [
            'code',
            'poor_start',
            ...header.slice(2).map(() => 'ignore' as const),
          ];
          const { settings, analysis } = analyse(text, { columns });
          const filled = (line: string[]) =>
            line.reduce((n, cell, c) => (cell.trim() !== '' ? c + 1 : n), 0);
          const expected = lines.flatMap((line, i) =>
            filled(line) > header.length ? [[i + 2, filled(line)]] : [],
          );
          expect(settings.transpose).toBe(false);
          const long = analysis.problems.filter((p) => p.kind === 'long-row');
          expect(long.map((p) => [p.row, p.params.fields])).toEqual(expected);
          // Every other row is read.
          expect(analysis.observations.length).toBe(rows.length - expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws: any table either yields sound figures or says why not', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (tableRows, transpose) => {
        const raw: RawTable = { rows: tableRows, readerWarnings: [] };
        const settings = { ...proposeSettings(raw, matcher), transpose };
        const analysis = analyseImport(raw, settings, matcher);
        const errors = analysis.problems.filter((p) => p.severity === 'error');
        const sound = analysis.observations.every((o) => {
          const { kind } = INDICATORS[o.indicator];
          return Number.isFinite(o.value) && (kind !== 'rate' || (o.value >= 0 && o.value <= 100));
        });
        const explained = errors.length > 0 || analysis.observations.length > 0;
        return sound && explained && analysis.problems.every((p) => p.row >= 1 && p.message !== '');
      }),
      { numRuns: 400 },
    );
  });
});
