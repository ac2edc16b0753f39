import type { ClassifyOptions } from '../scales/choropleth.ts';
import {
  CLASSIFICATION_METHODS,
  MAX_CLASSES,
  MIN_CLASSES,
  PALETTE_IDS,
  methodsFor,
} from '../scales/choropleth.ts';
import { DATASET_VERSION_PATTERN } from './dataset-version.ts';
import { TARGET_MEASURES, type TargetMeasure } from './change/compare-datasets.ts';
import type { MapEra } from './eras/era.ts';
import { INDICATORS, isIndicatorId, type IndicatorId } from './indicators.ts';
import { RATE_DERIVATIONS, type RateDerivation } from './rates/derived-rates.ts';
import {
  SCENARIO_MEASURE_IDS,
  type ScenarioDefinition,
  type ScenarioMeasureId,
} from './scenario/scenario-definition.ts';
import {
  decodeScenarioFromUrl,
  encodeScenarioForUrl,
  MAX_SHARE_LENGTH,
} from './scenario/scenario-share.ts';

/** Two datasets compared on the map: a difference, or a plan's targets against a result. */
export type ViewComparison =
  | { mode: 'difference'; otherId: string }
  | { mode: 'achievement'; planId: string; resultId: string; target: TargetMeasure };

/**
 * One map view as a link: `#/map?d=…&v=…&i=…`. The link carries parameters and the dataset's
 * version hash, never figures; whatever arrives is checked strictly (known keys, each value
 * by pattern, a length limit) because a link is untrusted input.
 */
export interface ViewState {
  datasetId: string;
  /** `datasetVersion` of the figures when the link was made; null when unknown. */
  version: string | null;
  /** The map, or the same figures as a table. */
  display: 'map' | 'table';
  indicatorId: IndicatorId;
  /** A view computed from the indicator's counts (smoothed or excess rate), or null. */
  derivation: RateDerivation | null;
  /**
   * The year shown of a multi-year dataset; absent for its latest (and in links made before
   * datasets had years, which still open).
   */
  year?: number;
  /** The year a change is measured from (`year` − it, in points); absent for the year's values. */
  changeFrom?: number;
  /** Circles sized by poor households over the map. */
  poorSymbols: boolean;
  comparison: ViewComparison | null;
  /** The classification of the indicator; empty for the defaults. */
  classification: ClassifyOptions;
  era: MapEra;
  /** The province zoomed to (a 2019 code, or a 2025 one on the 2025 map), or null. */
  areaCode: string | null;
  /** The selected unit: a district (2019), a province or a commune (2025). */
  selectedCode: string | null;
  /**
   * A scenario drawn over the map, with what of it the map shows and in which of its years
   * (1 = the first; null = the horizon, the last).
   */
  scenario: {
    definition: ScenarioDefinition;
    measure: ScenarioMeasureId;
    year: number | null;
  } | null;
}

export const VIEW_HASH_PREFIX = '#/map';
/** The link without its scenario; far above any real view (about 120 characters). */
export const MAX_VIEW_LENGTH = 2000;

export const DATASET_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PROVINCE_CODE = /^\d{2}$/;
const DISTRICT_CODE = /^\d{3}$/;
const CODE_2025 = /^(\d{2}|\d{5})$/;
/** A dataset's year: 1900–2099. */
const YEAR = /^(19|20)\d{2}$/;

export type ParsedView =
  { kind: 'none' } | { kind: 'view'; view: ViewState } | { kind: 'invalid'; reason: string };

