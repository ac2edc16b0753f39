/**
 * Analysis benchmark: every classification method and a priority rule on 700 synthetic
 * districts (the country has 705), median of RUNS runs (default 7), each against the 200 ms budget.
 */
import { performance } from 'node:perf_hooks';
import { INDICATORS } from '../../src/lib/domain/indicators.ts';
import { DESIGNATED_LISTS } from '../../src/lib/domain/priority/designated-lists.ts';
import { evaluatePriorityRule } from '../../src/lib/domain/priority/priority-rule.ts';
import { CLASSIFICATION_METHODS, classifyIndicator } from '../../src/lib/scales/choropleth.ts';

const RUNS = Math.max(5, Number(process.env.RUNS ?? 7));
const UNITS = 700;
const BUDGET_MS = 200;

// A deterministic, skewed spread of rates (most low, a long tail), like district poverty rates.
let seed = 42;
const random = () => (seed = (seed * 1_664_525 + 1_013_904_223) % 2 ** 32) / 2 ** 32;
const codes = Array.from({ length: UNITS }, (_, i) => String(i).padStart(3, '0'));
const rates = codes.map(() => 60 * random() ** 2.5);
const values = new Map(codes.map((code, i) => [code, rates[i]!]));

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const results: [string, number][] = CLASSIFICATION_METHODS.map((method) => [
  `classify ${method} (7 classes)`,
  median(() => classifyIndicator(rates, INDICATORS.rate_start, { method, classes: 7 })),
]);
results.push([
  'priority rule (≥ 20 % OR top 50 OR list)',
  median(() =>
    evaluatePriorityRule(
      {
        name: 'bench',
        combine: 'or',
        conditions: [
          { kind: 'threshold', indicator: 'rate_start', op: '>=', value: 20 },
          { kind: 'top', indicator: 'rate_start', n: 50, direction: 'highest' },
          { kind: 'list', listId: DESIGNATED_LISTS[0]!.id },
        ],
      },
      { unitCodes: codes, valuesOf: () => values, lists: DESIGNATED_LISTS },
    ),
  ),
]);

let failed = false;
console.log(`${UNITS} units, median of ${RUNS} runs, budget ${BUDGET_MS} ms each`);
for (const [name, ms] of results) {
  const ok = ms <= BUDGET_MS;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms`);
}
process.exitCode = failed ? 1 : 0;
