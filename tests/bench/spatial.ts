/**
 * Spatial-analysis benchmark: queen contiguity of the real 2019 districts (from the built
 * topology) and global Moran's I + LISA with 999 permutations on synthetic values, median of RUNS
 * runs (default 7, at least 5), against the 200 ms budget. Run `npm run data` first (bench:spatial
 * does).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cpuUsage } from 'node:process';
import type { Topology } from 'topojson-specification';
import { queenContiguity } from '../../src/lib/domain/spatial/contiguity.ts';
import { analyseLisa, countCategories } from '../../src/lib/domain/spatial/moran.ts';

const RUNS = Math.max(5, Number(process.env.RUNS ?? 7));
const BUDGET_MS = 200;
const file = new URL('../../public/generated/boundaries-2019.topojson', import.meta.url);
const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;

// Synthetic rates with a spatial pattern (a smooth north–south and west–east trend) plus
// deterministic noise, so there are clusters to find, as in real poverty maps.
const contiguity = queenContiguity(topology, 'districts');
let seed = 42;
const random = () => (seed = (seed * 1_664_525 + 1_013_904_223) % 2 ** 32) / 2 ** 32;
const values = new Map(
  contiguity.codes.map((code, i) => {
    const trend = 30 * Math.sin(i / 60) ** 2;
    return [code, Math.max(0, trend + 15 * random() ** 2)] as const;
  }),
);

function median(run: () => void): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const cpu = cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const mid = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { wall: mid(walls), cpu: mid(cpus) };
}

const result = analyseLisa(contiguity, values);
if (result.status !== 'ok') throw new Error(`bench: analysis not computed (${result.status})`);
const counts = countCategories(result);
console.log(
  `${contiguity.codes.length} districts, ${contiguity.neighbours.length / 2} borders, ` +
    `${result.islands.length} islands; Moran's I ${result.global?.I.toFixed(3)} ` +
    `(p ${result.global?.pValue.toFixed(3)}); ` +
    Object.entries(counts)
      .map(([category, count]) => `${category} ${count}`)
      .join(', '),
);

const timings: [string, { wall: number; cpu: number }][] = [
  ['queen contiguity from the topology', median(() => queenContiguity(topology, 'districts'))],
  ["Moran's I + LISA, 999 permutations", median(() => analyseLisa(contiguity, values))],
  [
    'both together',
    median(() => analyseLisa(queenContiguity(topology, 'districts'), values, { seed: 1 })),
  ],
];

let failed = false;
console.log(`median of ${RUNS} runs, budget ${BUDGET_MS} ms each (wall clock, CPU time)`);
for (const [name, { wall, cpu }] of timings) {
  const ok = wall <= BUDGET_MS;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(38)} ${wall.toFixed(1).padStart(7)} ms ` +
      `(CPU ${cpu.toFixed(1)} ms, ${((100 * wall) / BUDGET_MS).toFixed(0)} % of budget)`,
  );
}
process.exitCode = failed ? 1 : 0;
