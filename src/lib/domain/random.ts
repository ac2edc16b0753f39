/** sfc32's state, seeded through splitmix32. */
export function seedState(seed: number): Int32Array {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return Int32Array.of(splitmix(), splitmix(), splitmix(), splitmix());
}

/**
 * sfc32, seeded through splitmix32: fast, small state, good enough for simulation and
 * permutation tests. Returns numbers in [0, 1).
 */
export function createRandom(seed: number): () => number {
  let [a, b, c, d] = seedState(seed) as unknown as [number, number, number, number];
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
