import { describe, expect, it } from 'vitest';
import { boundaryRuleBreaks, runCase, runFuzz, tableRuleBreaks } from './import-fuzz.ts';

/** The sample of the import fuzz suite that every `npm test` runs; `npm run fuzz` runs 10,000. */
describe('import fuzz suite', () => {
  it('500 seeded mutated files: no exception, none over 2 s, accepted ones keep the rules, re-encodings agree', async () => {
    const summary = await runFuzz(500, Number(process.env.FUZZ_SEED ?? 20261206));
    expect(summary.failures).toEqual([]);
    expect(summary.slowestMs).toBeLessThan(2000);
    expect(Object.keys(summary.byFormat).sort()).toEqual([
      'boundary-geojson',
      'boundary-topojson',
      'csv',
      'geojson',
      'json',
      'reencode',
      'shapefile',
      'topojson',
      'xlsx',
    ]);
    // Mutations must both pass and fail the import, or the oracles check nothing.
    const total = (status: 'accepted' | 'refused') =>
      Object.values(summary.byFormat).reduce((sum, tally) => sum + tally[status], 0);
    expect(total('accepted')).toBeGreaterThan(50);
    expect(total('refused')).toBeGreaterThan(50);
  }, 300_000);

  it('its oracles see a broken rule in what was stored', () => {
    const observation = (indicator: string, value: number) => ({
      datasetId: 'x',
      unitCode: '071',
      unitLevel: 'district' as const,
      indicator: indicator as never,
      value,
    });
    const bundle = (observations: ReturnType<typeof observation>[]) =>
      ({ metadata: { warnings: [] }, observations }) as never;
    expect(tableRuleBreaks({ bundle: bundle([observation('poor_start', 12.5)]) })).toEqual([
      'count not whole: 071 poor_start = 12.5',
    ]);
    expect(
      tableRuleBreaks({
        bundle: bundle([
          observation('poor_start', 900),
          observation('households_start', 800),
          observation('rate_start', 20),
        ]),
      }),
    ).toHaveLength(1);
    const bowTie = [
      [105, 22],
      [105.1, 22.1],
      [105.1, 22],
      [105, 22.1],
      [105, 22],
    ];
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [bowTie] } },
      ],
    };
    expect(boundaryRuleBreaks(JSON.stringify(collection))).toContain(
      'feature 1: crossing at 105.05,22.05',
    );
  });

  it('plants a figure split by the delimiter in a CSV row (3,094), which the import refuses', async () => {
    for (const base of [0, 2, 7]) {
      const plain = await runCase({ format: 'csv', base, mutations: [], spellings: [0, 0] });
      expect(plain).toMatchObject({ status: 'accepted', failures: [] });
      for (const row of [0, 3]) {
        const split = await runCase({
          format: 'csv',
          base,
          mutations: [{ op: 'split-cell', row, col: 1 }],
          spellings: [0, 0],
        });
        expect(split).toMatchObject({ status: 'refused', failures: [] });
      }
    }
  });

  it('plants a key said twice in boundary files, which the import refuses', async () => {
    for (const format of ['boundary-geojson', 'boundary-topojson'] as const) {
      const plain = await runCase({ format, base: 0, mutations: [], spellings: [0, 0] });
      expect(plain).toMatchObject({ status: 'accepted', failures: [] });
      for (const col of [0, 1]) {
        const twice = await runCase({
          format,
          base: 0,
          mutations: [{ op: 'duplicate-key', row: 3, col }],
          spellings: [0, 0],
        });
        expect(twice).toMatchObject({ status: 'refused', failures: [] });
      }
    }
  });
});
