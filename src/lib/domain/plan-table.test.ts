/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetMetadata } from './dataset.ts';
import { INDICATORS, type IndicatorId } from './indicators.ts';
import { readPlanTable, type TableProblem } from './plan-table.ts';
import { povertyRate, roundTo } from './poverty.ts';

const SEED = fileURLToPath(new URL('../../../data/seeds/tuyen-quang-2020-plan', import.meta.url));
const SEED_CSV = readFileSync(`${SEED}.csv`, 'utf8');
const METADATA: DatasetMetadata = {
  ...(JSON.parse(readFileSync(`${SEED}.meta.json`, 'utf8')) as Omit<
    DatasetMetadata,
    'builtIn' | 'warnings' | 'indicators'
  >),
  indicators: [],
  builtIn: true,
  warnings: [],
};

const HEADER = [
  'province_code',
  'district_code',
  'district_name',
  'households_start',
  'households_end',
  'poor_start',
  'poor_reduced',
  'poor_end',
  'rate_start_pct',
  'rate_reduction_pp',
  'rate_end_pct',
] as const;
type Column = (typeof HEADER)[number];

/** Seed lines (header = 1): the province total, then the districts; Lâm Bình is last. */
const PROVINCE_LINE = 2;
const LAM_BINH_LINE = 9;

