/**
 * The seed of every generated test input. Fixed, so each run of `npm test` replays the same cases
 * and a failure is not a matter of luck. fast-check prints the seed of a failing property;
 * `FC_SEED=<seed>` replays it. `npm run fuzz` (FUZZ_RUNS set) explores: a fresh seed each run,
 * printed by the tests that use it, unless FUZZ_SEED names one.
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';

const DEFAULT_SEED = 20260309;

function chosenSeed(): number {
  const given = process.env.FC_SEED ?? process.env.FUZZ_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed))
      throw new Error(`FC_SEED=${given} is not a whole number. Fix: pass the seed a failing run printed, e.g. FC_SEED=${DEFAULT_SEED}.`);
    return seed;
  }
  return process.env.FUZZ_RUNS ? randomInt(2 ** 31) : DEFAULT_SEED;
}

export const SEED = chosenSeed();

// Setup file: every property in the file then starts from SEED.
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: SEED });
