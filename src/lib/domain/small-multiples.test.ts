import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from './dataset.ts';
import { fitProjection, geometryPath, valuesByYear } from './small-multiples.ts';

const figure = (unitCode: string, year: number, value: number): Observation => ({
  datasetId: 'h',
  unitCode,
  unitLevel: 'province',
  indicator: 'poverty_rate',
  year,
  value,
});

describe('valuesByYear', () => {
  it("gives each year its own values, in year order, and nothing of other indicators' or levels'", () => {
    const panels = valuesByYear(
      [
        figure('02', 2016, 20.8),
        figure('02', 2006, 41.5),
        figure('04', 2006, 30),
        { ...figure('02', 2006, 99), indicator: 'rate_start' },
        { ...figure('020', 2006, 99), unitLevel: 'district' },
      ],
      [2016, 2006],
      'poverty_rate',
      'province',
    );
    expect(panels).toEqual([
      {
        year: 2006,
        values: new Map([
          ['02', 41.5],
          ['04', 30],
        ]),
      },
      { year: 2016, values: new Map([['02', 20.8]]) },
    ]);
  });
});

describe('fitProjection', () => {
  it('keeps every point of the box inside the panel (property)', () => {
    const project = fitProjection([102.1, 8.4, 109.5, 23.4], 120, 200);
    fc.assert(
      fc.property(
        fc.double({ min: 102.1, max: 109.5, noNaN: true }),
        fc.double({ min: 8.4, max: 23.4, noNaN: true }),
        (lon, lat) => {
          const [x, y] = project([lon, lat]);
          expect(x).toBeGreaterThanOrEqual(-1e-9);
          expect(x).toBeLessThanOrEqual(120 + 1e-9);
          expect(y).toBeGreaterThanOrEqual(-1e-9);
          expect(y).toBeLessThanOrEqual(200 + 1e-9);
        },
      ),
    );
    // North is up: a higher latitude is higher on the panel.
    expect(project([105, 21])[1]).toBeLessThan(project([105, 10])[1]);
  });
});

describe('geometryPath', () => {
  const project = fitProjection([0, 0, 10, 10], 100, 100);

  it('draws each ring as a closed path and leaves out rings too small to see', () => {
    const square = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const speck = [
      [5, 5],
      [5.001, 5],
      [5, 5.001],
      [5, 5],
    ];
    const path = geometryPath({ type: 'MultiPolygon', coordinates: [[square], [speck]] }, project);
    expect(path.match(/M/g)).toHaveLength(1);
    expect(path.endsWith('Z')).toBe(true);
    // The square's first corner (0, 0) is the panel's bottom edge: north is up.
    expect(path).toMatch(/^M[\d.]+,100L/);
  });
});
