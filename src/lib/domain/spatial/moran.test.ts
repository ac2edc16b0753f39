import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contiguityFromPairs, type Contiguity } from './contiguity.ts';
import {
  analyseLisa,
  countCategories,
  globalPattern,
  LISA_CATEGORIES,
  type LisaComputed,
} from './moran.ts';

/** Units a, b, c, … on a line: each borders the next. */
function line(count: number): Contiguity {
  const codes = Array.from({ length: count }, (_, i) => String.fromCharCode(97 + i));
  return contiguityFromPairs(
    codes,
    codes.slice(1).map((_, i) => [i, i + 1] as [number, number]),
  );
}

/** A rows × columns grid with queen contiguity (corners touch), codes "r,c", row-major. */
function queenGrid(rows: number, columns: number): Contiguity {
  const codes: string[] = [];
  const pairs: [number, number][] = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      codes.push(`${r},${c}`);
      for (const [dr, dc] of [
        [0, 1],
        [1, -1],
        [1, 0],
        [1, 1],
      ] as const) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr < rows && cc >= 0 && cc < columns) pairs.push([r * columns + c, rr * columns + cc]);
      }
    }
  }
  return contiguityFromPairs(codes, pairs);
}

const valuesFor = (contiguity: Contiguity, values: number[]) =>
  new Map(contiguity.codes.map((code, i) => [code, values[i]!] as const));

function computed(result: ReturnType<typeof analyseLisa>): LisaComputed {
  if (result.status !== 'ok') throw new Error(`expected a result, got ${result.status}`);
  return result;
}

const at = (result: LisaComputed, code: string) => result.codes.indexOf(code);

describe("Moran's I on a line of four units, values 1 2 3 4", () => {
  // Row-standardised weights: a → b (1); b → a, c (½ each); c → b, d (½ each); d → c (1).
  // Mean 2,5, so z = −1,5 −0,5 0,5 1,5 and Σz² = 2,25 + 0,25 + 0,25 + 2,25 = 5, m2 = 5/4 = 1,25.
  // Spatial lags: a: z_b = −0,5; b: (−1,5 + 0,5)/2 = −0,5; c: (−0,5 + 1,5)/2 = 0,5; d: z_c = 0,5.
  // Σ z·lag = 0,75 + 0,25 + 0,25 + 0,75 = 2; S0 = 4 rows of weight 1, so
  // I = n/S0 · Σ z·lag / Σz² = 4/4 · 2/5 = 0,4 (expected under no pattern: −1/(n − 1) = −1/3).
  // Local Iᵢ = zᵢ·lagᵢ / m2: a = 0,75/1,25 = 0,6; b = 0,25/1,25 = 0,2; c = 0,2; d = 0,6.
  const contiguity = line(4);
  const result = computed(analyseLisa(contiguity, valuesFor(contiguity, [1, 2, 3, 4])));

  it('gives the hand-computed global and local statistics', () => {
    expect(result.global!.I).toBeCloseTo(0.4, 12);
    expect(result.global!.expected).toBeCloseTo(-1 / 3, 12);
    expect([...result.localI]).toEqual([0.6, 0.2, 0.2, 0.6].map((v) => expect.closeTo(v, 12)));
    expect([...result.lag]).toEqual([-0.5, -0.5, 0.5, 0.5]);
    expect([...result.z]).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });

  it('approaches the exact permutation p-value: 2 of the 24 orders reach I = 0,4', () => {
    // Σ z·lag on a line of four = 1,5·z₁z₂ + z₂z₃ + 1,5·z₃z₄ (each end's weight 1 plus the middle's ½).
    // Only the sorted order and its reverse reach the maximum 2 (e.g. −0,5 −1,5 0,5 1,5 gives
    // 1,125 − 0,75 + 1,125 = 1,5), so P(I ≥ 0,4) = 2/24 = 1/12 ≈ 0,083.
    const many = computed(
      analyseLisa(contiguity, valuesFor(contiguity, [1, 2, 3, 4]), { permutations: 19_999 }),
    );
    expect(many.global!.pValue).toBeGreaterThan(1 / 12 - 0.01);
    expect(many.global!.pValue).toBeLessThan(1 / 12 + 0.01);
    // Unit a keeps z = −1,5; its one neighbour is drawn from the other z's {−0,5, 0,5, 1,5}, and
    // the observed −0,5 is the lowest, so P(lag ≤ −0,5) = 1/3.
    expect(many.pValue[0]).toBeGreaterThan(1 / 3 - 0.02);
    expect(many.pValue[0]).toBeLessThan(1 / 3 + 0.02);
  });

  it('counts an island in n but not in S0', () => {
    // Add e with no neighbours and value 2,5 (the mean, z = 0): Σz² stays 5, n = 5, S0 = 4,
    // so I = 5/4 · 2/5 = 0,5.
    const withIsland = contiguityFromPairs(
      ['a', 'b', 'c', 'd', 'e'],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    );
    const r = computed(analyseLisa(withIsland, valuesFor(withIsland, [1, 2, 3, 4, 2.5])));
    expect(r.global!.I).toBeCloseTo(0.5, 12);
    expect(r.islands).toEqual(['e']);
    expect(LISA_CATEGORIES[r.category[at(r, 'e')]!]).toBe('no-neighbours');
    expect(r.withNeighbours).toBe(4);
  });
});

