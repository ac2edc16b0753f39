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
import { TARGET_MEASURES } from './change/compare-datasets.ts';
import { INDICATOR_IDS, INDICATORS } from './indicators.ts';
import { RATE_DERIVATIONS } from './rates/derived-rates.ts';
import {
  createDefaultScenario,
  SCENARIO_LIMITS,
  SCENARIO_MEASURE_IDS,
} from './scenario/scenario-definition.ts';
import { MAX_SHARE_LENGTH } from './scenario/scenario-share.ts';
import {
  MAX_VIEW_LENGTH,
  parseViewHash,
  serialiseView,
  VIEW_HASH_PREFIX,
  type ViewComparison,
  type ViewState,
} from './view-url.ts';

const base: ViewState = {
  datasetId: 'tuyen-quang-2020-plan',
  version: '0123456789abcd',
  display: 'map',
  indicatorId: 'rate_start',
  derivation: null,
  poorSymbols: false,
  comparison: null,
  classification: {},
  era: '2019',
  areaCode: null,
  selectedCode: null,
  scenario: null,
};

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const datasetIdArbitrary = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,79}$/);
const comparisonArbitrary: fc.Arbitrary<ViewComparison> = fc.oneof(
  fc.record({ mode: fc.constant('difference' as const), otherId: datasetIdArbitrary }),
  fc.record({
    mode: fc.constant('achievement' as const),
    planId: datasetIdArbitrary,
    resultId: datasetIdArbitrary,
    target: fc.constantFrom(...TARGET_MEASURES),
  }),
);

