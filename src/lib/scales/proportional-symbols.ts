import type { ExpressionSpecification } from 'maplibre-gl';

/** The radius, in pixels, of the largest value's circle. */
export const MAX_SYMBOL_RADIUS = 22;

/**
 * A circle's radius so that its area is proportional to the value (a square-root scale): the
 * largest value gets `maxRadius`. Shared by the map layer and its legend, so they cannot drift.
 */
export function symbolRadius(
  value: number,
  maxValue: number,
  maxRadius = MAX_SYMBOL_RADIUS,
): number {
  if (!(maxValue > 0) || !(value > 0)) return 0;
  return maxRadius * Math.sqrt(value / maxValue);
}

/** The same radius as a MapLibre expression of the feature-state `key`; 0 when unset. */
export function symbolRadiusExpression(
  key: string,
  maxValue: number,
  maxRadius = MAX_SYMBOL_RADIUS,
): ExpressionSpecification {
  const factor = maxValue > 0 ? maxRadius / Math.sqrt(maxValue) : 0;
  return ['*', factor, ['sqrt', ['max', 0, ['to-number', ['feature-state', key], 0]]]];
}

/** The largest 1, 2 or 5 × 10ⁿ not above the value. */
function niceFloor(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([5, 2, 1].find((m) => m * power <= value) ?? 1) * power;
}

/**
 * Two or three round values for the legend's reference circles: about the largest value, a
 * quarter and a sixteenth of it (each circle half the radius of the one before).
 */
export function referenceValues(maxValue: number): number[] {
  if (!(maxValue >= 1)) return maxValue > 0 ? [maxValue] : [];
  const values = [maxValue, maxValue / 4, maxValue / 16]
    .filter((v) => v >= 1)
    .map((v) => niceFloor(v));
  return [...new Set(values)];
}
