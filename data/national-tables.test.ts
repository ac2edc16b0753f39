import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAdminUnits } from './boundaries/admin-units.ts';
import type { AdminProvince } from './boundaries/types.ts';
import { ADMIN_UNITS_FILE } from './boundaries/build-boundaries.ts';
import { readSourceFile, SOURCES_DIR } from './boundaries/sources.ts';
import { listLabel } from '../src/lib/domain/priority/designated-lists.ts';
import {
  nationalDatasets,
  nationalLists,
  readNationalTables,
  type NationalTable,
} from './national-tables.ts';

const NATIONAL_DIR = path.resolve(import.meta.dirname, 'national');
const RATES_2023 = 'gso_multidimensional_poverty_rate_by_province_2023';
const POOR_DISTRICTS = 'poor_districts_2021_2025_coded';

let provinces: AdminProvince[];
let tables: NationalTable[];

beforeAll(async () => {
  const file = path.join(SOURCES_DIR, ADMIN_UNITS_FILE);
  provinces = parseAdminUnits((await readSourceFile(file)).toString('utf8'), file);
  tables = await readNationalTables(NATIONAL_DIR, provinces);
});

const table = (id: string) => tables.find((t) => t.meta.id === id)!;
const provinceRows = (t: NationalTable, year: number) =>
  t.rows.filter((r) => r.level === 'province' && Number(r.year) === year);

describe('data/national/ as committed', () => {
  it('the 2023 survey table covers every one of the 63 provinces once, as a survey estimate', () => {
    const t = table('gso-multidimensional-poverty-2023');
    expect(t.meta.kind).toBe('survey');
    const codes = provinceRows(t, 2023).map((r) => r.province_code);
    expect(new Set(codes)).toEqual(new Set(provinces.map((p) => p.code)));
    expect(codes).toHaveLength(provinces.length);
  });

  it('the 2006–2016 history keeps Hà Tây 2006 without a code and lacks only TP. HCM in 2016', () => {
    const t = table('gso-income-poverty-2006-2016');
    for (const year of t.meta.years) {
      const withCode = provinceRows(t, year).filter((r) => r.province_code !== '');
      const missing = provinces.filter((p) => !withCode.some((r) => r.province_code === p.code));
      expect(
        missing.map((p) => p.code),
        `${year}`,
      ).toEqual(year === 2016 ? ['79'] : []);
      expect(t.meta.standards?.[String(year)], `${year}`).toMatch(/^income-/);
    }
    const uncoded = t.rows.filter((r) => r.level === 'province' && r.province_code === '');
    expect(uncoded.map((r) => [r.province_name, r.year])).toEqual([['Ha Tay', '2006']]);
  });

  it('the poor-district list says how many of the act’s districts it holds', () => {
    const t = table('poor-districts-2021-2025');
    expect(t.meta.kind).toBe('official-list');
    expect(t.rows).toHaveLength(t.meta.listSize!.known);
    expect(t.meta.listSize!.stated - t.meta.listSize!.known).toBe(18);
    expect(t.meta.caveat.vi).toContain(`${t.meta.listSize!.known} trên ${t.meta.listSize!.stated}`);
  });
});

/** A copy of data/national/ with one file changed by `edit`. */
async function mutated(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'national-'));
  await cp(NATIONAL_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return dir;
}

