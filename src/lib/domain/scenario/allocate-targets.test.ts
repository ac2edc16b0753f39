import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateTargets,
  endRateWeights,
  solveAllocation,
  type YearAllocationInput,
} from './allocate-targets.ts';

const f = (values: number[]) => Float64Array.from(values);

/** Three units: rates 10, 20, 40 %; 1,000 / 2,000 / 1,000 households next year. */
function input(overrides: Partial<YearAllocationInput> = {}): YearAllocationInput {
  return {
    rate: f([10, 20, 40]),
    poor: f([100, 400, 400]),
    householdsNext: f([1000, 2000, 1000]),
    lower: f([0, 0, 0]),
    upper: f([10, 20, 40]),
    locked: f([NaN, NaN, NaN]),
    requiredReduction: 3,
    ...overrides,
  };
}

function weighted(reductions: Float64Array, householdsNext: Float64Array): number {
  const w = endRateWeights(householdsNext);
  return reductions.reduce((sum, d, i) => sum + d * w[i]!, 0);
}

describe('allocateTargets', () => {
  it('equal points: every unit takes the overall reduction', () => {
    const d = allocateTargets(input(), 'equal-points', 'equal-points');
    expect([...d]).toEqual([3, 3, 3]);
  });

  it('in proportion to the current rate: reductions ∝ rate, total holds', () => {
    const d = allocateTargets(input(), 'proportional-to-rate', 'equal-points');
    // Weighted mean rate 22.5 %, so k = 3 / 22.5.
    expect(d[0]).toBeCloseTo(10 * (3 / 22.5), 12);
    expect(d[2]! / d[0]!).toBeCloseTo(4, 12);
    expect(weighted(d, input().householdsNext)).toBeCloseTo(3, 12);
  });

  it("in proportion to poor households: the same share of each unit's poor leave", () => {
    const base = input({ householdsNext: f([1100, 2000, 900]) });
    const d = allocateTargets(base, 'proportional-to-poor', 'equal-points');
    const shares = [0, 1, 2].map((i) => {
      const poorEnd = ((base.rate[i]! - d[i]!) * base.householdsNext[i]!) / 100;
      return 1 - poorEnd / base.poor[i]!;
    });
    expect(shares[1]).toBeCloseTo(shares[0]!, 12);
    expect(shares[2]).toBeCloseTo(shares[0]!, 12);
    expect(weighted(d, base.householdsNext)).toBeCloseTo(3, 12);
  });

  it('caps and floors are bounds: the excess goes to the others', () => {
    const d = allocateTargets(input({ upper: f([1, 20, 40]) }), 'equal-points', 'equal-points');
    expect(d[0]).toBe(1);
    expect(d[1]).toBeCloseTo(d[2]!, 12);
    expect(weighted(d, input().householdsNext)).toBeCloseTo(3, 12);
  });

  it('group minimums are lower bounds under every rule', () => {
    const d = allocateTargets(input({ lower: f([0, 0, 4]) }), 'equal-points', 'equal-points');
    expect(d[2]).toBe(4);
    expect(d[0]).toBeCloseTo(d[1]!, 12);
    expect(weighted(d, input().householdsNext)).toBeCloseTo(3, 12);
  });

  it('group minimums first: group units at their minimum, the rest by the remainder rule', () => {
    const d = allocateTargets(
      input({ lower: f([0, 0, 4]), requiredReduction: 5 }),
      'group-minimums-first',
      'proportional-to-rate',
    );
    expect(d[2]).toBe(4);
    expect(d[1]! / d[0]!).toBeCloseTo(2, 12);
    expect(weighted(d, input().householdsNext)).toBeCloseTo(5, 12);
  });

  it('group minimums first: group units go above the minimum only when the others are at their limits', () => {
    const d = allocateTargets(
      input({ lower: f([0, 0, 4]), upper: f([1, 2, 40]), requiredReduction: 5 }),
      'group-minimums-first',
      'equal-points',
    );
    expect([d[0], d[1]]).toEqual([1, 2]);
    expect(d[2]).toBeCloseTo(4 * 5 - 1 - 4, 12);
  });

  it('a group minimum above what the unit can do yields to its limit', () => {
    const d = allocateTargets(
      input({ lower: f([4, 0, 0]), upper: f([0.5, 20, 40]) }),
      'equal-points',
      'equal-points',
    );
    expect(d[0]).toBe(0.5);
  });

  it('manual: locked units keep their targets, the others are rebalanced so the total holds', () => {
    const d = allocateTargets(input({ locked: f([NaN, 1, NaN]) }), 'manual', 'equal-points');
    expect(d[1]).toBe(1);
    expect(d[0]).toBeCloseTo(d[2]!, 12);
    expect(weighted(d, input().householdsNext)).toBeCloseTo(3, 12);
  });

  it('manual: locks are kept as entered even beyond the bounds (the projection flags them)', () => {
    const d = allocateTargets(input({ locked: f([15, NaN, NaN]) }), 'manual', 'equal-points');
    expect(d[0]).toBe(15);
  });

  it('an unreachable total leaves every unit at its limit', () => {
    const d = allocateTargets(
      input({ upper: f([1, 1, 1]), requiredReduction: 30 }),
      'equal-points',
      'equal-points',
    );
    expect([...d]).toEqual([1, 1, 1]);
  });

  it('locks are ignored by the other rules', () => {
    const d = allocateTargets(input({ locked: f([9, NaN, NaN]) }), 'equal-points', 'equal-points');
    expect([...d]).toEqual([3, 3, 3]);
  });
});

