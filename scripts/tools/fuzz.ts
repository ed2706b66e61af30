/**
 * `npm run fuzz`: the trust suite's property tests with many more cases than `npm test` runs,
 * and a fresh random sample for the fuzzed site build. Run with `--help` for options.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const HELP = `Usage: npm run fuzz -- [options]

Runs the fuzz tests in tests/trust/ (hostile dumps through ingest, MDX and a real site build)
with many more generated cases than \`npm test\` does.

Options:
  --runs <n>      generated cases per property (default: 2000); the fuzzed build gets one
                  generated dump per ten cases
  --seed <n>      replay the fuzzed build of an earlier run (its seed is in the test's name)
  -h, --help      show this help

A failure prints the smallest failing input fast-check found, and its seed and path to replay it.`;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`fuzz: --runs must be a whole number of cases, got \`${values.runs}\`. Fix: e.g. \`npm run fuzz -- --runs 5000\`.`);
  process.exit(2);
}

const env = { ...process.env, FUZZ_RUNS: String(runs), ...(values.seed === undefined ? {} : { FUZZ_SEED: values.seed }) };
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    'tests/trust/pipeline-fuzz.test.ts',
    'tests/trust/site-fuzz.test.ts',
    '--testTimeout',
    '3600000',
    '--hookTimeout',
    '3600000',
  ],
  {
    env,
    stdio: 'inherit',
  },
);
process.exit(vitest.status ?? 1);
