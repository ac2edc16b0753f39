import type { IndicatorUnit } from '../indicators.ts';
import { roundKeepingTotal } from './largest-remainder.ts';

/**
 * Computed figures (a scenario's outcome on the map) as an export writes them: households and
 * people whole, keeping their total (largest remainder); rates, points and ratios to two decimals;
 * million VND whole. Stored figures are exported as they were given, never through this.
 */
export function roundForExport(
  values: readonly (readonly [string, number])[],
  unit: IndicatorUnit,
): [string, number][] {
  if (unit === 'households' || unit === 'people' || unit === 'million-vnd') {
    const rounded = roundKeepingTotal(values.map(([, value]) => value));
    return values.map(([code], i) => [code, rounded[i]!]);
  }
  return values.map(([code, value]) => [code, Math.round(value * 100) / 100]);
}