describe('solveAllocation', () => {
  it('keeps clamped bases when no free unit has a slope', () => {
    const out = new Float64Array(2);
    solveAllocation(
      {
        base: f([-1, 5]),
        slope: f([0, 0]),
        lower: f([0, 0]),
        upper: f([3, 3]),
        weight: f([0.5, 0.5]),
        fixed: f([NaN, NaN]),
        required: 2,
      },
      out,
    );
    expect([...out]).toEqual([0, 3]);
  });
});

const unitArbitrary = fc.record({
  households: fc.integer({ min: 1, max: 200_000 }),
  rate: fc.double({ min: 0, max: 100, noNaN: true }),
  growth: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  cap: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
  minimum: fc.option(fc.double({ min: 0, max: 6, noNaN: true })),
  locked: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
});

describe('allocateTargets properties', () => {
  it('a rebalanced manual scenario still meets its total whenever the free units can', () => {
    fc.assert(
      fc.property(
        fc.array(unitArbitrary, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.constantFrom('equal-points', 'proportional-to-rate', 'proportional-to-poor' as const),
        (units, required, remainder) => {
          const allocation = input({
            rate: f(units.map((u) => u.rate)),
            poor: f(units.map((u) => (u.rate * u.households) / 100)),
            householdsNext: f(units.map((u) => u.households * (1 + u.growth))),
            lower: f(units.map((u) => u.minimum ?? 0)),
            upper: f(units.map((u) => Math.min(u.cap ?? Infinity, u.rate))),
            locked: f(units.map((u) => u.locked ?? NaN)),
            requiredReduction: required,
          });
          const d = allocateTargets(allocation, 'manual', remainder);
          expect(d.every(Number.isFinite)).toBe(true);
          const w = endRateWeights(allocation.householdsNext);
          let lowest = 0;
          let highest = 0;
          for (let i = 0; i < units.length; i += 1) {
            const lockedValue = allocation.locked[i]!;
            if (!Number.isNaN(lockedValue)) {
              expect(d[i]).toBe(lockedValue);
              lowest += w[i]! * lockedValue;
              highest += w[i]! * lockedValue;
            } else {
              const low = Math.min(allocation.lower[i]!, allocation.upper[i]!);
              expect(d[i]).toBeGreaterThanOrEqual(low - 1e-9);
              expect(d[i]).toBeLessThanOrEqual(allocation.upper[i]! + 1e-9);
              lowest += w[i]! * low;
              highest += w[i]! * allocation.upper[i]!;
            }
          }
          const total = weighted(d, allocation.householdsNext);
          if (required > lowest + 1e-9 && required < highest - 1e-9) {
            expect(total).toBeCloseTo(required, 7);
          }
          if (required >= highest) expect(total).toBeCloseTo(highest, 7);
        },
      ),
    );
  });
});
