import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measureStage } from '#tools/bench/measure.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-measure-'));
  // Holds the given number of MB, touched so it is resident, for long enough to be sampled.
  await writeFile(
    join(dir, 'hold.mjs'),
    'const held = Buffer.alloc(Number(process.argv[2]) * 2 ** 20, 1);\nsetTimeout(() => held.length, 1500);\n',
  );
  // Starts two programs side by side, as build-site.ts does, and waits for both.
  await writeFile(
    join(dir, 'fork.mjs'),
    "import { spawn } from 'node:child_process';\n" +
      "await Promise.all(['40', '200'].map((mb) => new Promise((done) => spawn(process.execPath, [new URL('hold.mjs', import.meta.url).pathname, mb], { stdio: 'inherit' }).on('exit', done))));\n",
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('measures each program a stage runs side by side, named by its script, as well as the whole tree', async () => {
  const measure = await measureStage(`"${process.execPath}" fork.mjs`, dir, join(dir, 'log'));
  expect(measure.exitCode).toBe(0);
  expect(measure.branches.map((branch) => branch.program)).toEqual(['hold.mjs 40', 'hold.mjs 200']);
  const [small, large] = measure.branches;
  // Each holds its buffer and a Node runtime (~40-60 MB) for 1.5 s; together they make most of the tree.
  expect(small!.peakTreeMb).toBeGreaterThan(40);
  expect(small!.peakTreeMb).toBeLessThan(200);
  expect(large!.peakTreeMb).toBeGreaterThan(200);
  expect(large!.peakTreeMb).toBeLessThan(360);
  expect(measure.peakTreeMb).toBeGreaterThan(large!.peakTreeMb);
  for (const branch of [small!, large!]) {
    expect(branch.peakProcessMb).toBe(branch.peakTreeMb);
    expect(branch.wallSeconds).toBeGreaterThan(1);
    expect(branch.wallSeconds).toBeLessThan(measure.wallSeconds);
    expect(branch.cpuSeconds).toBeGreaterThan(0);
    expect(branch.cpuSeconds).toBeLessThan(measure.cpuSeconds);
  }
});
