import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from './indicators.ts';
import { OPEN_DATA_HASH, parseRoute, routeHash, type Route, type WritableRoute } from './route.ts';
import { createDefaultScenario, SCENARIO_LIMITS } from './scenario/scenario-definition.ts';
import { scenarioShareHash } from './scenario/scenario-share.ts';
import { parseViewHash, serialiseView, type ViewState } from './view-url.ts';

const version = fc.option(fc.stringMatching(/^[0-9a-f]{14}$/), { nil: null });

/** Views as links write them (view-url.test.ts covers every field; here, their routing). */
const viewArbitrary: fc.Arbitrary<ViewState> = fc
  .record({
    datasetId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    version,
    indicatorId: fc.constantFrom(...INDICATOR_IDS),
    table: fc.boolean(),
    era: fc.constantFrom('2019', '2025'),
    area: fc.option(fc.stringMatching(/^\d{2}$/), { nil: null }),
  })
  .map((r) => {
    const params = [
      `d=${r.datasetId}`,
      r.version === null ? '' : `v=${r.version}`,
      r.table ? 't=table' : '',
      `i=${r.indicatorId}`,
      `e=${r.era}`,
      r.area === null ? '' : `a=${r.area}`,
    ];
    const parsed = parseViewHash(`#/map?${params.filter(Boolean).join('&')}`);
    if (parsed.kind !== 'view') throw new Error(`test view not valid: ${JSON.stringify(parsed)}`);
    return parsed.view;
  });

const scenarioArbitrary = fc
  .record({
    name: fc.string({ maxLength: 30 }).map((s) => s.replace(/\p{Cc}/gu, '')),
    years: fc.integer({ min: 1, max: SCENARIO_LIMITS.years }),
    version,
  })
  .map(({ name, years, version }): WritableRoute => {
    const base = createDefaultScenario({ baseDatasetId: 'tq', startYear: 2020, name });
    return { kind: 'scenario', definition: { ...base, years }, version };
  });

const routeArbitrary: fc.Arbitrary<WritableRoute> = fc.oneof(
  fc.constant<WritableRoute>({ kind: 'home' }),
  fc.constant<WritableRoute>({ kind: 'open-data' }),
  viewArbitrary.map((view): WritableRoute => ({ kind: 'view', view })),
  scenarioArbitrary,
);

describe('routes', () => {
  it('reads every route of the atlas', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#')).toEqual({ kind: 'home' });
    expect(parseRoute('#/open-data')).toEqual({ kind: 'open-data' });
    expect(parseRoute('#/map?d=tq&i=rate_end')).toMatchObject({
      kind: 'view',
      view: { datasetId: 'tq', indicatorId: 'rate_end' },
    });
    const definition = createDefaultScenario({ baseDatasetId: 'tq', startYear: 2020 });
    expect(parseRoute(scenarioShareHash(definition, '0123456789abcd'))).toEqual({
      kind: 'scenario',
      definition,
      version: '0123456789abcd',
    });
  });

  it('tells a broken view or scenario link from an address of no route', () => {
    expect(parseRoute('#/map')).toMatchObject({ kind: 'invalid', of: 'view' });
    expect(parseRoute('#/map?d=<b>&i=rate_end')).toMatchObject({ kind: 'invalid', of: 'view' });
    expect(parseRoute('#scenario=<img>')).toMatchObject({ kind: 'invalid', of: 'scenario' });
    for (const hash of ['#data-table-view', '#/open-data?x=1', '#/mapping', '#/OPEN-DATA']) {
      expect(parseRoute(hash)).toEqual({ kind: 'other', hash });
    }
  });

  it('writes each route so that it reads back the same', () => {
    fc.assert(
      fc.property(routeArbitrary, (route) => {
        expect(parseRoute(routeHash(route))).toEqual(route);
      }),
    );
    expect(routeHash({ kind: 'open-data' })).toBe(OPEN_DATA_HASH);
    expect(routeHash({ kind: 'home' })).toBe('');
  });

  it('never throws, and what it reads as a route it writes back to the same route', () => {
    const prefixes = ['', '#', '#/map?', '#scenario=', '#/open-data', '#/'];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.string({ maxLength: 60 }), (prefix, rest) => {
        const route: Route = parseRoute(prefix + rest);
        if (route.kind === 'invalid' || route.kind === 'other') return;
        expect(parseRoute(routeHash(route))).toEqual(route);
      }),
    );
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        expect(parseRoute(serialiseView(view))).toEqual({ kind: 'view', view });
      }),
    );
  });
});