/** Replaces one cell of the (unquoted) seed CSV; `line` is 1-based with the header as line 1. */
function editCell(csv: string, line: number, column: Column, value: string): string {
  const lines = csv.split('\n');
  const cells = lines[line - 1]!.split(',');
  const index = lines[0]!.split(',').indexOf(column);
  expect(index).toBeGreaterThanOrEqual(0);
  cells[index] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

interface Counts {
  householdsStart: number;
  householdsEnd: number;
  poorStart: number;
  poorReduced: number;
  poorEnd: number;
}

afterEach(() => {
  vi.restoreAllMocks();
});

function read(csv: string) {
  return readPlanTable(csv, METADATA);
}

function errors(problems: TableProblem[]) {
  return brief(problems.filter((problem) => problem.severity === 'error'));
}

/** Where and what, without the kind and parameters that let the app translate the message. */
function brief(problems: TableProblem[]) {
  return problems.map(({ severity, row, column, message }) => ({ severity, row, column, message }));
}

const PLAN_INDICATORS: IndicatorId[] = [
  'households_end',
  'households_start',
  'poor_end',
  'poor_reduced',
  'poor_start',
  'rate_end',
  'rate_reduction',
  'rate_start',
];

describe('readPlanTable on the committed Tuyên Quang 2020 seed', () => {
  const { bundle, problems } = read(SEED_CSV);

  it('finds no problems', () => {
    expect(problems).toEqual([]);
  });

  it('reads 8 units × 8 indicators for the dataset', () => {
    expect(bundle.metadata).toBe(METADATA);
    expect(bundle.observations).toHaveLength(64);
    const units = new Set(bundle.observations.map((o) => o.unitCode));
    expect([...units].sort()).toEqual(['070', '071', '072', '073', '074', '075', '076', '08']);
    for (const unit of units) {
      const indicators = bundle.observations
        .filter((o) => o.unitCode === unit)
        .map((o) => o.indicator);
      expect([...indicators].sort()).toEqual(PLAN_INDICATORS);
    }
    expect(bundle.observations.every((o) => o.datasetId === 'tuyen-quang-2020-plan')).toBe(true);
  });

  it('reads Lâm Bình (071) as a district with a 36.03 % starting rate', () => {
    expect(
      bundle.observations.find((o) => o.unitCode === '071' && o.indicator === 'rate_start'),
    ).toEqual({
      datasetId: 'tuyen-quang-2020-plan',
      unitCode: '071',
      unitLevel: 'district',
      indicator: 'rate_start',
      year: 2020,
      value: 36.03,
    });
  });

  it("reads the total row as province '08' and every other row as a district", () => {
    for (const observation of bundle.observations) {
      expect(observation.unitLevel).toBe(observation.unitCode === '08' ? 'province' : 'district');
    }
    const households = bundle.observations.find(
      (o) => o.unitCode === '08' && o.indicator === 'households_start',
    );
    expect(households?.value).toBe(210299);
  });

  it('ignores a byte-order mark and CRLF line ends', () => {
    const result = read(`\uFEFF${SEED_CSV.replace(/\n/g, '\r\n')}`);
    expect(result.problems).toEqual([]);
    expect(result.bundle.observations).toEqual(bundle.observations);
  });
});

describe('readPlanTable on edited tables', () => {
  it('warns about a rate that disagrees with its counts, naming the row and column', () => {
    const { problems } = read(editCell(SEED_CSV, LAM_BINH_LINE, 'rate_start_pct', '37.03'));
    // The start no longer agrees with reduction and end either: that is impossible, an error.
    expect(errors(problems)).toEqual([
      {
        severity: 'error',
        row: LAM_BINH_LINE,
        column: 'rate_reduction_pp',
        message: '37.03 − 4 ≠ 32.03',
      },
    ]);
    const rateProblems = brief(problems.filter((p) => p.column === 'rate_start_pct'));
    expect(rateProblems).toEqual([
      {
        severity: 'warning',
        row: LAM_BINH_LINE,
        column: 'rate_start_pct',
        message: expect.stringContaining('2750 / 7633 = 36.03') as string,
      },
    ]);
  });

  it('warns when a rate is off by more than half a unit in the last decimal', () => {
    // 2750 / 7633 = 36.0277… %: the seed's 36.03 is within 0.005, 36.02 is not.
    const { problems } = read(editCell(SEED_CSV, LAM_BINH_LINE, 'rate_start_pct', '36.02'));
    expect(problems.map((p) => [p.severity, p.row, p.column])).toContainEqual([
      'warning',
      LAM_BINH_LINE,
      'rate_start_pct',
    ]);
  });

  it('warns on the province row, naming the column, when districts no longer add up', () => {
    // 7705 → 7706 keeps Lâm Bình's own end rate (2468 / 7706 = 32.027 %) consistent.
    const { problems } = read(editCell(SEED_CSV, LAM_BINH_LINE, 'households_end', '7706'));
    expect(brief(problems)).toEqual([
      {
        severity: 'warning',
        row: PROVINCE_LINE,
        column: 'households_end',
        message: 'districts add up to 211781, the total row says 211780',
      },
    ]);
  });

  it('warns when poor_start − poor_reduced ≠ poor_end', () => {
    const csv = editCell(SEED_CSV, PROVINCE_LINE, 'poor_reduced', '4189');
    const { problems } = read(csv);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', row: PROVINCE_LINE, column: 'poor_end' }),
    );
    expect(errors(problems)).toEqual([]);
  });

  it('reports a non-numeric cell as an error naming the row and column', () => {
    const { problems, bundle } = read(editCell(SEED_CSV, 5, 'poor_start', 'n/a'));
    expect(errors(problems)).toEqual([
      { severity: 'error', row: 5, column: 'poor_start', message: '"n/a" is not a number' },
    ]);
    // The bad cell yields no observation; the rest of the row is still read.
    const city = bundle.observations.filter((o) => o.unitCode === '070');
    expect(city.map((o) => o.indicator)).not.toContain('poor_start');
    expect(city).toHaveLength(7);
  });

  it('reports a negative count as an error', () => {
    const { problems } = read(editCell(SEED_CSV, 4, 'households_end', '-5'));
    expect(errors(problems)).toEqual([
      { severity: 'error', row: 4, column: 'households_end', message: '-5 is negative' },
    ]);
  });

  it('reports a rate above 100 % as an error', () => {
    const { problems } = read(editCell(SEED_CSV, 3, 'rate_end_pct', '100.5'));
    expect(errors(problems)).toEqual([
      {
        severity: 'error',
        row: 3,
        column: 'rate_end_pct',
        message: expect.stringContaining('outside 0–100') as string,
      },
    ]);
  });

  it.each(['province_code', 'district_code', 'district_name'] as const)(
    'reports a missing required column %s as an error on the header row',
    (column) => {
      const csv = SEED_CSV.replace(column, 'something_else');
      const { problems } = read(csv);
      expect(errors(problems)).toEqual([
        { severity: 'error', row: 1, column, message: 'missing column' },
      ]);
    },
  );

  it('reports an empty cell as a warning naming its indicator, and reads the rest', () => {
    const { problems, bundle } = read(editCell(SEED_CSV, LAM_BINH_LINE, 'rate_reduction_pp', ''));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        row: LAM_BINH_LINE,
        column: 'rate_reduction_pp',
        kind: 'empty-cell',
        params: { indicator: 'rate_reduction' },
      }),
    ]);
    expect(bundle.observations).toHaveLength(63);
  });
});