describe("Moran's I on a 3 × 3 queen lattice, values 1…9 row by row", () => {
  // z = −4 −3 −2 / −1 0 1 / 2 3 4 (mean 5); Σz² = 2·(16 + 9 + 4 + 1) = 60, m2 = 60/9 = 20/3.
  // Queen lags (mean z of the neighbours):
  //   corner (0,0): {−3, −1, 0} → −4/3      edge (0,1): {−4, −2, −1, 0, 1} → −6/5
  //   corner (0,2): {−3, 0, 1} → −2/3       edge (1,0): {−4, −3, 0, 2, 3} → −2/5
  //   centre: the other eight, Σ = 0 → 0   and the lower half mirrors the upper with signs flipped.
  // Σ z·lag = 2·(−4·−4/3 + −3·−6/5 + −2·−2/3 + −1·−2/5) = 2·(16/3 + 18/5 + 4/3 + 2/5) = 64/3;
  // S0 = 9, so I = 9/9 · (64/3)/60 = 16/45 ≈ 0,3556.
  // Local I at (0,0) = −4 · −4/3 / (20/3) = 0,8; at (0,1) = 3,6 / (20/3) = 0,54; centre 0.
  const grid = queenGrid(3, 3);
  const result = computed(analyseLisa(grid, valuesFor(grid, [1, 2, 3, 4, 5, 6, 7, 8, 9])));

  it('gives the hand-computed statistics', () => {
    expect(result.global!.I).toBeCloseTo(16 / 45, 12);
    expect(result.localI[at(result, '0,0')]).toBeCloseTo(0.8, 12);
    expect(result.localI[at(result, '0,1')]).toBeCloseTo(0.54, 12);
    expect(result.localI[at(result, '1,1')]).toBe(0);
    expect(result.lag[at(result, '1,0')]).toBeCloseTo(-0.4, 12);
    // The centre equals the mean: never significant.
    expect(result.pValue[at(result, '1,1')]).toBe(1);
    expect(LISA_CATEGORIES[result.category[at(result, '1,1')]!]).toBe('not-significant');
    // Local Iᵢ sum to S0 · I.
    expect(result.localI.reduce((s, v) => s + v, 0)).toBeCloseTo(9 * (16 / 45), 12);
  });

  it('flags too few units for a reliable test', () => {
    expect(result.fewUnits).toBe(true);
    expect(result.n).toBe(9);
  });
});

