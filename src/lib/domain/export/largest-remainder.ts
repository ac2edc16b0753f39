/**
 * Whole numbers from fractional ones that still add up to the rounded total (the largest
 * remainder, or Hamilton, method): every value is rounded down, then the units left over go to
 * the values with the largest fractional parts (earlier ones first on ties). Rounding each value
 * on its own would let a column of whole households disagree with its own total row.
 */
export function roundKeepingTotal(values: readonly number[]): number[] {
  let sum = 0;
  let floorSum = 0;
  const floors = values.map((value) => {
    if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
    sum += value;
    const floor = Math.floor(value);
    floorSum += floor;
    return floor;
  });
  // Σ floor ≤ Σ value < Σ floor + n, so between 0 and n values get one more.
  let left = Math.round(sum) - floorSum;
  const order = values
    .map((value, i) => ({ i, fraction: value - floors[i]! }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}
