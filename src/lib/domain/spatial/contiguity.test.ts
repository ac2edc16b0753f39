import type { Feature, Polygon } from 'geojson';
import { neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { contiguityFromPairs, queenContiguity, type Contiguity } from './contiguity.ts';

/** Unit squares in a rows × columns grid, coded "r,c", plus any extra squares. */
function gridTopology(
  rows: number,
  columns: number,
  extra: [number, number][] = [],
  quantize = true,
): Topology {
  const square = (row: number, column: number): Feature<Polygon, { code: string }> => ({
    type: 'Feature',
    properties: { code: `${row},${column}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [column, row],
          [column + 1, row],
          [column + 1, row + 1],
          [column, row + 1],
          [column, row],
        ],
      ],
    },
  });
  const features = [];
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < columns; c += 1) features.push(square(r, c));
  for (const [r, c] of extra) features.push(square(r, c));
  const collection = { type: 'FeatureCollection' as const, features };
  return quantize ? topology({ units: collection }, 1e4) : topology({ units: collection });
}

const neighboursOf = (contiguity: Contiguity, code: string): string[] => {
  const i = contiguity.codes.indexOf(code);
  return [...contiguity.neighbours.subarray(contiguity.offsets[i], contiguity.offsets[i + 1])]
    .map((j) => contiguity.codes[j]!)
    .sort();
};

describe('queenContiguity', () => {
  it('makes squares that share only a corner neighbours, which arc sharing alone misses', () => {
    const topo = gridTopology(3, 3);
    const queen = queenContiguity(topo, 'units');
    expect(neighboursOf(queen, '1,1')).toHaveLength(8);
    expect(neighboursOf(queen, '0,0')).toEqual(['0,1', '1,0', '1,1']);
    expect(neighboursOf(queen, '0,1')).toEqual(['0,0', '0,2', '1,0', '1,1', '1,2']);
    // 3×3 queen: 4 corners × 3 + 4 edges × 5 + centre 8 = 40 directed links.
    expect(queen.neighbours).toHaveLength(40);

    const rook = neighbors((topo.objects.units as GeometryCollection).geometries as never[]);
    const centre = queen.codes.indexOf('1,1');
    expect(rook[centre]).toHaveLength(4);
  });

  it('reads raw (unquantized) arcs the same as quantized, delta-encoded ones', () => {
    const quantized = queenContiguity(gridTopology(3, 3), 'units');
    const raw = queenContiguity(gridTopology(3, 3, [], false), 'units');
    expect(quantized.codes).toEqual(raw.codes);
    expect(raw.neighbours).toEqual(quantized.neighbours);
  });

  it('leaves a square that touches nothing without neighbours', () => {
    const queen = queenContiguity(gridTopology(2, 2, [[5, 5]]), 'units');
    expect(neighboursOf(queen, '5,5')).toEqual([]);
    expect(neighboursOf(queen, '0,0')).toEqual(['0,1', '1,0', '1,1']);
  });

  it('names a missing object', () => {
    expect(() => queenContiguity(gridTopology(1, 1), 'districts')).toThrow(
      'no geometry collection "districts"',
    );
  });
});

describe('contiguityFromPairs', () => {
  it('symmetrises, sorts and drops duplicates and self-pairs', () => {
    const c = contiguityFromPairs(
      ['a', 'b', 'c'],
      [
        [2, 0],
        [0, 2],
        [1, 1],
        [0, 1],
      ],
    );
    expect([...c.offsets]).toEqual([0, 2, 3, 4]);
    expect([...c.neighbours]).toEqual([1, 2, 0, 0]);
  });
});
