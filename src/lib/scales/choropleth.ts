import { bisectRight, extent, tickIncrement } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { schemeBlues, schemeRdBu, schemeYlOrRd } from 'd3-scale-chromatic';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { IndicatorDefinition, IndicatorUnit } from '../domain/indicators.ts';

/**
 * What the map shows: an indicator, or a computed measure such as a scenario's outcome.
 * `diverging` is for signed values around zero (a change, a gap to a target).
 */
export interface MapMeasure {
  label: { vi: string; en: string };
  unit: IndicatorUnit;
  kind: IndicatorDefinition['kind'] | 'diverging';
}

/**
 * Choropleth classes shared by the map's paint expression and its legend, so the two can never
 * disagree. Class i holds values in [thresholds[i-1], thresholds[i]).
 */
export interface ChoroplethClasses {
  method: 'policy' | 'equal' | 'diverging';
  thresholds: number[];
  colors: string[];
  /** Units per class, in class order. */
  counts: number[];
  /** Lowest and highest value, for the first and last class's range in the legend. */
  min: number;
  max: number;
}

/** Poverty-rate breaks used by the programme's documents ("trên 20 %"); fixed so maps compare. */
export const POLICY_RATE_BREAKS = [5, 10, 20, 30, 40];

/** ColorBrewer YlOrRd / Blues: sequential and safe for the common colour-vision deficiencies. */
const RATE_PALETTE = sequentialColors(schemeYlOrRd, POLICY_RATE_BREAKS.length + 1);
const EQUAL_CLASSES = 5;

export const NO_DATA_COLOR = '#d9d9d9';

export function classifyIndicator(
  values: readonly number[],
  indicator: Pick<MapMeasure, 'kind'>,
): ChoroplethClasses {
  const [min = 0, max = 0] = extent(values);
  let thresholds: number[];
  let colors: readonly string[];
  let method: ChoroplethClasses['method'];
  if (indicator.kind === 'rate') {
    method = 'policy';
    thresholds = POLICY_RATE_BREAKS;
    colors = RATE_PALETTE;
  } else if (indicator.kind === 'diverging') {
    method = 'diverging';
    thresholds = divergingThresholds(min, max);
    colors = divergingColors(thresholds.length + 1);
  } else {
    method = 'equal';
    thresholds = equalIntervalThresholds(min, max, EQUAL_CLASSES);
    colors = sequentialColors(
      indicator.kind === 'change' ? schemeBlues : schemeYlOrRd,
      thresholds.length + 1,
    );
  }
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  for (const value of values) counts[classIndex(value, thresholds)]! += 1;
  return { method, thresholds, colors: [...colors], counts, min, max };
}

/** Rounded ("nice") equal intervals; fewer classes when the values span too little. */
export function equalIntervalThresholds(min: number, max: number, classes: number): number[] {
  // d3 cannot tick a span too small for floating point (≈1e-307); such data is one class.
  if (!(max > min) || !Number.isFinite(tickIncrement(min, max, classes))) return [];
  const scale = scaleLinear().domain([min, max]).nice(classes);
  const [low, high] = scale.domain() as [number, number];
  // Against the data, not the nice domain: nice() can widen past max (0–141 → 0–200, tick 150).
  const ticks = scale.ticks(classes).filter((tick) => tick > min && tick < max);
  // ColorBrewer schemes start at 3 classes; a 2-class split still reads as low/high.
  return ticks.length === 0 ? [(low + high) / 2] : ticks.slice(0, 8);
}

/**
 * Breaks symmetric around zero, so zero is always a class edge and equal distances above and
 * below get equal weight: −2s, −s, 0, s, 2s with a rounded step s.
 */
export function divergingThresholds(min: number, max: number): number[] {
  const reach = Math.max(Math.abs(min), Math.abs(max));
  if (!(reach > 0)) return [0];
  const [step] = scaleLinear().domain([0, reach]).nice(3).ticks(3).slice(1) as [number];
  return [-2 * step, -step, 0, step, 2 * step];
}

/** ColorBrewer RdBu reversed: below zero (a fall, ahead of target) blue, above it red. */
function divergingColors(classes: number): string[] {
  const colors = [...schemeRdBu[Math.max(3, classes)]!].reverse();
  return classes >= 3 ? colors : [colors[0]!, colors[2]!];
}

/** ColorBrewer schemes have 3 to 9 colours; fewer classes take the light and dark ends. */
function sequentialColors(scheme: readonly (readonly string[])[], classes: number): string[] {
  if (classes >= 3) return [...scheme[Math.min(classes, 9)]!];
  const three = scheme[3]!;
  return classes === 1 ? [three[1]!] : [three[0]!, three[2]!];
}

/** The class of a value: d3's threshold-scale rule, so a value on a threshold goes up. */
export function classIndex(value: number, thresholds: readonly number[]): number {
  return bisectRight(thresholds, value);
}

export function colorOf(value: number, classes: ChoroplethClasses): string {
  return classes.colors[classIndex(value, classes.thresholds)]!;
}

/**
 * The fill colour of a district from its feature-state `value`; no value (null or unset) is
 * grey, never the colour of a low value.
 */
export function choroplethFillColor(classes: ChoroplethClasses): ExpressionSpecification {
  const state: ExpressionSpecification = ['feature-state', 'value'];
  const value: ExpressionSpecification = ['to-number', state, 0];
  const classed: ExpressionSpecification | string =
    classes.thresholds.length === 0
      ? (classes.colors[0] ?? NO_DATA_COLOR)
      : ([
          'step',
          value,
          classes.colors[0]!,
          ...classes.thresholds.flatMap((t, i) => [t, classes.colors[i + 1]!]),
        ] as ExpressionSpecification);
  return ['case', ['==', ['typeof', state], 'number'], classed, NO_DATA_COLOR];
}
