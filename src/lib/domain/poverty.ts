/** Poverty rate in percent: poor households / households × 100. */
export function povertyRate(poorHouseholds: number, households: number): number {
  if (!(households > 0)) throw new RangeError(`households must be positive, got ${households}`);
  if (poorHouseholds < 0)
    throw new RangeError(`poor households must be ≥ 0, got ${poorHouseholds}`);
  return (poorHouseholds / households) * 100;
}

/** Round half away from zero to `digits` decimals, as the documents print their rates. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  // Adding EPSILON keeps 1.005-style binary artefacts from rounding the wrong way.
  return (
    (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON * factor)) / factor
  );
}