describe('LISA categories', () => {
  it('finds a hot spot, a cold spot and both kinds of outlier on a 6 × 6 grid', () => {
    // 50 in the top-left 3 × 3 block, 5–8 elsewhere; the block's centre is low (5: a low unit
    // among high ones) and (4,4) is high (60) among low ones.
    const grid = queenGrid(6, 6);
    const values = grid.codes.map((code) => {
      const [r, c] = code.split(',').map(Number) as [number, number];
      if (code === '1,1') return 5;
      if (code === '4,4') return 60;
      return r < 3 && c < 3 ? 50 : 5 + ((r * 7 + c * 3) % 4);
    });
    const result = computed(analyseLisa(grid, valuesFor(grid, values)));
    const category = (code: string) => LISA_CATEGORIES[result.category[at(result, code)]!];
    expect(category('0,1')).toBe('high-high');
    expect(category('1,0')).toBe('high-high');
    expect(category('1,1')).toBe('low-high');
    expect(category('4,4')).toBe('high-low');
    expect(category('4,1')).toBe('low-low');
    // A corner of the block borders the low centre too: high, but not significantly clustered.
    expect(category('0,0')).toBe('not-significant');
    expect(result.global!.I).toBeGreaterThan(0);
    expect(result.global!.pValue).toBeLessThan(0.01);
    const counts = countCategories(result);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(36);
  });

  it('ignores neighbours without a value and says which units are left with none', () => {
    // a – b – c – d – e, plus f bordering only c. c has no value: b and d keep one neighbour each,
    // f keeps none (its only neighbour has no value), and three links are ignored (b–c, d–c, f–c).
    const c = contiguityFromPairs(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [2, 5],
      ],
    );
    const values = new Map([
      ['a', 1],
      ['b', 2],
      ['d', 3],
      ['e', 4],
      ['f', 9],
    ]);
    const result = computed(analyseLisa(c, values));
    expect(result.n).toBe(5);
    expect(result.islands).toEqual([]);
    expect(result.neighboursWithoutValues).toEqual(['f']);
    expect(result.ignoredLinks).toBe(3);
    expect(LISA_CATEGORIES[result.category[at(result, 'c')]!]).toBe('no-data');
    expect(LISA_CATEGORIES[result.category[at(result, 'f')]!]).toBe('no-neighbours');
    expect(Number.isNaN(result.localI[at(result, 'f')])).toBe(true);
  });
});