const viewArbitrary: fc.Arbitrary<ViewState> = fc
  .record({
    datasetId: datasetIdArbitrary,
    version: optional(fc.stringMatching(/^[0-9a-f]{14}$/)),
    display: fc.constantFrom('map' as const, 'table' as const),
    indicatorId: fc.constantFrom(...INDICATOR_IDS),
    derivation: optional(fc.constantFrom(...RATE_DERIVATIONS)),
    poorSymbols: fc.boolean(),
    comparison: optional(comparisonArbitrary),
    method: fc.option(fc.constantFrom(...CLASSIFICATION_METHODS), { nil: undefined }),
    classes: fc.option(fc.integer({ min: MIN_CLASSES, max: MAX_CLASSES }), { nil: undefined }),
    palette: fc.option(fc.constantFrom(...PALETTE_IDS), { nil: undefined }),
    era: fc.constantFrom('2019' as const, '2025' as const),
    areaCode: optional(digits(2)),
    district: optional(digits(3)),
    unit2025: optional(fc.oneof(digits(2), digits(5))),
    scenarioMeasure: optional(fc.constantFrom(...SCENARIO_MEASURE_IDS)),
    scenarioYears: fc.integer({ min: 1, max: SCENARIO_LIMITS.years }),
    scenarioYear: optional(fc.integer({ min: 1, max: SCENARIO_LIMITS.years })),
    year: fc.option(fc.integer({ min: 1900, max: 2099 }), { nil: undefined }),
    changeFrom: fc.option(fc.integer({ min: 1900, max: 2099 }), { nil: undefined }),
  })
  .map((r): ViewState => {
    // A derived view only of a rate with its counts; the excess rate is classed as diverging.
    const derivation = INDICATORS[r.indicatorId].ratio ? r.derivation : null;
    const measure =
      derivation === 'excess' ? { kind: 'diverging' as const } : INDICATORS[r.indicatorId];
    const classification: ClassifyOptions = {};
    if (r.method && methodsFor(measure).includes(r.method)) {
      classification.method = r.method;
    }
    if (r.classes !== undefined) classification.classes = r.classes;
    if (r.palette) classification.palette = r.palette;
    const scenario =
      r.era === '2019' && r.scenarioMeasure
        ? {
            definition: {
              ...createDefaultScenario({
                baseDatasetId: r.datasetId,
                startYear: 2020,
                name: 'Kịch bản',
              }),
              years: r.scenarioYears,
            },
            measure: r.scenarioMeasure,
            year: r.scenarioYear === null ? null : Math.min(r.scenarioYear, r.scenarioYears),
          }
        : null;
    return {
      datasetId: r.datasetId,
      version: r.version,
      display: r.display,
      indicatorId: r.indicatorId,
      derivation,
      ...(r.year === undefined ? {} : { year: r.year }),
      // A change is of the values, from another year than the one shown.
      ...(r.changeFrom === undefined || derivation || r.changeFrom === r.year
        ? {}
        : { changeFrom: r.changeFrom }),
      poorSymbols: r.poorSymbols,
      comparison: r.comparison,
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

  it('carries the table, a derived view, poor symbols, a comparison and a scenario year', () => {
    const definition = createDefaultScenario({ baseDatasetId: 'a', startYear: 2020, name: 'X' });
    const view: ViewState = {
      ...base,
      display: 'table',
      derivation: 'excess',
      poorSymbols: true,
      classification: { method: 'jenks' },
      comparison: {
        mode: 'achievement',
        planId: 'krong-pa-2021-plan',
        resultId: 'krong-pa-2021-report',
        target: 'poor',
      },
      scenario: { definition, measure: 'rate', year: 1 },
    };
    const hash = serialiseView(view);
    expect(hash).toMatch(
      /^#\/map\?d=tuyen-quang-2020-plan&v=0123456789abcd&t=table&i=rate_start&dv=excess&ps=1&cm=jenks&e=2019&k=achievement&kp=krong-pa-2021-plan&kr=krong-pa-2021-report&kt=poor&sm=rate&sy=1&sc=/,
    );
    expect(parseViewHash(hash)).toEqual({ kind: 'view', view });
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
            .array(
              fc.tuple(
                fc.constantFrom(
                  'd',
                  'v',
                  't',
                  'i',
                  'dv',
                  'ps',
                  'cm',
                  'cn',
                  'a',
                  's',
                  'e',
                  'k',
                  'ko',
                  'kp',
                  'kr',
                  'kt',
                  'sy',
                ),
                fc.string(),
              ),
            )
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
    ['another display', '#/map?d=a&t=chart&i=rate_start'],
    ['a derived view of a count', '#/map?d=a&i=poor_start&dv=smoothed'],
    ['an unknown derived view', '#/map?d=a&i=rate_start&dv=raw'],
    ['a difference without the other', '#/map?d=a&i=rate_start&k=difference'],
    ['a plan without a result', '#/map?d=a&i=rate_start&k=achievement&kp=b&kt=rate'],
    ['an unknown target', '#/map?d=a&i=rate_start&k=achievement&kp=b&kr=c&kt=budget'],
    ['a compared dataset without a comparison', '#/map?d=a&i=rate_start&ko=b'],
    ['a difference with a plan', '#/map?d=a&i=rate_start&k=difference&ko=b&kp=c'],
    ['policy breaks on an excess rate', '#/map?d=a&i=rate_start&dv=excess&cm=policy'],
    ['a scenario year without a scenario', '#/map?d=a&i=rate_start&sy=2'],
    [
      'a scenario year past its horizon',
      `${serialiseView({ ...base, scenario: { definition: createDefaultScenario({ baseDatasetId: 'a', startYear: 2020 }), measure: 'rate', year: null } })}`.replace(
        '&sc=',
        '&sy=99&sc=',
      ),
    ],
  ])('rejects a link %s', (_, hash) => {
    expect(parseViewHash(hash).kind).toBe('invalid');
  });

  it('carries a scenario in the link, checked like a scenario link', () => {
    const definition = createDefaultScenario({ baseDatasetId: 'a', startYear: 2020, name: 'X' });
    const view: ViewState = { ...base, scenario: { definition, measure: 'gap', year: null } };
    const hash = serialiseView(view);
    expect(hash).toMatch(/&sm=gap&sc=[A-Za-z0-9_-]+$/);
    expect(parseViewHash(hash)).toEqual({ kind: 'view', view });
  });
});

describe('view links with a year (issue 16)', () => {
  it('carry the year shown and the year a change is from, and read them back', () => {
    const view: ViewState = { ...base, indicatorId: 'poverty_rate', year: 2012, changeFrom: 2010 };
    const hash = serialiseView(view);
    expect(hash).toContain('&y=2012&yc=2010');
    expect(parseViewHash(hash)).toEqual({ kind: 'view', view });
  });

  it('open a link made before datasets had years on the latest year: no year in the view', () => {
    const parsed = parseViewHash(`${VIEW_HASH_PREFIX}?d=tuyen-quang-2020-plan&i=rate_start`);
    expect(parsed.kind).toBe('view');
    if (parsed.kind === 'view') {
      expect(parsed.view.year).toBeUndefined();
      expect(parsed.view.changeFrom).toBeUndefined();
    }
  });

  it.each([
    ['y=16', /year "16" is not valid/],
    ['y=2012&yc=2012', /a change from the same year/],
    ['y=3012', /year "3012" is not valid/],
    ['dv=smoothed&yc=2010', /a change of a derived view/],
  ])('refuse %s', (query, reason) => {
    expect(parseViewHash(`${VIEW_HASH_PREFIX}?d=a&i=rate_start&${query}`)).toEqual({
      kind: 'invalid',
      reason: expect.stringMatching(reason) as string,
    });
  });
});
