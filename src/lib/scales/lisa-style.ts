import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { LisaCategory } from '../domain/spatial/moran.ts';

/** Categories drawn on the map; "no data" keeps the choropleth's grey hatching. */
export type DrawnLisaCategory = Exclude<LisaCategory, 'no-data'>;

/**
 * ColorBrewer RdBu ends for clusters and its light steps for outliers: red against blue stays
 * apart in every common colour-vision deficiency, and each category also has its own mark
 * (LISA_MARKS), so colour is never the only signal.
 */
export const LISA_COLORS: Record<DrawnLisaCategory, string> = {
  'high-high': '#b2182b',
  'low-low': '#2166ac',
  'high-low': '#f4a582',
  'low-high': '#92c5de',
  'not-significant': '#f7f7f7',
  'no-neighbours': '#ffffff',
};

/** The pattern over each category's colour (clusters are also outlined). */
export type LisaMark = 'none' | 'dots' | 'stripes-up' | 'stripes-down' | 'crosses';
export const LISA_MARKS: Record<DrawnLisaCategory, LisaMark> = {
  'high-high': 'none',
  'low-low': 'dots',
  'high-low': 'stripes-up',
  'low-high': 'stripes-down',
  'not-significant': 'none',
  'no-neighbours': 'crosses',
};

/** Clusters (hot and cold spots) get a thick outline. */
export const LISA_OUTLINED: readonly DrawnLisaCategory[] = ['high-high', 'low-low'];

/** A category's legend swatch (ui/Swatch's props): its colour, pattern and outline, as drawn. */
export function lisaSwatch(category: DrawnLisaCategory): {
  color: string;
  pattern: LisaMark;
  outlined: boolean;
} {
  return {
    color: LISA_COLORS[category],
    pattern: LISA_MARKS[category],
    outlined: LISA_OUTLINED.includes(category),
  };
}

const DRAWN = Object.keys(LISA_COLORS) as DrawnLisaCategory[];

function codesBy(categories: ReadonlyMap<string, LisaCategory>): Map<DrawnLisaCategory, string[]> {
  const byCategory = new Map<DrawnLisaCategory, string[]>();
  for (const [code, category] of categories) {
    if (category === 'no-data') continue;
    const codes = byCategory.get(category);
    if (codes) codes.push(code);
    else byCategory.set(category, [code]);
  }
  return byCategory;
}

/** `match` on the district code; MapLibre refuses a match with no branch, so that is a constant. */
function matchCode(
  branches: [string[], string][],
  fallback: string,
): ExpressionSpecification | string {
  if (branches.length === 0) return fallback;
  return [
    'match',
    ['get', 'code'],
    ...branches.flatMap(([codes, output]) => [codes, output]),
    fallback,
  ] as unknown as ExpressionSpecification;
}

/** Fill colour per district category (transparent where there is no result). */
export function lisaFillColor(
  categories: ReadonlyMap<string, LisaCategory>,
): ExpressionSpecification | string {
  const byCategory = codesBy(categories);
  return matchCode(
    DRAWN.filter((c) => byCategory.has(c)).map((c) => [byCategory.get(c)!, LISA_COLORS[c]]),
    'rgba(0, 0, 0, 0)',
  );
}

/** The districts a layer draws: those in the given categories. */
export function lisaFilter(
  categories: ReadonlyMap<string, LisaCategory>,
  only: readonly DrawnLisaCategory[] = DRAWN,
): FilterSpecification {
  const codes = [...categories]
    .filter(([, category]) => (only as readonly LisaCategory[]).includes(category))
    .map(([code]) => code);
  return ['all', ['==', ['get', 'role'], 'district'], ['in', ['get', 'code'], ['literal', codes]]];
}

/** Categories that carry a pattern, and the pattern image of each district in them. */
export const LISA_PATTERNED = DRAWN.filter((c) => LISA_MARKS[c] !== 'none');

export function lisaPatternImage(
  categories: ReadonlyMap<string, LisaCategory>,
  imageOf: (mark: LisaMark) => string,
): ExpressionSpecification | string {
  const byCategory = codesBy(categories);
  const branches = LISA_PATTERNED.filter((c) => byCategory.has(c)).map(
    (c) => [byCategory.get(c)!, imageOf(LISA_MARKS[c])] as [string[], string],
  );
  return matchCode(branches, imageOf(LISA_MARKS[LISA_PATTERNED[0]!]));
}
