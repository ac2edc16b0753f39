import { describe, expect, it } from 'vitest';
import { cleanRing, geometryArea, normalisePolygonal, ringArea } from './geometry.ts';
import { rect } from './test-fixtures.ts';

describe('cleanRing', () => {
  it('drops repeated points and closes an open ring', () => {
    expect(
      cleanRing([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
    ).toEqual(rect(0, 0, 1, 1));
  });

  it('returns null for rings that enclose nothing', () => {
    expect(
      cleanRing([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
    ).toBeNull();
    expect(cleanRing([[0, 0]])).toBeNull();
    // A sliver of ~0.01 m², like the one in the source for Sa Thầy.
    expect(cleanRing(rect(107.5, 14.0, 107.5 + 1e-6, 14.0 + 1e-6))).toBeNull();
    expect(cleanRing(rect(107.5, 14.0, 107.5 + 1e-4, 14.0 + 1e-4))).not.toBeNull();
  });
});

describe('normalisePolygonal', () => {
  it('winds exteriors counter-clockwise and holes clockwise', () => {
    const { geometry } = normalisePolygonal({
      type: 'MultiPolygon',
      coordinates: [[rect(0, 0, 4, 4, true), rect(1, 1, 2, 2)], [rect(5, 0, 6, 1, true)]],
    });
    const polygons = geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
    expect(polygons.map((p) => p.map((ring) => Math.sign(ringArea(ring))))).toEqual([[1, -1], [1]]);
    expect(geometryArea(geometry!)).toBe(16 - 1 + 1);
  });

  it('drops a polygon whose exterior is degenerate and counts its rings', () => {
    const flat = [
      [0, 0],
      [1, 0],
      [0, 0],
    ];
    const result = normalisePolygonal({
      type: 'MultiPolygon',
      coordinates: [[flat, rect(0, 0, 1, 1)], [rect(2, 2, 3, 3)]],
    });
    expect(result.droppedRings).toBe(2);
    expect(result.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[rect(2, 2, 3, 3)]] });
    expect(normalisePolygonal({ type: 'Polygon', coordinates: [flat] }).geometry).toBeNull();
  });
});
