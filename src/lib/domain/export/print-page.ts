/**
 * The A4 print layout's geometry (App.svelte's print rules use the same millimetres): a heading
 * across the page, then the map, its legend and its credits. On a landscape page the legend
 * stands in a column right of the map and the credits run under both; on a portrait page the
 * legend and the credits share a row under the map. The map takes whatever height is left, so
 * the page has no blank area, and its still is drawn at that area's proportions.
 */

export type PrintOrientation = 'landscape' | 'portrait';

/** CSS pixels per millimetre (96 per inch). */
export const PX_PER_MM = 96 / 25.4;

/**
 * A4 less 10 mm margins, in millimetres; the heights are a millimetre short of the page so
 * that rounding never spills a line onto a second sheet.
 */
export const PRINT_PAGE: Record<PrintOrientation, { width: number; height: number }> = {
  landscape: { width: 277, height: 189 },
  portrait: { width: 190, height: 276 },
};
/** The legend's column (mm) and the gap between the map, the legend and the credits (mm). */
export const PRINT_LEGEND_WIDTH = 62;
export const PRINT_GAP = 4;

/** Heights (CSS px) of the parts around the map, each laid out at a width in CSS px. */
export interface PrintParts {
  header(width: number): number;
  legend(width: number): number;
  credits(width: number): number;
}

export interface Size {
  width: number;
  height: number;
}

/** The map's area on the page, in whole CSS pixels. */
export function printMapArea(orientation: PrintOrientation, parts: PrintParts): Size {
  const page = PRINT_PAGE[orientation];
  const mm = (value: number) => value * PX_PER_MM;
  const header = parts.header(mm(page.width));
  const stage = mm(page.height) - header;
  if (orientation === 'landscape') {
    const width = mm(page.width - PRINT_LEGEND_WIDTH - PRINT_GAP);
    const height = stage - mm(PRINT_GAP) - parts.credits(mm(page.width));
    return whole({ width, height });
  }
  const below = Math.max(
    parts.legend(mm(PRINT_LEGEND_WIDTH)),
    parts.credits(mm(page.width - PRINT_LEGEND_WIDTH - PRINT_GAP)),
  );
  return whole({ width: mm(page.width), height: stage - mm(PRINT_GAP) - below });
}

/** A map area is never less than a third of the page's height, whatever the text around it. */
function whole({ width, height }: Size): Size {
  return { width: Math.floor(width), height: Math.floor(Math.max(height, width / 3)) };
}

export type Bounds = [west: number, south: number, east: number, north: number];

/**
 * The area a printed still is fitted to: the area last chosen (a dataset's province, a unit,
 * the country) while the map still shows it whole at about the zoom it was fitted at; else the
 * view as the reader left it (zoomed in on a part, panned, zoomed out for context).
 * `chosenZoom` is the zoom that fits the chosen area on the screen's map.
 */
export function printArea(
  chosen: Bounds,
  view: Bounds,
  chosenZoom: number,
  viewZoom: number,
): Bounds {
  const [w, s, e, n] = chosen;
  const inView = w >= view[0] && s >= view[1] && e <= view[2] && n <= view[3];
  return inView && Math.abs(chosenZoom - viewZoom) <= 0.5 ? chosen : view;
}
