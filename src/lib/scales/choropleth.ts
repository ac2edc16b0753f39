import { bisectRight, extent, nice, tickIncrement, ticks } from 'd3-array';
import {
  schemeBlues,
  schemeBrBG,
  schemePuOr,
  schemePurples,
  schemeRdBu,
  schemeYlGnBu,
  schemeYlOrRd,
} from 'd3-scale-chromatic';
import type { ExpressionSpecification } from 'maplibre-gl';
import { ckmeans, mean, quantileSorted, standardDeviation } from 'simple-statistics';
import type { IndicatorDefinition, IndicatorUnit } from '../domain/indicators.ts';

/**
 * What the map shows: an indicator, or a computed measure such as a scenario's outcome.
 * `diverging` is for values on either side of a neutral one: a change or a gap around zero, a
 * ratio around 1 (unit `ratio`, classed on a log scale), an achievement around 100 %.
 */
export interface MapMeasure {
  label: { vi: string; en: string };
  unit: IndicatorUnit;
  kind: IndicatorDefinition['kind'] | 'diverging';
  /** The neutral value of a diverging measure; default 0 (1 for a ratio). */
  centre?: number;
  /** Above the centre is good (an achieved target): the diverging colours swap, blue above. */
  higherIsBetter?: boolean;
  /** One sentence on how a computed measure is obtained, shown in the legend. */
  explanation?: { vi: string; en: string };
}

/** What classifying needs to know of a measure. */
export type ClassifiedMeasure = Pick<MapMeasure, 'kind'> &
  Partial<Pick<MapMeasure, 'unit' | 'centre' | 'higherIsBetter'>>;

/**
 * Choropleth classes shared by the map's paint expression and its legend, so the two can never
 * disagree. Class i holds values in [thresholds[i-1], thresholds[i]).
 */
export interface ChoroplethClasses {
  /** `diverging`: symmetric breaks around zero, the default for signed measures. */
  method: ClassificationMethod | 'diverging';
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

const EQUAL_CLASSES = 5;

export const NO_DATA_COLOR = '#d9d9d9';

export const CLASSIFICATION_METHODS = [
  'policy',
  'quantile',
  'equal',
  'jenks',
  'stddev',
  'box',
] as const;
export type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number];

/** ColorBrewer schemes, all safe for the common colour-vision deficiencies. */
export const PALETTES = {
  YlOrRd: { kind: 'sequential', scheme: schemeYlOrRd },
  YlGnBu: { kind: 'sequential', scheme: schemeYlGnBu },
  Blues: { kind: 'sequential', scheme: schemeBlues },
  Purples: { kind: 'sequential', scheme: schemePurples },
  RdBu: { kind: 'diverging', scheme: schemeRdBu },
  PuOr: { kind: 'diverging', scheme: schemePuOr },
  BrBG: { kind: 'diverging', scheme: schemeBrBG },
} as const;
export type PaletteId = keyof typeof PALETTES;
export const PALETTE_IDS = Object.keys(PALETTES) as PaletteId[];

export interface ClassifyOptions {
  /** Default: policy breaks for rates, rounded equal intervals otherwise. */
  method?: ClassificationMethod;
  /** 3 to 9; default 5. Policy breaks and the box map have their own number of classes. */
  classes?: number;
  /** Default: YlOrRd (Blues for changes); RdBu for standard deviations and the box map. */
  palette?: PaletteId;
}

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/** The methods a measure can be classed by: policy breaks exist only for rates. */
export function methodsFor(indicator: Pick<MapMeasure, 'kind'>): ClassificationMethod[] {
  return CLASSIFICATION_METHODS.filter((m) => m !== 'policy' || indicator.kind === 'rate');
}

