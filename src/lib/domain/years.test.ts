import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetMetadata, Observation, StandardPeriod } from './dataset.ts';
import {
  changeBaseYears,
  changeBetweenYears,
  chooseYear,
  datasetYears,
  isMultiYear,
  nationalOfYear,
  observationsOfYear,
  segmentsByStandard,
  standardOfYear,
  yearChangeProblem,
  type StandardPoint,
} from './years.ts';

type Meta = Pick<
  DatasetMetadata,
  'year' | 'years' | 'standard' | 'standards' | 'national' | 'nationalByYear'
>;

/** The 2006–2016 history as the data build makes it: two income lines. */
const HISTORY: Meta = {
  year: 2016,
  years: [2006, 2008, 2010, 2012, 2016],
  standard: 'other',
  standards: {
    '2006': 'income-2006-2010',
    '2008': 'income-2006-2010',
    '2010': 'income-2011-2015',
    '2012': 'income-2011-2015',
    '2016': 'income-2011-2015',
  },
  national: { poverty_rate: 5.8 },
  nationalByYear: { '2006': { poverty_rate: 15.5 }, '2016': { poverty_rate: 5.8 } },
};
const SINGLE: Meta = { year: 2020, standard: '2016-2020' };

const figure = (unitCode: string, year: number, value: number): Observation => ({
  datasetId: 'h',
  unitCode,
  unitLevel: 'province',
  indicator: 'poverty_rate',
  year,
  value,
});

describe('years of a dataset', () => {
  it('lists a single-year dataset as its one year, and a multi-year one ascending', () => {
    expect(datasetYears(SINGLE)).toEqual([2020]);
    expect(datasetYears({ year: 2016, years: [2016, 2006, 2010, 2006] })).toEqual([
      2006, 2010, 2016,
    ]);
    expect(isMultiYear(SINGLE)).toBe(false);
    expect(isMultiYear(HISTORY)).toBe(true);
    expect(isMultiYear(null)).toBe(false);
  });

  it('shows the year asked for when the dataset has it, else its latest', () => {
    expect(chooseYear(HISTORY, 2010)).toBe(2010);
    expect(chooseYear(HISTORY, 2011)).toBe(2016);
    expect(chooseYear(HISTORY, null)).toBe(2016);
    expect(chooseYear(SINGLE, 2016)).toBe(2020);
  });

  it("names each year's standard, falling back to the dataset's", () => {
    expect(standardOfYear(HISTORY, 2008)).toBe('income-2006-2010');
    expect(standardOfYear(HISTORY, 2010)).toBe('income-2011-2015');
    expect(standardOfYear(SINGLE, 2020)).toBe('2016-2020');
  });

  it("gives a year's national figure, and the single-year national only for its year", () => {
    expect(nationalOfYear(HISTORY, 2006)).toEqual({ poverty_rate: 15.5 });
    expect(nationalOfYear(HISTORY, 2010)).toBeUndefined();
    expect(nationalOfYear({ year: 2023, national: { poverty_rate: 3.37 } }, 2023)).toEqual({
      poverty_rate: 3.37,
    });
  });

  it("keeps one year's figures of a multi-year dataset, and every figure of a single-year one", () => {
    const figures = [figure('02', 2006, 41.5), figure('02', 2008, 37.6), figure('04', 2008, 30)];
    expect(observationsOfYear(figures, HISTORY, 2008)).toEqual(figures.slice(1));
    // Stored before years existed, or imported: every figure is of the dataset's year.
    const old = [figure('070', 0, 1), figure('071', 2019, 2)];
    expect(observationsOfYear(old, SINGLE, 2020)).toEqual(old);
  });
});