export function serialiseView(view: ViewState): string {
  const { comparison } = view;
  const params: [string, string | number | null | undefined][] = [
    ['d', view.datasetId],
    ['v', view.version],
    ['t', view.display === 'table' ? 'table' : null],
    ['i', view.indicatorId],
    ['dv', view.derivation],
    ['y', view.year],
    ['yc', view.changeFrom],
    ['ps', view.poorSymbols ? 1 : null],
    ['cm', view.classification.method],
    ['cn', view.classification.classes],
    ['cp', view.classification.palette],
    ['e', view.era],
    ['a', view.areaCode],
    ['s', view.selectedCode],
    ['k', comparison?.mode],
    ['ko', comparison?.mode === 'difference' ? comparison.otherId : null],
    ['kp', comparison?.mode === 'achievement' ? comparison.planId : null],
    ['kr', comparison?.mode === 'achievement' ? comparison.resultId : null],
    ['kt', comparison?.mode === 'achievement' ? comparison.target : null],
    ['sm', view.scenario?.measure],
    ['sy', view.scenario?.year],
    ['sc', view.scenario ? encodeScenarioForUrl(view.scenario.definition) : null],
  ];
  const query = params
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return `${VIEW_HASH_PREFIX}?${query}`;
}

/** Reads a location hash; never throws. Hashes of other routes are `none`. */
export function parseViewHash(hash: string): ParsedView {
  if (hash !== VIEW_HASH_PREFIX && !hash.startsWith(`${VIEW_HASH_PREFIX}?`)) {
    return { kind: 'none' };
  }
  if (hash.length > MAX_VIEW_LENGTH + MAX_SHARE_LENGTH) {
    return { kind: 'invalid', reason: 'too long' };
  }
  try {
    return { kind: 'view', view: readView(hash.slice(VIEW_HASH_PREFIX.length + 1)) };
  } catch (error) {
    return { kind: 'invalid', reason: (error as Error).message };
  }
}

const KEYS = [
  'd',
  'v',
  't',
  'i',
  'dv',
  'y',
  'yc',
  'ps',
  'cm',
  'cn',
  'cp',
  'e',
  'a',
  's',
  'k',
  'ko',
  'kp',
  'kr',
  'kt',
  'sm',
  'sy',
  'sc',
] as const;
type Key = (typeof KEYS)[number];