export function classifyIndicator(
  values: readonly number[],
  indicator: ClassifiedMeasure,
  options: ClassifyOptions = {},
): ChoroplethClasses {
  const [min = 0, max = 0] = extent(values);
  if (indicator.kind === 'diverging' && !options.method) {
    const thresholds =
      indicator.unit === 'ratio'
        ? ratioThresholds(min, max)
        : divergingThresholds(min, max, indicator.centre ?? 0);
    const colors = divergingColors(thresholds.length + 1);
    return withCounts(
      'diverging',
      values,
      thresholds,
      indicator.higherIsBetter ? colors.reverse() : colors,
    );
  }
  const method = options.method ?? (indicator.kind === 'rate' ? 'policy' : 'equal');
  const classes = options.classes ?? EQUAL_CLASSES;
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new RangeError(`classes must be an integer from 3 to 9, got ${classes}`);
  }
  if (!methodsFor(indicator).includes(method)) {
    throw new RangeError(`method ${method} does not apply to a ${indicator.kind} measure`);
  }
  const sorted = Float64Array.from(values).sort();
  const thresholds = withinPossibleRange(thresholdsBy(method, sorted, classes), indicator);
  const palette = options.palette ?? defaultPalette(method, indicator);
  return withCounts(method, values, thresholds, paletteColors(palette, thresholds.length + 1));
}

function withCounts(
  method: ChoroplethClasses['method'],
  values: readonly number[],
  thresholds: number[],
  colors: string[],
): ChoroplethClasses {
  const [min = 0, max = 0] = extent(values);
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  for (const value of values) counts[classIndex(value, thresholds)]! += 1;
  return { method, thresholds, colors, counts, min, max };
}

/**
 * Diverging for methods centred on the middle of the data and for diverging measures; Blues for
 * changes; else YlOrRd.
 */
export function defaultPalette(
  method: ClassificationMethod,
  indicator: Pick<MapMeasure, 'kind'>,
): PaletteId {
  if (method === 'stddev' || method === 'box' || indicator.kind === 'diverging') return 'RdBu';
  return indicator.kind === 'change' ? 'Blues' : 'YlOrRd';
}

function thresholdsBy(
  method: ClassificationMethod,
  sorted: Float64Array,
  classes: number,
): number[] {
  const n = sorted.length;
  if (method === 'policy') return POLICY_RATE_BREAKS;
  if (n === 0) return [];
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const values = Array.from(sorted);
  switch (method) {
    case 'equal':
      return equalIntervalThresholds(min, max, classes);
    case 'quantile':
      // The value at rank round(p·n) as the break: below it lie p·n units, so classes hold equal
      // counts as far as ties allow (interpolated quantiles would fall between units).
      return distinctInside(
        Array.from({ length: classes - 1 }, (_, i) => sorted[Math.round(((i + 1) * n) / classes)]!),
        min,
        max,
      );
    case 'jenks': {
      // Ckmeans is the exact, O(n log n) successor of Jenks's natural breaks.
      // Its sums of squares underflow for subnormal spans and can split equal values.
      const groups = ckmeans(values, Math.min(classes, new Set(values).size));
      return distinctInside(
        groups.slice(1).map((group) => group[0]!),
        min,
        max,
      );
    }
    case 'stddev': {
      if (n < 2) return [];
      const centre = mean(values);
      const sd = standardDeviation(values);
      // One-standard-deviation classes centred on the mean; an even count puts the mean on a break.
      const breaks = Array.from(
        { length: classes - 1 },
        (_, i) => centre + (i + 1 - classes / 2) * sd,
      );
      return distinctInside(breaks, min, max, true);
    }
    case 'box': {
      const q1 = quantileSorted(values, 0.25);
      const q2 = quantileSorted(values, 0.5);
      const q3 = quantileSorted(values, 0.75);
      const fence = 1.5 * (q3 - q1);
      return distinctInside([q1 - fence, q1, q2, q3, q3 + fence], min, max, true);
    }
  }
}

/**
 * The values a measure can take: a percentage 0–100, a count 0 or more, anything else unbounded.
 * A standard-deviation or box break outside it would make a class no unit can fall in ("< −5 %").
 */
export function possibleRange(measure: ClassifiedMeasure): [number, number] {
  if (measure.kind === 'rate' && measure.unit !== 'ratio') return [0, 100];
  if (measure.kind === 'count') return [0, Infinity];
  return [-Infinity, Infinity];
}

