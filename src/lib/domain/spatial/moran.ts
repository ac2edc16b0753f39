import { seedState } from '../random.ts';
import type { Contiguity } from './contiguity.ts';

/**
 * Global Moran's I and local Moran's I (LISA, Anselin 1995) over queen contiguity with
 * row-standardised weights, with permutation pseudo p-values as in PySAL's esda. Only units with
 * a value are analysed: a neighbour without a value is left out of the weights, so a unit whose
 * neighbours all lack values has none ("no neighbours"), like an island.
 */

export const LISA_CATEGORIES = [
  'high-high',
  'low-low',
  'high-low',
  'low-high',
  'not-significant',
  'no-neighbours',
  'no-data',
] as const;
export type LisaCategory = (typeof LISA_CATEGORIES)[number];

export interface LisaOptions {
  /** Permutations for both the global and the local pseudo p-values (default 999). */
  permutations?: number;
  /** Seed of the sfc32 generator, so a run is reproducible (default 20_201). */
  seed?: number;
  /** A local cluster is shown when its pseudo p-value is at most this (default 0.05). */
  significance?: number;
}

/** Below this many units with values the statistics are computed but flagged as unreliable. */
export const FEW_UNITS = 10;

export interface LisaComputed {
  status: 'ok';
  /** Units with a value (analysed), and how many of them have at least one neighbour. */
  n: number;
  withNeighbours: number;
  fewUnits: boolean;
  permutations: number;
  significance: number;
  /** Null when no analysed unit has a neighbour. */
  global: { I: number; expected: number; pValue: number } | null;
  /** Per unit of the contiguity, in its order; NaN where the unit is not analysed. */
  codes: readonly string[];
  category: Uint8Array;
  localI: Float64Array;
  pValue: Float64Array;
  /** The unit's deviation from the mean and the mean deviation of its neighbours. */
  z: Float64Array;
  lag: Float64Array;
  /** Units with a value but no neighbour at all in the topology (islands). */
  islands: string[];
  /** Units with a value whose neighbours all lack one. */
  neighboursWithoutValues: string[];
  /** Borders between a unit with a value and a neighbour without one (left out). */
  ignoredLinks: number;
}

/** Why the statistics cannot be computed: too few units, or every value is the same. */
export interface LisaNotComputed {
  status: 'too-few' | 'constant';
  n: number;
  codes: readonly string[];
  category: Uint8Array;
}

export type LisaResult = LisaComputed | LisaNotComputed;

/** Indices into `LISA_CATEGORIES`, as stored in `category`. */
const HIGH_HIGH = 0;
const LOW_LOW = 1;
const HIGH_LOW = 2;
const LOW_HIGH = 3;
const NOT_SIGNIFICANT = 4;
const NO_NEIGHBOURS = 5;
const NO_DATA = 6;

/**
 * Folded pseudo p-value: the smaller tail of the permutation distribution that the observed
 * statistic falls in (ties count in both tails), (count + 1) / (permutations + 1).
 */
function pseudoP(atLeast: number, atMost: number, permutations: number): number {
  return (Math.min(atLeast, atMost) + 1) / (permutations + 1);
}

/** Relative tolerance for ties: the same sum added in another order differs in the last bits. */
const TIE = 1e-10;

