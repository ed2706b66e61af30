/**
 * Renders the site (`astro build`) and builds its search index at the same time: the index is
 * read from the article files, not from the pages, so the two need not wait for each other,
 * and on a machine with two cores or more each takes about one core. Astro empties `dist/` when
 * it starts, so the index is written beside it and moved in once both have finished. Emptying a
 * large `dist/` holds Astro up, so the last build's is moved aside at once and deleted beside
 * the build.
 *
 * Side by side, the two need their peaks of memory at once (see docs/performance.md). With less
 * memory than `SIDE_BY_SIDE_MEMORY` (a container's limit, else the machine's), or with
 * `--one-at-a-time`, they run one after the other: slower, at the indexer's peak.
 *
 * Last, the built site is measured against the host's limits (`host` in content/site.yaml, see
 * host-limits.ts): a warning near one, a failed build past it.
 *
 *   node scripts/build-site.ts [--one-at-a-time]   (run by `npm run build`, after the ingest)
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkHostLimits, measureFolder } from '#lib/host-limits.ts';
import { isSearchBundleFolder } from '#lib/search-parts.ts';
import { siteSettings } from '#lib/settings.ts';

const DIST = 'dist';
const STAGED_INDEX = join('.cache', 'broadsheet', 'search-index');
const OLD_DIST = join('.cache', 'broadsheet', 'old-dist');

/** Memory below which the halves run one after the other, as side by side they could run out (figures in docs/performance.md). */
const SIDE_BY_SIDE_MEMORY = 6 * 1024 ** 3;

const { values } = parseArgs({ options: { 'one-at-a-time': { type: 'boolean', default: false } } });
// constrainedMemory() is a container's limit, or a huge number (or 0) where there is none.
const memory = Math.min(totalmem(), process.constrainedMemory() || Infinity);
const sideBySide = !values['one-at-a-time'] && memory >= SIDE_BY_SIDE_MEMORY;

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/**
 * Runs a Node script to completion with this process's output; resolves with how long it took
 * in wall seconds, or rejects naming it if it fails.
 */
function run(label: string, args: string[], running: Set<ReturnType<typeof spawn>>): Promise<string> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      else reject(new Error(`${label} failed (${signal ? `killed by ${signal}` : `exit ${code}`}); its messages are above`));
    });
  });
}

const running = new Set<ReturnType<typeof spawn>>();
try {
  await rm(STAGED_INDEX, { recursive: true, force: true });
  await mkdir(STAGED_INDEX, { recursive: true });
  await rm(OLD_DIST, { recursive: true, force: true });
  // Where it cannot be moved (missing, or a mount point), Astro empties it as usual.
  const movedAside = await rename(DIST, OLD_DIST).then(
    () => true,
    () => false,
  );
  const oldDistRemoved = movedAside ? rm(OLD_DIST, { recursive: true, force: true }) : Promise.resolve();
  const astro = () => run('astro build', [astroBin, 'build'], running);
  const index = () => run('search index', ['scripts/index-search.ts', '--out', STAGED_INDEX], running);
  const took = sideBySide ? await Promise.all([astro(), index()]) : [await astro(), await index()];
  await oldDistRemoved;
  for (const folder of (await readdir(STAGED_INDEX)).filter(isSearchBundleFolder)) {
    await rm(join(DIST, folder), { recursive: true, force: true });
    await rename(join(STAGED_INDEX, folder), join(DIST, folder));
  }
  const why = values['one-at-a-time']
    ? ' (--one-at-a-time)'
    : sideBySide
      ? ''
      : ` (${(memory / 1024 ** 3).toFixed(1)} GB of memory, under ${SIDE_BY_SIDE_MEMORY / 1024 ** 3} GB)`;
  console.log(`build: ${took.join(', ')}, ${sideBySide ? 'side by side' : 'one after the other'}${why}`);
  const findings = checkHostLimits(await measureFolder(DIST), siteSettings().host);
  for (const { message } of findings.filter(({ level }) => level === 'warning')) console.warn(`build: warning: ${message}`);
  const errors = findings.filter(({ level }) => level === 'error').map(({ message }) => message);
  if (errors.length > 0) throw new Error(errors.join('\nbuild: '));
} catch (error) {
  // One failure is enough to fail the build: stop the other half rather than wait for it.
  for (const child of running) child.kill();
  console.error(`build: ${(error as Error).message}`);
  process.exitCode = 1;
}
