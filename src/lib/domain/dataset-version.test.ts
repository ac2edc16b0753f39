import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from './dataset.ts';
import { DATASET_VERSION_PATTERN, datasetVersion } from './dataset-version.ts';

const figures: Observation[] = [
  {
    datasetId: 'a',
    unitCode: '070',
    unitLevel: 'district',
    indicator: 'rate_start',
    year: 2020,
    value: 36.03,
  },
  {
    datasetId: 'a',
    unitCode: '071',
    unitLevel: 'district',
    indicator: 'rate_start',
    year: 2020,
    value: 20.1,
  },
  {
    datasetId: 'a',
    unitCode: '08',
    unitLevel: 'province',
    indicator: 'rate_start',
    year: 2020,
    value: 11.8,
  },
];

describe('datasetVersion', () => {
  it('is 14 hex digits, the same for the same figures in any order', () => {
    const version = datasetVersion(figures);
    expect(version).toMatch(DATASET_VERSION_PATTERN);
    expect(datasetVersion([...figures].reverse())).toBe(version);
    // The dataset id is not part of the figures: a copy under another id has the same version.
    expect(datasetVersion(figures.map((o) => ({ ...o, datasetId: 'b' })))).toBe(version);
  });

  it('changes when a value, a unit or an indicator changes', () => {
    const version = datasetVersion(figures);
    const changed = (patch: Partial<Observation>) =>
      datasetVersion([{ ...figures[0]!, ...patch }, ...figures.slice(1)]);
    expect(changed({ value: 36.04 })).not.toBe(version);
    expect(changed({ unitCode: '072' })).not.toBe(version);
    expect(changed({ indicator: 'rate_end' })).not.toBe(version);
    expect(datasetVersion(figures.slice(1))).not.toBe(version);
  });

  it('always gives the pattern, for any figures', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitCode: fc.string(),
            value: fc.double(),
          }),
        ),
        (rows) => {
          const observations = rows.map((r) => ({
            ...r,
            datasetId: 'x',
            unitLevel: 'district' as const,
            indicator: 'rate_start' as const,
            year: 2020,
          }));
          expect(datasetVersion(observations)).toMatch(DATASET_VERSION_PATTERN);
        },
      ),
    );
  });
});