describe('readNationalTables refuses what it cannot trust, naming file, row and column', () => {
  it.each([
    [
      `${RATES_2023}.csv`,
      (t: string) => t.replace('province,01,Hà Nội,Hà Nội', 'province,99,Hà Nội,Hà Nội'),
      /2023\.csv, row 4, column province_code: 99 is not a GSO province code/,
    ],
    [
      `${RATES_2023}.csv`,
      (t: string) => t.replace('preliminary (Sơ bộ),0.1,', 'preliminary (Sơ bộ),101,'),
      /row 4, column poverty_rate_pct: "101" is not a rate/,
    ],
    [
      `${RATES_2023}.csv`,
      (t: string) => t.replace('province,01,Hà Nội,Hà Nội', 'province,01,Hà Nội,Ha Noi'),
      /row 4, column province_name_vi: "Ha Noi" is not Hà Nội/,
    ],
    [
      `${RATES_2023}.csv`,
      (t: string) => t.replace('province,26,Vĩnh Phúc,Vĩnh Phúc', 'province,01,Hà Nội,Hà Nội'),
      /row 5, column province_code: 01 appears twice for 2023/,
    ],
    [
      `${POOR_DISTRICTS}.csv`,
      (t: string) => t.replace('02,Hà Giang,027,', '02,Hà Giang,070,'),
      /coded\.csv, row 2, column district_code: 070 is not a district of Tỉnh Hà Giang/,
    ],
    [
      `${POOR_DISTRICTS}.meta.json`,
      (t: string) => t.replace('"known": 56', '"known": 57'),
      /listSize\.known says 57, the file has 56/,
    ],
    [
      `${POOR_DISTRICTS}.meta.json`,
      (t: string) => t.replace('"caveat"', '"caveatX"'),
      /coded\.meta\.json: caveat needs vi and en/,
    ],
  ])('%s, mutated', async (file, edit, message) => {
    const dir = await mutated(file, edit);
    await expect(readNationalTables(dir, provinces)).rejects.toThrow(message);
  });

  it('a row without its source is refused', async () => {
    const dir = await mutated(`${RATES_2023}.csv`, (t) => {
      const lines = t.split('\n');
      lines[3] = lines[3]!.replace(/,"GSO[^\r]*/, ',');
      return lines.join('\n');
    });
    await expect(readNationalTables(dir, provinces)).rejects.toThrow(
      /row 4, column source: every figure names its source/,
    );
  });
});

describe('nationalDatasets', () => {
  const byId = (id: string) => nationalDatasets(tables).find((d) => d.metadata.id === id)!;

  it('makes each rate table a built-in province dataset; the list is not one', () => {
    expect(
      nationalDatasets(tables)
        .map((d) => d.metadata.id)
        .sort(),
    ).toEqual(
      tables
        .filter((t) => t.meta.kind !== 'official-list')
        .map((t) => t.meta.id)
        .sort(),
    );
  });

  it('makes the 2023 survey table a province dataset of survey estimates with its national figure', () => {
    const survey = byId('gso-multidimensional-poverty-2023');
    const t = table('gso-multidimensional-poverty-2023');
    expect(survey.metadata).toMatchObject({
      id: t.meta.id,
      kind: 'survey',
      level: 'province',
      year: 2023,
      standard: '2022-2025',
      indicators: ['poverty_rate'],
      national: {
        poverty_rate: Number(t.rows.find((r) => r.level === 'national')!.poverty_rate_pct),
      },
    });
    // A single-year table stays a single-year dataset: no list of years to carry.
    expect(survey.metadata.years).toBeUndefined();
    const rows = provinceRows(t, 2023);
    expect(survey.observations).toHaveLength(rows.length);
    for (const row of rows) {
      expect(survey.observations).toContainEqual({
        datasetId: t.meta.id,
        unitCode: row.province_code,
        unitLevel: 'province',
        indicator: 'poverty_rate',
        year: 2023,
        value: Number(row.poverty_rate_pct),
      });
    }
  });

  it('makes the 2006–2016 table one multi-year survey dataset, each year with its figures and standard', () => {
    const t = table('gso-income-poverty-2006-2016');
    const history = byId(t.meta.id);
    const years = [...t.meta.years].sort((a, b) => a - b);
    expect(history.metadata).toMatchObject({
      kind: 'survey',
      level: 'province',
      year: years[years.length - 1],
      years,
      standards: t.meta.standards,
      indicators: ['poverty_rate'],
    });
    for (const year of years) {
      const rows = provinceRows(t, year).filter((r) => r.province_code !== '');
      const figures = history.observations.filter((o) => o.year === year);
      expect(figures, `${year}`).toHaveLength(rows.length);
      for (const row of rows) {
        expect(figures).toContainEqual(
          expect.objectContaining({
            unitCode: row.province_code,
            value: Number(row.poverty_rate_pct),
          }),
        );
      }
      const national = t.rows.find((r) => r.level === 'national' && Number(r.year) === year)!;
      expect(history.metadata.nationalByYear?.[String(year)]).toEqual({
        poverty_rate: Number(national.poverty_rate_pct),
      });
    }
    // Every figure is of one of the table's years; none is of a unit without a code.
    expect(history.observations.every((o) => years.includes(o.year) && o.unitCode !== '')).toBe(
      true,
    );
  });

  it('keeps Hà Tây 2006 as a warning naming it and its value, not as a figure, and notes the pre-merger Hà Nội', () => {
    const t = table('gso-income-poverty-2006-2016');
    const history = byId(t.meta.id);
    const rowIndex = t.rows.findIndex((r) => r.level === 'province' && r.province_code === '');
    const haTay = t.rows[rowIndex]!;
    expect(history.metadata.warnings).toEqual([
      expect.objectContaining({
        row: rowIndex + 2,
        column: 'province_code',
        kind: 'no-boundary',
        params: {
          name: haTay.province_name,
          year: haTay.year,
          value: Number(haTay.poverty_rate_pct),
        },
      }),
    ]);
    expect(
      history.metadata.notes.some((n) => /Hà Nội năm 2006.*trước khi hợp nhất/.test(n.vi)),
    ).toBe(true);
  });

  it('refuses a rate table whose year has no known standard', () => {
    const t = table('gso-income-poverty-2006-2016');
    const broken = {
      ...t,
      meta: { ...t.meta, standards: { ...t.meta.standards, '2012': 'income-2012' } },
    };
    expect(() => nationalDatasets([broken])).toThrow(/standards\.2012 must be one of/);
  });
});

describe('nationalLists', () => {
  it('ships the poor-district list with every member and says 18 are missing', () => {
    const [list, ...others] = nationalLists(tables);
    expect(others).toEqual([]);
    const t = table('poor-districts-2021-2025');
    expect(list!.members).toEqual(
      t.rows.map((r) => ({ code: r.district_code, name: r.district_name })),
    );
    expect(list!.source.number).toBe('353/QĐ-TTg');
    expect(listLabel(list!, 'vi')).toMatch(/56\/74 đã biết, thiếu 18$/);
  });
});
