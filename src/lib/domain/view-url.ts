import type { ClassifyOptions } from '../scales/choropleth.ts';
import {
  CLASSIFICATION_METHODS,
  MAX_CLASSES,
  MIN_CLASSES,
  PALETTE_IDS,
  methodsFor,
} from '../scales/choropleth.ts';
import { DATASET_VERSION_PATTERN } from './dataset-version.ts';
import type { MapEra } from './eras/era.ts';
import { INDICATORS, isIndicatorId, type IndicatorId } from './indicators.ts';
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

/**
 * One map view as a link: `#/map?d=…&v=…&i=…`. The link carries parameters and the dataset's
 * version hash, never figures; whatever arrives is checked strictly (known keys, each value
 * by pattern, a length limit) because a link is untrusted input.
 */
export interface ViewState {
  datasetId: string;
  /** `datasetVersion` of the figures when the link was made; null when unknown. */
  version: string | null;
  indicatorId: IndicatorId;
  /** The classification of the indicator; empty for the defaults. */
  classification: ClassifyOptions;
  era: MapEra;
  /** The province zoomed to (a 2019 code, or a 2025 one on the 2025 map), or null. */
  areaCode: string | null;
  /** The selected unit: a district (2019), a province or a commune (2025). */
  selectedCode: string | null;
  /** A scenario drawn over the map, with what of it the map shows. */
  scenario: { definition: ScenarioDefinition; measure: ScenarioMeasureId } | null;
}

export const VIEW_HASH_PREFIX = '#/map';
/** The link without its scenario; far above any real view (about 120 characters). */
export const MAX_VIEW_LENGTH = 2000;

export const DATASET_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PROVINCE_CODE = /^\d{2}$/;
const DISTRICT_CODE = /^\d{3}$/;
const CODE_2025 = /^(\d{2}|\d{5})$/;

export type ParsedView =
  { kind: 'none' } | { kind: 'view'; view: ViewState } | { kind: 'invalid'; reason: string };

export function serialiseView(view: ViewState): string {
  const params: [string, string | number | null | undefined][] = [
    ['d', view.datasetId],
    ['v', view.version],
    ['i', view.indicatorId],
    ['cm', view.classification.method],
    ['cn', view.classification.classes],
    ['cp', view.classification.palette],
    ['e', view.era],
    ['a', view.areaCode],
    ['s', view.selectedCode],
    ['sm', view.scenario?.measure],
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

const KEYS = ['d', 'v', 'i', 'cm', 'cn', 'cp', 'e', 'a', 's', 'sm', 'sc'] as const;
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

  const classification: ClassifyOptions = {};
  const method = params.get('cm');
  if (method !== undefined) {
    const known = CLASSIFICATION_METHODS.find((m) => m === method);
    if (!known || !methodsFor(INDICATORS[indicatorId]).includes(known)) {
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

  const measure = params.get('sm');
  const encoded = params.get('sc');
  let scenario: ViewState['scenario'] = null;
  if (encoded !== undefined) {
    // A scenario is drawn on the 2019 districts only.
    if (era !== '2019') throw new Error('a scenario on the 2025 map');
    const knownMeasure = SCENARIO_MEASURE_IDS.find((m) => m === (measure ?? 'rate'));
    if (!knownMeasure) throw new Error(`scenario measure "${measure?.slice(0, 20)}" is not known`);
    scenario = { definition: decodeScenarioFromUrl(encoded), measure: knownMeasure };
  } else if (measure !== undefined) {
    throw new Error('a scenario measure without a scenario');
  }

  return {
    datasetId,
    version: value('v', DATASET_VERSION_PATTERN, 'version'),
    indicatorId,
    classification,
    era,
    areaCode: value('a', PROVINCE_CODE, 'area'),
    selectedCode: value('s', era === '2019' ? DISTRICT_CODE : CODE_2025, 'selection'),
    scenario,
  };
}