describe('readPlanTable properties', () => {
  it('never throws on arbitrary text; it returns problems and only sound figures', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('', '-1', '1e400', 'NaN', '0', '101', '"', '"a,b"', ' 12 ', '\uFEFF'),
      fc.integer({ min: -10, max: 1e6 }).map(String),
      fc.double({ noNaN: true }).map(String),
    );
    const row = fc.array(cell, { maxLength: 13 }).map((cells) => cells.join(','));
    const tableWithHeader = fc
      .array(row, { maxLength: 6 })
      .map((rows) => [HEADER.join(','), ...rows].join('\n'));
    // Any UTF-16 code units, lone surrogates included (cheaper to build than unit: 'binary').
    const anyCodeUnits = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
      .map((codes) => String.fromCharCode(...codes));
    const input = fc.oneof(fc.string(), anyCodeUnits, tableWithHeader);
    // Papa Parse warns on the console about duplicate header names; they are fine here.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fc.assert(
      fc.property(input, (text) => {
        const { bundle, problems } = read(text);
        // Plain checks rather than expect(): this runs thousands of times.
        return (
          problems.every(
            (p) =>
              ['error', 'warning'].includes(p.severity) && Number.isInteger(p.row) && p.row >= 1,
          ) &&
          bundle.observations.every((o) => {
            // Counts and rates are never negative; a planned change may be (poverty rising).
            const { kind } = INDICATORS[o.indicator];
            return Number.isFinite(o.value) && (kind === 'change' || o.value >= 0);
          })
        );
      }),
      { numRuns: 300 },
    );
  });

  it('finds no problems in consistent generated tables', () => {
    const district: fc.Arbitrary<Counts> = fc
      .record({
        householdsStart: fc.integer({ min: 1, max: 100_000 }),
        householdsGrowth: fc.integer({ min: 0, max: 2_000 }),
        poorShare: fc.double({ min: 0, max: 1, noNaN: true }),
        reducedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ householdsStart, householdsGrowth, poorShare, reducedShare }) => {
        const poorStart = Math.floor(householdsStart * poorShare);
        const poorReduced = Math.floor(poorStart * reducedShare);
        return {
          householdsStart,
          householdsEnd: householdsStart + householdsGrowth,
          poorStart,
          poorReduced,
          poorEnd: poorStart - poorReduced,
        };
      });
    const line = (provinceCode: string, districtCode: string, name: string, c: Counts) => {
      const rateStart = roundTo(povertyRate(c.poorStart, c.householdsStart), 2);
      const rateEnd = roundTo(povertyRate(c.poorEnd, c.householdsEnd), 2);
      const reduction = roundTo(rateStart - rateEnd, 2);
      return [
        provinceCode,
        districtCode,
        name,
        c.householdsStart,
        c.householdsEnd,
        c.poorStart,
        c.poorReduced,
        c.poorEnd,
        rateStart,
        reduction,
        rateEnd,
      ].join(',');
    };
    fc.assert(
      fc.property(fc.array(district, { minLength: 1, maxLength: 8 }), (districts) => {
        const sum = (key: keyof Counts) => districts.reduce((acc, d) => acc + d[key], 0);
        const province: Counts = {
          householdsStart: sum('householdsStart'),
          householdsEnd: sum('householdsEnd'),
          poorStart: sum('poorStart'),
          poorReduced: sum('poorReduced'),
          poorEnd: sum('poorEnd'),
        };
        const csv = [
          HEADER.join(','),
          line('08', '', 'Tỉnh', province),
          ...districts.map((d, i) => line('08', String(70 + i).padStart(3, '0'), `Huyện ${i}`, d)),
        ].join('\n');
        const { problems, bundle } = read(csv);
        expect(problems).toEqual([]);
        expect(bundle.observations).toHaveLength((districts.length + 1) * 8);
      }),
      { numRuns: 200 },
    );
  });
});
