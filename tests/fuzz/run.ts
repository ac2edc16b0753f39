/**
 * `npm run fuzz`: the import fuzz suite (see import-fuzz.ts). FUZZ_CASES (10,000) and FUZZ_SEED
 * (20261206) choose the run; it prints the tally by format and every broken oracle, and exits 1
 * when any broke.
 */
import { runFuzz } from './import-fuzz.ts';

const cases = Number(process.env.FUZZ_CASES ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const summary = await runFuzz(cases, seed, (done) => console.error(`… ${done} cases`));
console.log(
  `import fuzz: ${summary.cases} cases, seed ${summary.seed}, ${(summary.totalMs / 1000).toFixed(1)} s`,
);
console.log(`slowest case: ${Math.round(summary.slowestMs)} ms (budget 2000 ms)`);
for (const { index, case: c, ms } of summary.slowest) {
  console.log(
    `  #${index} ${c.format}: ${Math.round(ms)} ms ${JSON.stringify(c.mutations).slice(0, 160)}`,
  );
}
for (const [format, tally] of Object.entries(summary.byFormat).sort()) {
  console.log(
    `  ${format.padEnd(18)} accepted ${tally.accepted}, refused ${tally.refused}, unreadable ${tally.unreadable}`,
  );
}
console.log(`cases breaking an oracle: ${summary.failures.length}`);
for (const failure of summary.failures.slice(0, 30)) {
  console.log(
    `- ${JSON.stringify(failure.case).slice(0, 300)}\n  ${failure.failures.slice(0, 3).join('\n  ')}`,
  );
}
process.exitCode = summary.failures.length > 0 ? 1 : 0;
