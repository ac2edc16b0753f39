import fc from 'fast-check';

/**
 * Property tests run from one seed unless told otherwise, so a run is reproducible: a failure
 * fails again, with the same counterexample, on the next run and on CI. `FC_SEED=<n>` tries
 * another seed; `FC_SEED=random` a new one each run (what exploring for new failures wants).
 */
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed ?? 20261207) });
