import { INDICATORS, isIndicatorId, type IndicatorId } from '../domain/indicators.ts';
import {
  CLASSIFICATION_METHODS,
  MAX_CLASSES,
  MIN_CLASSES,
  PALETTE_IDS,
  methodsFor,
  type ClassifyOptions,
} from './choropleth.ts';

/** The classification chosen for each indicator, kept so every indicator reopens as left. */
export type ClassifyChoices = Partial<Record<IndicatorId, ClassifyOptions>>;

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
    if (!isIndicatorId(id) || typeof value !== 'object' || value === null) continue;
    const { method, classes, palette } = value as Record<string, unknown>;
    const option: ClassifyOptions = {};
    const knownMethod = CLASSIFICATION_METHODS.find((m) => m === method);
    if (knownMethod && methodsFor(INDICATORS[id]).includes(knownMethod))
      option.method = knownMethod;
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
    choices[id] = option;
  }
  return choices;
}
