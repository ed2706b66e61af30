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
 * While the code that renders the site is the same as at the last finished build (the site's
 * source, public files, settings, curation files, installed packages, address), the build updates
 * that build's `dist/` in place: Astro renders only the pages whose key changed
 * (src/integration/page-plan.ts), the indexer rewrites only the parts whose stories changed, and
 * the pages no longer made are deleted. Anything else, `--clean`, or a last build that did not
 * finish, builds from an empty `dist/`.
 *
 * Last, the built site is measured against the host's limits (`host` in content/site.yaml, see
 * host-limits.ts): a warning near one, a failed build past it.
 *
 *   node scripts/build-site.ts [--clean] [--one-at-a-time]   (run by `npm run build`, after the ingest)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PAGE_RECORD, PREVIOUS_RECORD, recordedFiles, type PageRecord } from '#integration/page-plan.ts';
import { writeFileAtomic } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import { checkHostLimits, measureFolder } from '#lib/host-limits.ts';
import { isSearchBundleFolder } from '#lib/search-parts.ts';
import { siteSettings } from '#lib/settings.ts';

const DIST = 'dist';
const STAGED_INDEX = join('.cache', 'broadsheet', 'search-index');
const OLD_DIST = join('.cache', 'broadsheet', 'old-dist');

/** Memory below which the halves run one after the other, as side by side they could run out (figures in docs/performance.md). */
const SIDE_BY_SIDE_MEMORY = 6 * 1024 ** 3;

/** What every page is rendered from besides the articles, whose changes the page keys follow. */
const SITE_CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'content/site.yaml', 'content/names'];

const { values } = parseArgs({
  options: { clean: { type: 'boolean', default: false }, 'one-at-a-time': { type: 'boolean', default: false } },
});
// constrainedMemory() is a container's limit, or a huge number (or 0) where there is none.
const memory = Math.min(totalmem(), process.constrainedMemory() || Infinity);
const sideBySide = !values['one-at-a-time'] && memory >= SIDE_BY_SIDE_MEMORY;

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/**
 * Runs a Node script to completion with this process's output; resolves with how long it took
 * in wall seconds, or rejects naming it if it fails.
 */
function run(label: string, args: string[], running: Set<ReturnType<typeof spawn>>, env = process.env): Promise<string> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env });
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      else reject(new Error(`${label} failed (${signal ? `killed by ${signal}` : `exit ${code}`}); its messages are above`));
    });
  });
}

/** The last finished build's record of its pages, if it was rendered by this same code. */
async function lastBuild(code: string | undefined): Promise<PageRecord | undefined> {
  if (values.clean || code === undefined || !existsSync(DIST)) return undefined;
  const record = await readFile(PAGE_RECORD, 'utf8').then(
    (text) => JSON.parse(text) as PageRecord,
    () => undefined,
  );
  return record?.code === code ? record : undefined;
}

/** Deletes `file` of dist/ and the folders it leaves empty, as a clean build would not have made them. */
async function removeWithEmptyFolders(file: string): Promise<void> {
  await rm(join(DIST, file), { force: true });
  for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) {
    const emptied = await rmdir(join(DIST, folder)).then(
      () => true,
      () => false,
    );
    if (!emptied) return;
  }
}

const running = new Set<ReturnType<typeof spawn>>();
try {
  const installedCode = codeVersion(SITE_CODE);
  const code = installedCode && cacheKey(installedCode, process.env.SITE_URL ?? '', process.env.BASE_PATH ?? '');
  const last = await lastBuild(code);
  // No record while the build runs: one that fails leaves the next to start clean.
  await rm(PREVIOUS_RECORD, { force: true });
  if (last) await rename(PAGE_RECORD, PREVIOUS_RECORD);
  else await rm(PAGE_RECORD, { force: true });
  let oldDistRemoved: Promise<void> = Promise.resolve();
  if (!last) {
    await rm(STAGED_INDEX, { recursive: true, force: true });
    await mkdir(STAGED_INDEX, { recursive: true });
    await rm(OLD_DIST, { recursive: true, force: true });
    // Where it cannot be moved (missing, or a mount point), Astro empties it as usual.
    const movedAside = await rename(DIST, OLD_DIST).then(
      () => true,
      () => false,
    );
    if (movedAside) oldDistRemoved = rm(OLD_DIST, { recursive: true, force: true });
  }
  const astro = () => run('astro build', [astroBin, 'build'], running, last ? { ...process.env, BROADSHEET_KEEP_DIST: '1' } : process.env);
  // Updating, the indexer writes into dist/ itself: Astro keeps it, and leaves its parts alone.
  const index = () => run('search index', ['scripts/index-search.ts', '--out', last ? DIST : STAGED_INDEX], running);
  const took = sideBySide ? await Promise.all([astro(), index()]) : [await astro(), await index()];
  await oldDistRemoved;
  if (!last) {
    for (const folder of (await readdir(STAGED_INDEX)).filter(isSearchBundleFolder)) {
      await rm(join(DIST, folder), { recursive: true, force: true });
      await rename(join(STAGED_INDEX, folder), join(DIST, folder));
    }
  }
  const files = recordedFiles('.');
  const gone = Object.keys(last?.files ?? {}).filter((file) => !(file in files));
  for (const file of gone) await removeWithEmptyFolders(file);
  const kept = last ? Object.entries(files).filter(([file, key]) => key !== null && last.files[file] === key).length : 0;
  console.log(
    `build: ${last ? 'updated the last build' : 'clean'}: ${Object.keys(files).length - kept} keyed page(s) rendered, ${kept} kept, ${gone.length} deleted`,
  );
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
  if (code !== undefined) await writeFileAtomic(PAGE_RECORD, JSON.stringify({ code, files } satisfies PageRecord));
  await rm(PREVIOUS_RECORD, { force: true });
} catch (error) {
  // One failure is enough to fail the build: stop the other half rather than wait for it.
  for (const child of running) child.kill();
  console.error(`build: ${(error as Error).message}`);
  process.exitCode = 1;
}
