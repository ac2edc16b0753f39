/**
 * How many times larger than on a desktop the interface's type and the map's labels are drawn.
 * On a desk it is 1; presenting, it grows with the screen's width from 960 px (a projector at
 * 1920×1080 gets twice the desktop size), and is capped so labels never crowd the map.
 */
export const PRESENTATION_BASE_WIDTH = 960;
export const MAX_DISPLAY_SCALE = 3;

export function displayScaleFor(presenting: boolean, screenWidth: number): number {
  if (!presenting || !Number.isFinite(screenWidth) || screenWidth <= 0) return 1;
  return Math.min(MAX_DISPLAY_SCALE, Math.max(1, screenWidth / PRESENTATION_BASE_WIDTH));
}
