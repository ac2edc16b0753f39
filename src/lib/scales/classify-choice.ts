import { INDICATORS, isIndicatorId, type IndicatorId } from '../domain/indicators.ts';
import type { RateDerivation } from '../domain/rates/derived-rates.ts';
import {
  CLASSIFICATION_METHODS,
  MAX_CLASSES,
  MIN_CLASSES,
  PALETTE_IDS,
  methodsFor,
  type ClassifyOptions,
  type MapMeasure,
} from './choropleth.ts';

/**
 * What a classification is kept under: the indicator, or its excess rate (a ratio, classed apart).
 * A smoothed rate shares its rate's choice, so raw and smoothed maps compare on the same breaks.
 */
export type ClassifyKey = IndicatorId | `${IndicatorId}:excess`;

/** The classification chosen for each indicator, kept so every indicator reopens as left. */
export type ClassifyChoices = Partial<Record<ClassifyKey, ClassifyOptions>>;

export function classifyKeyOf(
  indicator: IndicatorId,
  derivation: RateDerivation | null,
): ClassifyKey {
  return derivation === 'excess' ? `${indicator}:excess` : indicator;
}

/** The kind of measure a key classifies, or null for a key this version does not know. */
function kindOfKey(key: string): Pick<MapMeasure, 'kind'> | null {
  const [id = '', derivation, ...rest] = key.split(':');
  if (!isIndicatorId(id) || rest.length > 0) return null;
  if (derivation === undefined) return INDICATORS[id];
  return derivation === 'excess' && INDICATORS[id].ratio ? { kind: 'diverging' } : null;
}

/**
 * Reads stored choices (JSON from IndexedDB's meta table), keeping only what still applies: an
 * unknown indicator, method or palette, or a number of classes outside 3–9, is dropped.
 */
export function parseClassifyChoices(json: string | undefined): ClassifyChoices {
  let stored: unknown;
  try {
    stored = json === undefined ? {} : JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof stored !== 'object' || stored === null) return {};
  const choices: ClassifyChoices = {};
  for (const [id, value] of Object.entries(stored)) {
    const measure = kindOfKey(id);
    if (!measure || typeof value !== 'object' || value === null) continue;
    const { method, classes, palette } = value as Record<string, unknown>;
    const option: ClassifyOptions = {};
    const knownMethod = CLASSIFICATION_METHODS.find((m) => m === method);
    if (knownMethod && methodsFor(measure).includes(knownMethod)) option.method = knownMethod;
    if (
      typeof classes === 'number' &&
      Number.isInteger(classes) &&
      classes >= MIN_CLASSES &&
      classes <= MAX_CLASSES
    ) {
      option.classes = classes;
    }
    const knownPalette = PALETTE_IDS.find((p) => p === palette);
    if (knownPalette) option.palette = knownPalette;
    choices[id as ClassifyKey] = option;
  }
  return choices;
}