function withinPossibleRange(breaks: number[], measure: ClassifiedMeasure): number[] {
  const [low, high] = possibleRange(measure);
  return breaks.filter((b) => b > low && b <= high);
}

/**
 * Strictly increasing breaks; duplicates (many equal values) merge classes. Quantile breaks at
 * the minimum would leave an empty first class, so they are dropped; standard-deviation and box
 * breaks are kept outside the data, because an empty outlier class is itself information.
 */
function distinctInside(breaks: number[], min: number, max: number, keepOutside = false): number[] {
  const inside = keepOutside ? breaks : breaks.filter((b) => b > min && b <= max);
  return inside.filter((b, i) => i === 0 || b > inside[i - 1]!);
}

/** A palette's colours for a number of classes; diverging palettes run cool (low) to warm (high). */
export function paletteColors(palette: PaletteId, classes: number): string[] {
  const { kind, scheme } = PALETTES[palette];
  const colors = sequentialColors(scheme, classes);
  return kind === 'diverging' ? colors.reverse() : colors;
}

/** Rounded ("nice") equal intervals; fewer classes when the values span too little. */
export function equalIntervalThresholds(min: number, max: number, classes: number): number[] {
  // d3 cannot tick a span too small for floating point (≈1e-307); such data is one class.
  if (!(max > min) || !Number.isFinite(tickIncrement(min, max, classes))) return [];
  // d3-array's nice and ticks are what d3-scale's linear scale uses, without pulling the scale
  // (and its interpolators and number formats) into the first map's code.
  const [low, high] = nice(min, max, classes);
  // Against the data, not the nice domain: nice() can widen past max (0–141 → 0–200, tick 150).
  // Steps near floating-point precision can repeat a tick, so keep distinct ones only.
  const inside = distinctInside(
    ticks(low, high, classes).filter((tick) => tick < max),
    min,
    max,
  );
  // ColorBrewer schemes start at 3 classes; a 2-class split still reads as low/high.
  return inside.length === 0 ? [(low + high) / 2] : inside.slice(0, 8);
}

/**
 * Breaks symmetric around the centre (zero unless said), so the centre is always a class edge
 * and equal distances above and below get equal weight: c−2s, c−s, c, c+s, c+2s, s rounded.
 */
export function divergingThresholds(min: number, max: number, centre = 0): number[] {
  const reach = Math.max(Math.abs(min - centre), Math.abs(max - centre));
  if (!(reach > 0)) return [centre];
  const [step] = ticks(...nice(0, reach, 3), 3).slice(1) as [number];
  return [centre - 2 * step, centre - step, centre, centre + step, centre + 2 * step];
}

/** Factors for ratio classes, smallest first; the first whose square reaches the data is used. */
const RATIO_STEPS = [1.1, 1.2, 1.5, 2, 3];

/**
 * Breaks for a ratio around 1, symmetric on a log scale (half the reference is as far from 1 as
 * twice it): 1/s², 1/s, 1, s, s², rounded to two decimals as the legend prints them.
 */
export function ratioThresholds(min: number, max: number): number[] {
  const reach = Math.max(max, min > 0 ? 1 / min : 0);
  const step = RATIO_STEPS.find((s) => s * s >= reach) ?? RATIO_STEPS.at(-1)!;
  return [1 / (step * step), 1 / step, 1, step, step * step].map((t) => Math.round(t * 100) / 100);
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
 * The fill colour of a unit from the colour its feature-state carries (`color`, its class's);
 * none (null or unset) is the no-data grey. The expression never changes: new values, new breaks,
 * a new palette or number of classes are feature-state writes. MapLibre re-tiles a source when a
 * data-driven paint expression itself changes (~400 ms for the national districts under software
 * WebGL), so nothing about the classes may live in the expression.
 */
export const STATE_FILL_COLOR: ExpressionSpecification = [
  'to-color',
  ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR],
];

/** The colour a unit's feature-state carries: its class's, or null without a value. */
export function stateColor(value: number | null, classes: ChoroplethClasses): string | null {
  return value === null ? null : (classes.colors[classIndex(value, classes.thresholds)] ?? null);
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