describe('change between two years', () => {
  const figures = [
    figure('02', 2010, 50),
    figure('02', 2012, 38.5),
    figure('04', 2010, 30),
    figure('06', 2012, 20),
    figure('02', 2008, 37.6),
  ];

  it('is the later year minus the earlier, per unit that has both, in the same standard', () => {
    expect(changeBetweenYears(figures, HISTORY, 'poverty_rate', 'province', 2010, 2012)).toEqual(
      new Map([['02', -11.5]]),
    );
  });

  it('is refused across standards, for the same year and for a year the dataset lacks', () => {
    expect(yearChangeProblem(HISTORY, 2008, 2010)).toBe('different-standards');
    expect(yearChangeProblem(HISTORY, 2010, 2010)).toBe('same-year');
    expect(yearChangeProblem(HISTORY, 2009, 2010)).toBe('unknown-year');
    expect(yearChangeProblem(HISTORY, 2010, 2016)).toBeNull();
    expect(() =>
      changeBetweenYears(figures, HISTORY, 'poverty_rate', 'province', 2008, 2010),
    ).toThrow(/different-standards/);
  });

  it('offers as bases only the other years of the same standard', () => {
    expect(changeBaseYears(HISTORY, 2012)).toEqual([2010, 2016]);
    expect(changeBaseYears(HISTORY, 2006)).toEqual([2008]);
    expect(changeBaseYears(SINGLE, 2020)).toEqual([]);
  });

  it('never compares two years of different standards, whatever the standards (property)', () => {
    const standard = fc.constantFrom<StandardPeriod>(
      'income-2006-2010',
      'income-2011-2015',
      '2016-2020',
      '2022-2025',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 2, maxLength: 8 }),
        fc.array(standard, { minLength: 8, maxLength: 8 }),
        (years, standards) => {
          const meta: Meta = {
            year: Math.max(...years),
            years,
            standard: 'other',
            standards: Object.fromEntries(years.map((y, i) => [String(y), standards[i]!])),
          };
          for (const to of years) {
            for (const from of changeBaseYears(meta, to)) {
              expect(standardOfYear(meta, from)).toBe(standardOfYear(meta, to));
              expect(from).not.toBe(to);
            }
          }
        },
      ),
    );
  });
});

describe('segmentsByStandard', () => {
  const point = (year: number, standard: StandardPeriod): StandardPoint => ({
    year,
    value: year - 2000,
    standard,
  });

  it('breaks a province series where the standard changes: 2006–2008, 2010–2016, 2023', () => {
    const segments = segmentsByStandard([
      point(2023, '2022-2025'),
      point(2006, 'income-2006-2010'),
      point(2008, 'income-2006-2010'),
      point(2010, 'income-2011-2015'),
      point(2016, 'income-2011-2015'),
    ]);
    expect(segments.map((s) => [s.standard, s.points.map((p) => p.year)])).toEqual([
      ['income-2006-2010', [2006, 2008]],
      ['income-2011-2015', [2010, 2016]],
      ['2022-2025', [2023]],
    ]);
  });

  it('keeps every point once, in year order, each segment of one standard, neighbours of different ones (property)', () => {
    const standard = fc.constantFrom<StandardPeriod>(
      'income-2006-2010',
      'income-2011-2015',
      '2016-2020',
      '2022-2025',
      'other',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ year: fc.integer({ min: 1990, max: 2040 }), standard }), {
          selector: (p) => p.year,
          maxLength: 30,
        }),
        (raw) => {
          const points = raw.map((p) => ({ ...p, value: p.year % 7 }));
          const segments = segmentsByStandard(points);
          const flat = segments.flatMap((s) => s.points);
          expect(flat.map((p) => p.year)).toEqual(points.map((p) => p.year).sort((a, b) => a - b));
          for (const segment of segments) {
            expect(segment.points.length).toBeGreaterThan(0);
            expect(segment.points.every((p) => p.standard === segment.standard)).toBe(true);
          }
          for (let i = 1; i < segments.length; i++) {
            expect(segments[i]!.standard).not.toBe(segments[i - 1]!.standard);
          }
        },
      ),
    );
  });
});
