import type { ScenarioUnitInput } from './scenario-inputs.ts';

/**
 * Test and benchmark support: n made-up districts in provinces of 10, rates 1–60 %,
 * deterministic. There is no national dataset yet; the engine's budgets are about ~700 units.
 */
export function syntheticUnits(n: number): ScenarioUnitInput[] {
  return Array.from({ length: n }, (_, i) => {
    const households = 5_000 + ((i * 7919) % 60_000);
    const rate = 1 + ((i * 37) % 590) / 10;
    return {
      code: String(100 + i).padStart(3, '0'),
      name: `Huyện ${i}`,
      provinceCode: String(10 + Math.floor(i / 10)).padStart(2, '0'),
      households,
      poor: Math.round((households * rate) / 100),
      householdsEnd: Math.round(households * (1 + ((i % 5) - 1) / 100)),
      groups: rate > 30 ? ['poor-district'] : [],
      bestPastReduction: i % 3 === 0 ? 3 + (i % 4) : null,
    };
  });
}
