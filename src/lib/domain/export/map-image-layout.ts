import { foldText } from '../import/unit-names.ts';

/**
 * Where everything goes on an exported map image: title and subtitle above, the map with the
 * legend beside it, the source credits below. Pure: text widths come from the caller's
 * `measure` (a canvas in the browser), so the arithmetic is testable without a DOM.
 * All lengths are CSS pixels; the drawing multiplies them by the map canvas's pixel ratio.
 */

export interface MapImageLegendRow {
  /** A CSS colour, or `null` for the hatched no-data swatch. */
  color: string | null;
  range: string;
  count: number;
}

export interface MapImageContent {
  title: string;
  subtitle: string;
  legendTitle: string;
  legendRows: readonly MapImageLegendRow[];
  /** Paragraphs (data source, boundary sources), each wrapped across the full width. */
  credits: readonly string[];
}

/** Width of `text` drawn in `font` (a CSS font shorthand), in CSS pixels. */
export type MeasureText = (text: string, font: string) => number;

export interface PlacedText {
  text: string;
  font: string;
  /** Left edge, or right edge when `align` is `right`. */
  x: number;
  /** Alphabetic baseline. */
  y: number;
  color: string;
  align: 'left' | 'right';
}

export interface PlacedSwatch {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string | null;
}

export interface MapImageLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  texts: PlacedText[];
  swatches: PlacedSwatch[];
}

const FONT_FAMILY = '"Noto Sans", sans-serif';
export const MAP_IMAGE_FONTS = {
  title: `700 26px ${FONT_FAMILY}`,
  subtitle: `400 16px ${FONT_FAMILY}`,
  legendTitle: `700 15px ${FONT_FAMILY}`,
  legend: `400 14px ${FONT_FAMILY}`,
  credit: `400 12px ${FONT_FAMILY}`,
} as const;

const MARGIN = 24;
const GAP = 20;
const LEGEND_WIDTH = 250;
const SWATCH = { width: 28, height: 16 };
const LINE = { title: 34, subtitle: 24, legendTitle: 21, legendRow: 24, credit: 17 };
const TEXT_COLOR = '#1b1b1b';
const MUTED_COLOR = '#444444';

/** Greedy word wrap; a word wider than the line stands alone on its own line. */
export function wrapText(
  text: string,
  maxWidth: number,
  font: string,
  measure: MeasureText,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function layoutMapImage(
  content: MapImageContent,
  mapSize: { width: number; height: number },
  measure: MeasureText,
): MapImageLayout {
  const width = MARGIN + mapSize.width + GAP + LEGEND_WIDTH + MARGIN;
  const fullWidth = width - 2 * MARGIN;
  const texts: PlacedText[] = [];
  const swatches: PlacedSwatch[] = [];
  const place = (
    lines: string[],
    font: string,
    x: number,
    top: number,
    lineHeight: number,
    color: string,
  ): number => {
    lines.forEach((text, i) =>
      texts.push({ text, font, x, y: top + (i + 0.75) * lineHeight, color, align: 'left' }),
    );
    return top + lines.length * lineHeight;
  };

  let y = MARGIN;
  const F = MAP_IMAGE_FONTS;
  y = place(
    wrapText(content.title, fullWidth, F.title, measure),
    F.title,
    MARGIN,
    y,
    LINE.title,
    TEXT_COLOR,
  );
  y = place(
    wrapText(content.subtitle, fullWidth, F.subtitle, measure),
    F.subtitle,
    MARGIN,
    y,
    LINE.subtitle,
    MUTED_COLOR,
  );
  const bodyTop = y + GAP / 2;
  const map = { x: MARGIN, y: bodyTop, width: mapSize.width, height: mapSize.height };

  const legendX = MARGIN + mapSize.width + GAP;
  let legendY = place(
    wrapText(content.legendTitle, LEGEND_WIDTH, F.legendTitle, measure),
    F.legendTitle,
    legendX,
    bodyTop,
    LINE.legendTitle,
    TEXT_COLOR,
  );
  legendY += 6;
  for (const row of content.legendRows) {
    const middle = legendY + LINE.legendRow / 2;
    swatches.push({
      x: legendX,
      y: middle - SWATCH.height / 2,
      width: SWATCH.width,
      height: SWATCH.height,
      color: row.color,
    });
    const baseline = middle + 5;
    texts.push({
      text: row.range,
      font: F.legend,
      x: legendX + SWATCH.width + 8,
      y: baseline,
      color: TEXT_COLOR,
      align: 'left',
    });
    texts.push({
      text: String(row.count),
      font: F.legend,
      x: legendX + LEGEND_WIDTH,
      y: baseline,
      color: MUTED_COLOR,
      align: 'right',
    });
    legendY += LINE.legendRow;
  }

  y = Math.max(map.y + map.height, legendY) + GAP / 2;
  for (const paragraph of content.credits) {
    y = place(
      wrapText(paragraph, fullWidth, F.credit, measure),
      F.credit,
      MARGIN,
      y,
      LINE.credit,
      MUTED_COLOR,
    );
  }
  return { width, height: Math.ceil(y + MARGIN), map, texts, swatches };
}

/** `ban-do-ty-le-ho-ngheo-dau-nam-2026-11-22.png`: the title without diacritics, and the date. */
export function mapImageFileName(title: string, date: Date): string {
  const slug = foldText(title).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '');
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  return `ban-do-${slug || 'atlas'}-${day}.png`;
}