export function analyseLisa(
  contiguity: Contiguity,
  values: ReadonlyMap<string, number>,
  options: LisaOptions = {},
): LisaResult {
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 20_201;
  const significance = options.significance ?? 0.05;
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new Error(`analyseLisa: permutations must be a positive integer, got ${permutations}`);
  }
  const { codes, offsets, neighbours } = contiguity;
  const units = codes.length;
  const category = new Uint8Array(units).fill(NO_DATA);

  // Analysed units get dense indices 0…n-1; `dense[i]` is -1 for a unit without a value.
  const dense = new Int32Array(units).fill(-1);
  const original: number[] = [];
  const x: number[] = [];
  codes.forEach((code, i) => {
    const value = values.get(code);
    if (value === undefined || !Number.isFinite(value)) return;
    dense[i] = original.length;
    original.push(i);
    x.push(value);
  });
  const n = x.length;
  if (n < 3) return { status: 'too-few', n, codes, category };

  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const z = new Float64Array(n);
  let sumSquares = 0;
  for (let k = 0; k < n; k += 1) {
    z[k] = x[k]! - mean;
    sumSquares += z[k]! * z[k]!;
  }
  // Floating-point noise around a constant is still a constant.
  if (sumSquares <= 1e-20 * n * Math.max(1, mean * mean)) {
    return { status: 'constant', n, codes, category };
  }
  const m2 = sumSquares / n;

  // Neighbours among analysed units, in dense indices (CSR again).
  const rowStart = new Int32Array(n + 1);
  const adjacency = new Int32Array(neighbours.length);
  let links = 0;
  let ignoredLinks = 0;
  const islands: string[] = [];
  const neighboursWithoutValues: string[] = [];
  for (let k = 0; k < n; k += 1) {
    const i = original[k]!;
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    for (let e = start; e < end; e += 1) {
      const j = dense[neighbours[e]!]!;
      if (j < 0) ignoredLinks += 1;
      else adjacency[links++] = j;
    }
    rowStart[k + 1] = links;
    if (end === start) islands.push(codes[i]!);
    else if (rowStart[k + 1] === rowStart[k]) neighboursWithoutValues.push(codes[i]!);
  }

  // sfc32 (the sequence of createRandom) with its state in locals: a closure call per draw of
  // the ~8 million in 700 units × 999 permutations would double the run time.
  const state = seedState(seed);
  let sa = state[0]!;
  let sb = state[1]!;
  let sc = state[2]!;
  let sd = state[3]!;
  const lag = new Float64Array(n);
  /** Row-standardised weight of each of unit k's neighbours: 1 / its number of neighbours. */
  const weight = new Float64Array(n);
  let withNeighbours = 0;
  let crossProduct = 0;
  for (let k = 0; k < n; k += 1) {
    const start = rowStart[k]!;
    const degree = rowStart[k + 1]! - start;
    if (degree === 0) continue;
    withNeighbours += 1;
    weight[k] = 1 / degree;
    let sum = 0;
    for (let e = start; e < start + degree; e += 1) sum += z[adjacency[e]!]!;
    lag[k] = sum / degree;
    crossProduct += z[k]! * lag[k]!;
  }
  const noLinks = withNeighbours === 0;

  // Global: I = n / S0 · Σᵢ zᵢ·lagᵢ / Σᵢ zᵢ², S0 = Σ weights = units with neighbours (rows sum to 1).
  const scale = noLinks ? 0 : n / withNeighbours / sumSquares;
  const globalI = crossProduct * scale;
  let globalAtLeast = 0;
  let globalAtMost = 0;
  if (!noLinks) {
    const shuffled = Float64Array.from(z);
    const tie = TIE * Math.max(Math.abs(globalI), 1e-12);
    for (let p = 0; p < permutations; p += 1) {
      for (let k = n - 1; k > 0; k -= 1) {
        const t = (((sa + sb) | 0) + sd) | 0;
        sd = (sd + 1) | 0;
        sa = sb ^ (sb >>> 9);
        sb = (sc + (sc << 3)) | 0;
        sc = (sc << 21) | (sc >>> 11);
        sc = (sc + t) | 0;
        const r = Math.floor(((t >>> 0) / 4294967296) * (k + 1));
        const swap = shuffled[k]!;
        shuffled[k] = shuffled[r]!;
        shuffled[r] = swap;
      }
      let cross = 0;
      for (let k = 0; k < n; k += 1) {
        let sum = 0;
        const end = rowStart[k + 1]!;
        for (let e = rowStart[k]!; e < end; e += 1) sum += shuffled[adjacency[e]!]!;
        cross += shuffled[k]! * sum * weight[k]!;
      }
      const I = cross * scale;
      if (I >= globalI - tie) globalAtLeast += 1;
      if (I <= globalI + tie) globalAtMost += 1;
    }
  }

  // Local: Iᵢ = zᵢ·lagᵢ / m2. Conditional permutation: zᵢ stays, its neighbours' values are drawn
  // without replacement from the other n − 1 units. `pool` holds 0…n−2; a drawn r ≥ i stands for
  // r + 1, so unit i is never its own neighbour. A partial Fisher–Yates shuffle of any
  // arrangement gives a uniform sample, so the pool is never reset.
  const localI = new Float64Array(units).fill(NaN);
  const pValue = new Float64Array(units).fill(NaN);
  const zOut = new Float64Array(units).fill(NaN);
  const lagOut = new Float64Array(units).fill(NaN);
  const pool = new Int32Array(n - 1);
  for (let r = 0; r < n - 1; r += 1) pool[r] = r;
  for (let k = 0; k < n; k += 1) {
    const i = original[k]!;
    const degree = rowStart[k + 1]! - rowStart[k]!;
    zOut[i] = z[k]!;
    if (degree === 0) {
      category[i] = NO_NEIGHBOURS;
      continue;
    }
    const zk = z[k]!;
    const observed = (zk * lag[k]!) / m2;
    lagOut[i] = lag[k]!;
    localI[i] = observed;
    // zᵢ = 0 makes every permuted Iᵢ equal to the observed 0: p stays 1.
    let p = 1;
    if (zk !== 0) {
      // Compare lags, not Iᵢ: Iᵢ = lag · zᵢ/m2 is monotone in the lag, and the folded p-value
      // does not care in which direction.
      const observedLag = lag[k]!;
      const tie = TIE * Math.max(Math.abs(observedLag), 1e-12);
      let atLeast = 0;
      let atMost = 0;
      for (let q = 0; q < permutations; q += 1) {
        let sum = 0;
        for (let d = 0; d < degree; d += 1) {
          const t = (((sa + sb) | 0) + sd) | 0;
          sd = (sd + 1) | 0;
          sa = sb ^ (sb >>> 9);
          sb = (sc + (sc << 3)) | 0;
          sc = (sc << 21) | (sc >>> 11);
          sc = (sc + t) | 0;
          const r = d + Math.floor(((t >>> 0) / 4294967296) * (n - 1 - d));
          const picked = pool[r]!;
          pool[r] = pool[d]!;
          pool[d] = picked;
          // picked + 1 when picked ≥ k, without a branch the CPU would mispredict half the time.
          sum += z[picked + ((k - 1 - picked) >>> 31)]!;
        }
        const permutedLag = sum / degree;
        if (permutedLag >= observedLag - tie) atLeast += 1;
        if (permutedLag <= observedLag + tie) atMost += 1;
      }
      p = pseudoP(atLeast, atMost, permutations);
    }
    pValue[i] = p;
    category[i] =
      p > significance || lag[k] === 0
        ? NOT_SIGNIFICANT
        : zk > 0
          ? lag[k]! > 0
            ? HIGH_HIGH
            : HIGH_LOW
          : lag[k]! > 0
            ? LOW_HIGH
            : LOW_LOW;
  }

  return {
    status: 'ok',
    n,
    withNeighbours,
    fewUnits: n < FEW_UNITS,
    permutations,
    significance,
    global: noLinks
      ? null
      : {
          I: globalI,
          expected: -1 / (n - 1),
          pValue: pseudoP(globalAtLeast, globalAtMost, permutations),
        },
    codes,
    category,
    localI,
    pValue,
    z: zOut,
    lag: lagOut,
    islands,
    neighboursWithoutValues,
    ignoredLinks,
  };
}

/** How many units fall in each category. */
export function countCategories(result: LisaResult): Record<LisaCategory, number> {
  const counts = Object.fromEntries(LISA_CATEGORIES.map((c) => [c, 0])) as Record<
    LisaCategory,
    number
  >;
  for (const index of result.category) counts[LISA_CATEGORIES[index]!] += 1;
  return counts;
}

/** The global result in words: clustered (strongly at p ≤ 0.01), dispersed, or no pattern. */
export type GlobalPattern = 'strong' | 'clustered' | 'dispersed' | 'random';

export function globalPattern(
  global: NonNullable<LisaComputed['global']>,
  significance = 0.05,
): GlobalPattern {
  if (global.pValue > significance) return 'random';
  if (global.I < global.expected) return 'dispersed';
  return global.pValue <= 0.01 ? 'strong' : 'clustered';
}
