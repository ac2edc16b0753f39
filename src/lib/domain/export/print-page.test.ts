import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRINT_GAP,
  PRINT_LEGEND_WIDTH,
  PRINT_PAGE,
  PX_PER_MM,
  printArea,
  printMapArea,
  type Bounds,
  type PrintOrientation,
  type PrintParts,
} from './print-page.ts';

/** Text of a fixed number of characters, 7 px wide and in 16 px lines, wraps at any width. */
function text(characters: number, floor = 0): (width: number) => number {
  return (width) => Math.max(floor, Math.ceil((characters * 7) / width) * 16);
}

describe('printMapArea', () => {
  it('leaves for the map exactly what the heading, legend, credits and gaps do not take', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PrintOrientation>('landscape', 'portrait'),
        fc.integer({ min: 20, max: 80 }),
        fc.integer({ min: 100, max: 400 }),
        fc.integer({ min: 10, max: 800 }),
        (orientation, header, legend, credits) => {
          const parts: PrintParts = {
            header: () => header,
            legend: () => legend,
            credits: text(credits),
          };
          const area = printMapArea(orientation, parts);
          const page = PRINT_PAGE[orientation];
          const px = (mm: number) => mm * PX_PER_MM;
          // Landscape: the legend's column beside the map, the credits across the page.
          // Portrait: the map across the page, the legend and the credits side by side under it.
          const besideLegend = px(page.width - PRINT_LEGEND_WIDTH - PRINT_GAP);
          const used =
            orientation === 'landscape'
              ? header + px(PRINT_GAP) + parts.credits(px(page.width))
              : header + px(PRINT_GAP) + Math.max(legend, parts.credits(besideLegend));
          expect(area.width).toBe(
            Math.floor(orientation === 'landscape' ? besideLegend : px(page.width)),
          );
          expect(area.height).toBe(Math.floor(px(page.height) - used));
          expect(area.height).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('gives a portrait page a tall map and a landscape page a wide one', () => {
    const parts: PrintParts = { header: () => 50, legend: () => 330, credits: text(400) };
    const landscape = printMapArea('landscape', parts);
    const portrait = printMapArea('portrait', parts);
    expect(landscape.width / landscape.height).toBeGreaterThan(1);
    // A portrait page's map is as wide as the page and taller than the screen's 16:10 frame.
    expect(portrait.width).toBe(Math.floor(PRINT_PAGE.portrait.width * PX_PER_MM));
    expect(portrait.height / portrait.width).toBeGreaterThan(10 / 16);
  });

  it('never lets long credits squeeze the map below a third of its width', () => {
    const area = printMapArea('landscape', {
      header: () => 60,
      legend: () => 300,
      credits: text(100_000),
    });
    expect(area.height).toBe(Math.floor(area.width / 3));
  });
});

describe('printArea', () => {
  const province: Bounds = [104.8, 21.5, 105.6, 22.7];
  const around: Bounds = [103.9, 21.2, 106.5, 23.0];

  it('fits the chosen area while the map shows it whole, at about the zoom it was fitted at', () => {
    expect(printArea(province, around, 8.1, 8.0)).toEqual(province);
  });

  it('keeps the view as the reader left it once they zoomed in, panned or zoomed far out', () => {
    const zoomedIn: Bounds = [105.0, 21.8, 105.4, 22.3];
    expect(printArea(province, zoomedIn, 8, 9.5)).toEqual(zoomedIn);
    const panned: Bounds = [105.2, 21.2, 107.8, 23.0];
    expect(printArea(province, panned, 8, 8)).toEqual(panned);
    const farOut: Bounds = [100, 15, 110, 25];
    expect(printArea(province, farOut, 8, 6)).toEqual(farOut);
  });
});
