import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measureStage } from '../../scripts/bench/measure.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-measure-'));
  // Holds the given number of MB, touched so it is resident, for long enough to be sampled.
  await writeFile(join(dir, 'hold.mjs'), 'const held = Buffer.alloc(Number(process.argv[2]) * 2 ** 20, 1);\nsetTimeout(() => held.length, 1500);\n');
  // Starts two programs side by side, as build-site.ts does, and waits for both.
  await writeFile(
    join(dir, 'fork.mjs'),
    "import { spawn } from 'node:child_process';\n" +
      "await Promise.all(['40', '200'].map((mb) => new Promise((done) => spawn(process.execPath, [new URL('hold.mjs', import.meta.url).pathname, mb], { stdio: 'inherit' }).on('exit', done))));\n",
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("gives the peak of each program a stage runs side by side, named by its script, besides the tree's", async () => {
  const measure = await measureStage(`"${process.execPath}" fork.mjs`, dir, join(dir, 'log'));
  expect(measure.exitCode).toBe(0);
  expect(measure.branchPeaks.map((branch) => branch.program)).toEqual(['hold.mjs 40', 'hold.mjs 200']);
  const [small, large] = measure.branchPeaks.map((branch) => branch.peakMb);
  // Each holds its buffer and a Node runtime (~40-60 MB); together they make most of the tree.
  expect(small).toBeGreaterThan(40);
  expect(small).toBeLessThan(200);
  expect(large).toBeGreaterThan(200);
  expect(large).toBeLessThan(360);
  expect(measure.peakTreeMb).toBeGreaterThan(large!);
});