describe('cases that cannot be computed', () => {
  it('all-equal values: "constant", with no NaN anywhere', () => {
    const grid = queenGrid(3, 3);
    const result = analyseLisa(grid, valuesFor(grid, Array(9).fill(7.5)));
    expect(result.status).toBe('constant');
    expect(JSON.stringify(result)).not.toContain('NaN');
    expect(countCategories(result)['no-data']).toBe(9);
  });

  it('fewer than three units with values: "too few"', () => {
    const contiguity = line(4);
    const result = analyseLisa(
      contiguity,
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(result.status).toBe('too-few');
  });

  it('no unit has a neighbour: local categories all "no neighbours", no global statistic', () => {
    const apart = contiguityFromPairs(['a', 'b', 'c'], []);
    const result = computed(analyseLisa(apart, valuesFor(apart, [1, 2, 3])));
    expect(result.global).toBeNull();
    expect(countCategories(result)['no-neighbours']).toBe(3);
  });

  it('rejects a bad number of permutations by name', () => {
    expect(() => analyseLisa(line(3), new Map(), { permutations: 0 })).toThrow(
      'permutations must be a positive integer, got 0',
    );
  });
});

describe('permutations', () => {
  const grid = queenGrid(5, 5);
  const values = valuesFor(
    grid,
    grid.codes.map((_, i) => ((i * 37) % 11) + (i < 10 ? 20 : 0)),
  );

  it('are reproducible with a seed and differ with another', () => {
    const a = computed(analyseLisa(grid, values, { seed: 7 }));
    const b = computed(analyseLisa(grid, values, { seed: 7 }));
    const c = computed(analyseLisa(grid, values, { seed: 8 }));
    expect(b.pValue).toEqual(a.pValue);
    expect(b.global).toEqual(a.global);
    expect(c.pValue).not.toEqual(a.pValue);
    // The statistics themselves do not depend on the seed.
    expect(c.localI).toEqual(a.localI);
  });

  it('give p-values of the form (count + 1) / (permutations + 1)', () => {
    const r = computed(analyseLisa(grid, values, { permutations: 99 }));
    for (const p of [...r.pValue, r.global!.pValue]) {
      expect(Number.isInteger(Math.round(p * 100 * 1e9) / 1e9)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0.01);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});

describe('properties', () => {
  /** A random graph on n units (some isolated) with random values, some missing. */
  const graphs = fc.integer({ min: 3, max: 25 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      pairs: fc.array(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })),
        { maxLength: 3 * n },
      ),
      values: fc.array(fc.option(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { freq: 6 }), {
        minLength: n,
        maxLength: n,
      }),
    }),
  );

  it('I stays within n/S0 · √(largest column sum of W); Σ Iᵢ = S0 · I; categories follow z and lag', () => {
    fc.assert(
      fc.property(graphs, ({ n, pairs, values }) => {
        const codes = Array.from({ length: n }, (_, i) => `u${i}`);
        const contiguity = contiguityFromPairs(codes, pairs);
        const map = new Map(
          codes.flatMap((code, i) => (values[i] === null ? [] : [[code, values[i]!] as const])),
        );
        const result = analyseLisa(contiguity, map, { permutations: 49, seed: n });
        if (result.status !== 'ok') return;
        if (!result.global) return;
        expect(Number.isFinite(result.global.I) && Number.isFinite(result.global.pValue)).toBe(
          true,
        );
        // Column sums of the row-standardised weights among analysed units.
        const column = new Map<number, number>();
        codes.forEach((code, i) => {
          if (!map.has(code)) return;
          const row = [
            ...contiguity.neighbours.subarray(contiguity.offsets[i], contiguity.offsets[i + 1]),
          ].filter((j) => map.has(codes[j]!));
          for (const j of row) column.set(j, (column.get(j) ?? 0) + 1 / row.length);
        });
        const bound = (result.n / result.withNeighbours) * Math.sqrt(Math.max(...column.values()));
        expect(Math.abs(result.global.I)).toBeLessThanOrEqual(bound + 1e-9);
        let sumLocal = 0;
        codes.forEach((_, i) => {
          const category = LISA_CATEGORIES[result.category[i]!];
          if (!Number.isNaN(result.localI[i]!)) sumLocal += result.localI[i]!;
          const z = result.z[i]!;
          const lag = result.lag[i]!;
          if (category === 'high-high') expect(z > 0 && lag > 0).toBe(true);
          if (category === 'low-low') expect(z < 0 && lag < 0).toBe(true);
          if (category === 'high-low') expect(z > 0 && lag < 0).toBe(true);
          if (category === 'low-high') expect(z < 0 && lag > 0).toBe(true);
          if (['high-high', 'low-low', 'high-low', 'low-high'].includes(category!)) {
            expect(result.pValue[i]).toBeLessThanOrEqual(result.significance);
          }
          if (category === 'no-data') expect(map.has(codes[i]!)).toBe(false);
          if (!Number.isNaN(result.pValue[i]!)) {
            expect(result.pValue[i]).toBeGreaterThanOrEqual(1 / 50);
            expect(result.pValue[i]).toBeLessThanOrEqual(1);
          }
        });
        expect(sumLocal).toBeCloseTo(result.withNeighbours * result.global.I, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('globalPattern', () => {
  it('puts the global result in words by its p-value and the side of the expectation', () => {
    const expected = -0.01;
    expect(globalPattern({ I: 0.4, expected, pValue: 0.001 })).toBe('strong');
    expect(globalPattern({ I: 0.4, expected, pValue: 0.03 })).toBe('clustered');
    expect(globalPattern({ I: -0.3, expected, pValue: 0.02 })).toBe('dispersed');
    expect(globalPattern({ I: 0.4, expected, pValue: 0.2 })).toBe('random');
  });
});
