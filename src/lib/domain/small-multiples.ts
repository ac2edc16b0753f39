import type { MultiPolygon, Polygon } from 'geojson';
import type { Observation, UnitLevel } from './dataset.ts';
import type { IndicatorId } from './indicators.ts';

/**
 * Small multiples: one small map per year of a multi-year dataset, all drawn with the same
 * classes so a colour means the same in every panel. Pure: the values per year, and the SVG
 * outlines of the units in a projection that fits a panel.
 */

/** Each year's values of one indicator at one level, by unit code, in year order. */
export function valuesByYear(
  observations: readonly Observation[],
  years: readonly number[],
  indicator: IndicatorId,
  level: UnitLevel,
): { year: number; values: Map<string, number> }[] {
  const panels = [...years]
    .sort((a, b) => a - b)
    .map((year) => ({ year, values: new Map<string, number>() }));
  const byYear = new Map(panels.map((p) => [p.year, p.values]));
  for (const o of observations) {
    if (o.unitLevel === level && o.indicator === indicator)
      byYear.get(o.year)?.set(o.unitCode, o.value);
  }
  return panels;
}

export type Projection = (position: readonly number[]) => [number, number];

/**
 * An equirectangular projection, longitudes shrunk by the cosine of the middle latitude (right for
 * a country the size of Vietnam), fitted into `width` × `height` with the aspect kept.
 */
export function fitProjection(
  bbox: readonly [number, number, number, number],
  width: number,
  height: number,
): Projection {
  const [west, south, east, north] = bbox;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min(width / spanX, height / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return ([lon = 0, lat = 0]) => [
    offsetX + (lon - west) * k * scale,
    offsetY + (north - lat) * scale,
  ];
}

/**
 * An SVG path of a polygon or multipolygon: points closer than `minStep` pixels to the last kept
 * one are dropped (a small map needs no more), coordinates rounded to a tenth of a pixel; rings
 * that shrink below three points are left out.
 */
export function geometryPath(
  geometry: Polygon | MultiPolygon,
  project: Projection,
  minStep = 0.6,
): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const kept: [number, number][] = [];
      for (const position of ring) {
        const point = project(position);
        const last = kept[kept.length - 1];
        if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= minStep)
          kept.push(point);
      }
      if (kept.length < 3) continue;
      parts.push(
        `M${kept.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join('L')}Z`,
      );
    }
  }
  return parts.join('');
}
