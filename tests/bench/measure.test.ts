import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { measureStage, treeSize } from '#tools/bench/measure.ts';

/**
 * The programs under measure hold their memory until the sampler has seen each of them twice, so
 * the test never depends on how fast a busy machine scans /proc: the sampler's reads of
 * /proc/<pid>/stat are counted through a wrapped readFile.
 */
const sampler = vi.hoisted(() => ({ onRead: (_path: string): void => {} }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = async (...args: Parameters<typeof actual.readFile>) => {
    const content = await actual.readFile(...args);
    sampler.onRead(String(args[0]));
    return content;
  };
  return { ...actual, readFile: readFile as typeof actual.readFile };
});

const HOLDERS = 2;
// Seen in two scans, a program has a first and a last sighting apart: a wall time above zero.
const SIGHTINGS = 2;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-measure-'));
  // Holds the given number of MB, touched so it is resident, says so with a `ready-<pid>` file,
  // and keeps it until the `release` file appears.
  await writeFile(
    join(dir, 'hold.mjs'),
    "import { existsSync, watch, writeFileSync } from 'node:fs';\n" +
      'globalThis.held = Buffer.alloc(Number(process.argv[2]) * 2 ** 20, 1);\n' +
      "const here = new URL('.', import.meta.url).pathname;\n" +
      'const watcher = watch(here);\n' +
      "const release = () => existsSync(here + 'release') && watcher.close();\n" +
      "watcher.on('change', release);\n" +
      "writeFileSync(here + 'ready-' + process.pid, '');\n" +
      'release();\n',
  );
  const sightings = new Map<number, number>();
  sampler.onRead = (path) => {
    const pid = Number(/^\/proc\/(\d+)\/stat$/.exec(path)?.[1]);
    if (!existsSync(join(dir, `ready-${pid}`))) return;
    sightings.set(pid, (sightings.get(pid) ?? 0) + 1);
    const seen = [...sightings.values()].filter((count) => count >= SIGHTINGS).length;
    if (seen === HOLDERS && !existsSync(join(dir, 'release'))) writeFileSync(join(dir, 'release'), '');
  };
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
  // Each holds its buffer and a Node runtime; together they make most of the tree.
  expect(small!.peakTreeMb).toBeGreaterThan(40);
  expect(small!.peakTreeMb).toBeLessThan(200);
  expect(large!.peakTreeMb).toBeGreaterThan(200);
  expect(large!.peakTreeMb).toBeLessThan(360);
  expect(measure.peakTreeMb).toBeGreaterThan(large!.peakTreeMb);
  for (const branch of [small!, large!]) {
    expect(branch.peakProcessMb).toBe(branch.peakTreeMb);
    expect(branch.wallSeconds).toBeGreaterThan(0);
    expect(branch.wallSeconds).toBeLessThan(measure.wallSeconds);
    expect(branch.cpuSeconds).toBeGreaterThan(0);
    expect(branch.cpuSeconds).toBeLessThan(measure.cpuSeconds);
  }
});

it('counts files, bytes and HTML pages under a folder, and finds the largest page', async () => {
  const site = join(dir, 'site');
  await mkdir(join(site, 'people', 'a'), { recursive: true });
  await writeFile(join(site, 'index.html'), 'x'.repeat(10));
  await writeFile(join(site, 'people', 'a', 'index.html'), 'x'.repeat(30));
  await writeFile(join(site, 'people', 'a', 'rss.xml'), 'x'.repeat(50));
  expect(await treeSize(site)).toEqual({
    files: 3,
    bytes: 90,
    htmlPages: 2,
    largestHtml: { path: join('people', 'a', 'index.html'), bytes: 30 },
  });
});
