import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_METHODS,
  MAX_CLASSES,
  MIN_CLASSES,
  PALETTE_IDS,
  methodsFor,
  type ClassifyOptions,
} from '../scales/choropleth.ts';
import { INDICATOR_IDS, INDICATORS } from './indicators.ts';
import { createDefaultScenario, SCENARIO_MEASURE_IDS } from './scenario/scenario-definition.ts';
import { MAX_SHARE_LENGTH } from './scenario/scenario-share.ts';
import {
  MAX_VIEW_LENGTH,
  parseViewHash,
  serialiseView,
  VIEW_HASH_PREFIX,
  type ViewState,
} from './view-url.ts';

const base: ViewState = {
  datasetId: 'tuyen-quang-2020-plan',
  version: '0123456789abcd',
  indicatorId: 'rate_start',
  classification: {},
  era: '2019',
  areaCode: null,
  selectedCode: null,
  scenario: null,
};

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const viewArbitrary: fc.Arbitrary<ViewState> = fc
  .record({
    datasetId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,79}$/),
    version: optional(fc.stringMatching(/^[0-9a-f]{14}$/)),
    indicatorId: fc.constantFrom(...INDICATOR_IDS),
    method: fc.option(fc.constantFrom(...CLASSIFICATION_METHODS), { nil: undefined }),
    classes: fc.option(fc.integer({ min: MIN_CLASSES, max: MAX_CLASSES }), { nil: undefined }),
    palette: fc.option(fc.constantFrom(...PALETTE_IDS), { nil: undefined }),
    era: fc.constantFrom('2019' as const, '2025' as const),
    areaCode: optional(digits(2)),
    district: optional(digits(3)),
    unit2025: optional(fc.oneof(digits(2), digits(5))),
    scenarioMeasure: optional(fc.constantFrom(...SCENARIO_MEASURE_IDS)),
  })
  .map((r): ViewState => {
    const classification: ClassifyOptions = {};
    if (r.method && methodsFor(INDICATORS[r.indicatorId]).includes(r.method)) {
      classification.method = r.method;
    }
    if (r.classes !== undefined) classification.classes = r.classes;
    if (r.palette) classification.palette = r.palette;
    const scenario =
      r.era === '2019' && r.scenarioMeasure
        ? {
            definition: createDefaultScenario({
              baseDatasetId: r.datasetId,
              startYear: 2020,
              name: 'Kịch bản',
            }),
            measure: r.scenarioMeasure,
          }
        : null;
    return {
      datasetId: r.datasetId,
      version: r.version,
      indicatorId: r.indicatorId,
      classification,
      era: r.era,
      areaCode: r.areaCode,
      selectedCode: r.era === '2019' ? r.district : r.unit2025,
      scenario,
    };
  });

describe('view links', () => {
  it('writes a short, readable link', () => {
    const hash = serialiseView({
      ...base,
      indicatorId: 'rate_end',
      classification: { method: 'quantile', classes: 4, palette: 'Blues' },
      areaCode: '08',
      selectedCode: '070',
    });
    expect(hash).toBe(
      '#/map?d=tuyen-quang-2020-plan&v=0123456789abcd&i=rate_end&cm=quantile&cn=4&cp=Blues&e=2019&a=08&s=070',
    );
    expect(parseViewHash(hash)).toMatchObject({ kind: 'view', view: { selectedCode: '070' } });
  });

  it('reads back every view it writes', () => {
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        expect(parseViewHash(serialiseView(view))).toEqual({ kind: 'view', view });
      }),
    );
  });

  it('never throws, and anything it accepts is a well-formed view', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `${VIEW_HASH_PREFIX}?${s}`),
          fc
            .array(fc.tuple(fc.constantFrom('d', 'v', 'i', 'cm', 'cn', 'a', 's', 'e'), fc.string()))
            .map((pairs) => `${VIEW_HASH_PREFIX}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
        ),
        (hash) => {
          const parsed = parseViewHash(hash);
          if (parsed.kind === 'view') {
            expect(parseViewHash(serialiseView(parsed.view))).toEqual(parsed);
          }
        },
      ),
    );
  });

  it('leaves other routes alone', () => {
    expect(parseViewHash('')).toEqual({ kind: 'none' });
    expect(parseViewHash('#/open-data')).toEqual({ kind: 'none' });
    expect(parseViewHash('#scenario=abc')).toEqual({ kind: 'none' });
    expect(parseViewHash('#/mapping')).toEqual({ kind: 'none' });
  });

  it.each([
    ['empty', '#/map'],
    ['without a dataset', '#/map?i=rate_start'],
    ['an unknown key', '#/map?d=a&i=rate_start&x=1'],
    ['a repeated key', '#/map?d=a&d=b&i=rate_start'],
    ['a dataset id with markup', '#/map?d=<script>&i=rate_start'],
    ['an unknown indicator', '#/map?d=a&i=rate_nope'],
    ['policy breaks on a count', '#/map?d=a&i=poor_households_start&cm=policy'],
    ['too many classes', '#/map?d=a&i=rate_start&cn=12'],
    ['a bad version', '#/map?d=a&v=XYZ&i=rate_start'],
    ['a province code as district', '#/map?d=a&i=rate_start&s=08'],
    ['a 2025 scenario', `${serialiseView({ ...base, era: '2025' })}&sm=rate`],
    ['a bad scenario', '#/map?d=a&i=rate_start&sc=e30'],
    ['oversized', `#/map?d=a&i=rate_start&a=${'0'.repeat(MAX_VIEW_LENGTH)}`],
    ['huge', `#/map?d=a&i=rate_start&sc=${'A'.repeat(MAX_VIEW_LENGTH + MAX_SHARE_LENGTH)}`],
  ])('rejects a link %s', (_, hash) => {
    expect(parseViewHash(hash).kind).toBe('invalid');
  });

  it('carries a scenario in the link, checked like a scenario link', () => {
    const definition = createDefaultScenario({ baseDatasetId: 'a', startYear: 2020, name: 'X' });
    const view: ViewState = { ...base, scenario: { definition, measure: 'gap' } };
    const hash = serialiseView(view);
    expect(hash).toMatch(/&sm=gap&sc=[A-Za-z0-9_-]+$/);
    expect(parseViewHash(hash)).toEqual({ kind: 'view', view });
  });
});
