import type { FeatureCollection, Point } from 'geojson';

/**
 * Hoàng Sa (Huyện Hoàng Sa, Đà Nẵng) and Trường Sa (Huyện Trường Sa, Khánh Hòa) are Vietnamese
 * districts; their islands are too small to see at national zoom, so they get markers and labels.
 * The sea is named Biển Đông. Positions are the archipelagos' approximate centres.
 */
export interface SovereigntyLabels {
  hoangSa: string;
  truongSa: string;
  bienDong: string;
}

export type SovereigntyKind = 'archipelago' | 'sea';

export function sovereigntyFeatures(
  labels: SovereigntyLabels,
): FeatureCollection<Point, { name: string; kind: SovereigntyKind; code: string }> {
  const point = (
    coordinates: [number, number],
    name: string,
    kind: SovereigntyKind,
    code: string,
  ) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates },
    properties: { name, kind, code },
  });
  return {
    type: 'FeatureCollection',
    features: [
      point([112.0, 16.45], labels.hoangSa, 'archipelago', '498'),
      point([114.2, 10.0], labels.truongSa, 'archipelago', '576'),
      point([112.6, 13.4], labels.bienDong, 'sea', ''),
    ],
  };
}