function readView(query: string): ViewState {
  const scenarioAt = query.search(/(^|&)sc=/);
  const rest = scenarioAt < 0 ? query : query.slice(0, scenarioAt);
  if (rest.length > MAX_VIEW_LENGTH) {
    throw new Error(`longer than ${MAX_VIEW_LENGTH} characters`);
  }
  const params = new Map<Key, string>();
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const key = KEYS.find((k) => k === (equals < 0 ? pair : pair.slice(0, equals)));
    if (!key) throw new Error(`unknown parameter "${pair.slice(0, 20)}"`);
    if (params.has(key)) throw new Error(`parameter "${key}" given twice`);
    params.set(key, equals < 0 ? '' : pair.slice(equals + 1));
  }
  const value = (key: Key, pattern: RegExp, what: string): string | null => {
    const text = params.get(key);
    if (text === undefined) return null;
    if (!pattern.test(text)) throw new Error(`${what} "${text.slice(0, 20)}" is not valid`);
    return text;
  };

  const datasetId = value('d', DATASET_ID_PATTERN, 'dataset');
  if (datasetId === null) throw new Error('no dataset');
  const indicatorId = params.get('i');
  if (indicatorId === undefined || !isIndicatorId(indicatorId)) {
    throw new Error(`indicator "${(indicatorId ?? '').slice(0, 20)}" is not known`);
  }
  const era = (value('e', /^(2019|2025)$/, 'era') ?? '2019') as MapEra;
  const display = value('t', /^table$/, 'display') === null ? 'map' : 'table';
  const derivationText = params.get('dv');
  const derivation = RATE_DERIVATIONS.find((d) => d === derivationText) ?? null;
  if (derivationText !== undefined && (!derivation || !INDICATORS[indicatorId].ratio)) {
    throw new Error(`derived view "${derivationText.slice(0, 20)}" is not valid here`);
  }
  const poorSymbols = value('ps', /^1$/, 'poor symbols') !== null;
  const year = value('y', YEAR, 'year');
  const changeFrom = value('yc', YEAR, 'change from year');
  if (changeFrom !== null && changeFrom === year) throw new Error('a change from the same year');
  if (changeFrom !== null && derivation) throw new Error('a change of a derived view');

  const classification: ClassifyOptions = {};
  const method = params.get('cm');
  if (method !== undefined) {
    const known = CLASSIFICATION_METHODS.find((m) => m === method);
    // The excess rate is a ratio around 1, classed as a diverging measure.
    const measure =
      derivation === 'excess' ? { kind: 'diverging' as const } : INDICATORS[indicatorId];
    if (!known || !methodsFor(measure).includes(known)) {
      throw new Error(`classification "${method.slice(0, 20)}" is not valid here`);
    }
    classification.method = known;
  }
  const classes = value('cn', /^\d$/, 'number of classes');
  if (classes !== null) {
    const n = Number(classes);
    if (n < MIN_CLASSES || n > MAX_CLASSES) throw new Error(`${n} classes is not 3–9`);
    classification.classes = n;
  }
  const palette = params.get('cp');
  if (palette !== undefined) {
    const known = PALETTE_IDS.find((p) => p === palette);
    if (!known) throw new Error(`palette "${palette.slice(0, 20)}" is not known`);
    classification.palette = known;
  }

  const comparison = readComparison(params.get('k'), (key: 'ko' | 'kp' | 'kr' | 'kt') =>
    value(key, key === 'kt' ? /^[a-z]+$/ : DATASET_ID_PATTERN, 'compared dataset'),
  );
  for (const key of ['ko', 'kp', 'kr', 'kt'] as const) {
    if (params.has(key) && !comparison) throw new Error(`"${key}" without a comparison`);
  }

  const measure = params.get('sm');
  const yearText = value('sy', /^[1-9]\d?$/, 'scenario year');
  const encoded = params.get('sc');
  let scenario: ViewState['scenario'] = null;
  if (encoded !== undefined) {
    // A scenario is drawn on the 2019 districts only.
    if (era !== '2019') throw new Error('a scenario on the 2025 map');
    const knownMeasure = SCENARIO_MEASURE_IDS.find((m) => m === (measure ?? 'rate'));
    if (!knownMeasure) throw new Error(`scenario measure "${measure?.slice(0, 20)}" is not known`);
    const definition = decodeScenarioFromUrl(encoded);
    const year = yearText === null ? null : Number(yearText);
    if (year !== null && year > definition.years) {
      throw new Error(`scenario year ${year} is past its ${definition.years} years`);
    }
    scenario = { definition, measure: knownMeasure, year };
  } else if (measure !== undefined || yearText !== null) {
    throw new Error('a scenario measure or year without a scenario');
  }

  return {
    datasetId,
    version: value('v', DATASET_VERSION_PATTERN, 'version'),
    display,
    indicatorId,
    derivation,
    ...(year === null ? {} : { year: Number(year) }),
    ...(changeFrom === null ? {} : { changeFrom: Number(changeFrom) }),
    poorSymbols,
    comparison,
    classification,
    era,
    areaCode: value('a', PROVINCE_CODE, 'area'),
    selectedCode: value('s', era === '2019' ? DISTRICT_CODE : CODE_2025, 'selection'),
    scenario,
  };
}

function readComparison(
  mode: string | undefined,
  value: (key: 'ko' | 'kp' | 'kr' | 'kt') => string | null,
): ViewComparison | null {
  if (mode === undefined) return null;
  if (mode === 'difference') {
    const otherId = value('ko');
    if (otherId === null) throw new Error('a difference without the other dataset');
    if (value('kp') !== null || value('kr') !== null || value('kt') !== null) {
      throw new Error('a difference with a plan or result');
    }
    return { mode, otherId };
  }
  if (mode === 'achievement') {
    const planId = value('kp');
    const resultId = value('kr');
    const target = TARGET_MEASURES.find((t) => t === value('kt'));
    if (planId === null || resultId === null || !target) {
      throw new Error('plan against result without a plan, a result and a target');
    }
    if (value('ko') !== null) throw new Error('plan against result with another dataset');
    return { mode, planId, resultId, target };
  }
  throw new Error(`comparison "${mode.slice(0, 20)}" is not known`);
}
