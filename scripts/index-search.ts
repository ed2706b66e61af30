/**
 * Builds the Pagefind search index from the article files, in parts (see src/lib/search-parts.ts).
 * It reads the articles, not the built pages, so `npm run build` runs it beside `astro build`.
 *
 *   node scripts/index-search.ts [--out <dir>]   (default: dist)
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { mdxFiles } from '#integration/article-loader.ts';
import { isLiveTemporary, replaceAtomically } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import { isSearchBundleFolder, searchBundlePath, searchParts } from '#lib/search-parts.ts';
import { siteSettings } from '#lib/settings.ts';
import { storyRecord, type SearchRecord } from './search/records.ts';

const ARTICLES = 'content/articles';
/**
 * Result fragments (title, lede, text) are bundled this many stories to a file: static hosts cap
 * file counts, and showing a result still fetches only a few stories' fragments.
 */
const STORIES_PER_FRAGMENT_FILE = 8;
/** Records handed to the indexer at once: enough to keep it busy, few enough to bound memory. */
const RECORDS_IN_FLIGHT = 64;

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = values.out;
const settings = siteSettings();
// Pagefind splits indexes by ISO 639-1 language; `en-GB` stories are `en`.
const language = settings.language.split('-')[0]!.toLowerCase();

/**
 * Pagefind's Linux indexer allocates with jemalloc, which reads this variable. By default it
 * hands freed memory back to the kernel and takes it again a moment later, page fault after page
 * fault. Huge pages kept until the part is written (each part is its own process) avoid that, and
 * one arena holds the peak where it was. Set in the environment, it wins.
 */
if (process.platform === 'linux') process.env._RJEM_MALLOC_CONF ??= 'thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:1';

const failed = (what: string, errors: string[]) => new Error(`pagefind: ${what}: ${errors.join('; ')}`);

/**
 * A finished part is kept here under a hash of everything it is made from, and reused while that
 * stays the same: parts fill oldest first, so adding a day re-indexes only the newest part. CI
 * keeps `.cache/` between runs. A missing or partial entry only costs the time to index again.
 * A part already in `--out` as cached (its entry file, which names the hash of every index file,
 * is the same) is left as it is: updating the last build's `dist/` copies nothing unchanged.
 */
const PART_CACHE = join('.cache', 'broadsheet', 'search-parts');
/**
 * What a part depends on besides its articles: this indexing code, the site code its records
 * are made with (facets, ledes, addresses, ranking) and the installed indexer.
 */
const INDEXER_VERSION = codeVersion(['scripts/index-search.ts', 'scripts/search', 'src/lib']);

/**
 * A part's key, from its article files' names and contents (hashed one by one: reading and
 * hashing them is far cheaper than making their records, needed only to index). Undefined when
 * nothing can vouch for a cached part: then every part is indexed afresh.
 */
function partKey(files: readonly string[]): string | undefined {
  return INDEXER_VERSION === undefined
    ? undefined
    : cacheKey(
        INDEXER_VERSION,
        language,
        STORIES_PER_FRAGMENT_FILE,
        files.map((file) => [file, hash('sha1', readFileSync(`${ARTICLES}/${file}`))]),
      );
}

/** One file at a time: the indexer has nothing else to do meanwhile, and reads held at once cost memory. */
function readRecords(files: readonly string[]): SearchRecord[] {
  return files.map((file) => {
    const path = `${ARTICLES}/${file}`;
    return storyRecord(path, readFileSync(path, 'utf8'), language);
  });
}

async function indexPart(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: language,
    maxFragments: Math.max(1, Math.ceil(records.length / STORIES_PER_FRAGMENT_FILE)),
  });
  if (!index) throw failed('could not start the indexer', errors);
  for (let start = 0; start < records.length; start += RECORDS_IN_FLIGHT) {
    await Promise.all(
      records.slice(start, start + RECORDS_IN_FLIGHT).map(async (record) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw failed(record.url, added.errors);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw failed(`writing ${outputPath}`, written.errors);
  // Stopping the indexer hands its memory back before the next part starts.
  await pagefind.close();
}

/**
 * Pagefind's reader-facing scripts and styles: the site loads them from the first part only, and
 * merges the other parts' indexes into its search, so the other parts go without them.
 */
const READER_UI_FILES = [
  'pagefind-component-ui.css',
  'pagefind-component-ui.js',
  'pagefind-highlight.js',
  'pagefind-modular-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-ui.css',
  'pagefind-ui.js',
];

const ENTRY_FILE = 'pagefind-entry.json';
const readEntry = (folder: string) => readFile(join(folder, ENTRY_FILE), 'utf8').catch(() => undefined);

/** Writes part `part` into `out`, from the cache when its stories are unchanged; returns its key. */
async function writePart(part: number, files: readonly string[]): Promise<{ key: string | undefined; reused: boolean }> {
  const key = partKey(files);
  const cached = key === undefined ? undefined : join(PART_CACHE, key);
  const outputPath = join(out, searchBundlePath(part));
  const cachedEntry = cached === undefined ? undefined : await readEntry(cached);
  if (cachedEntry !== undefined) {
    if ((await readEntry(outputPath)) !== cachedEntry) {
      await rm(outputPath, { recursive: true, force: true });
      await cp(cached!, outputPath, { recursive: true });
    }
    return { key, reused: true };
  }
  await rm(outputPath, { recursive: true, force: true });
  await indexPart(readRecords(files), outputPath);
  if (part > 1) await Promise.all(READER_UI_FILES.map((file) => rm(join(outputPath, file))));
  if (cached !== undefined) await replaceAtomically(cached, (temporary) => cp(outputPath, temporary, { recursive: true }));
  return { key, reused: false };
}

// Oldest first, the order parts fill in: paths are `YYYY-MM-DD/<slug>.mdx`.
const files = await mdxFiles(ARTICLES);
const parts = searchParts(files, settings.searchPartStories);
// A smaller archive than last time leaves fewer parts: no stale part may outlive it.
const current = new Set(parts.map((_, index) => searchBundlePath(index + 1).slice(0, -1)));
const stale = (await readdir(out).catch(() => [])).filter((folder) => isSearchBundleFolder(folder) && !current.has(folder));
await Promise.all(stale.map((folder) => rm(join(out, folder), { recursive: true, force: true })));
await mkdir(PART_CACHE, { recursive: true });
const written: { key: string | undefined; reused: boolean }[] = [];
for (const [index, part] of parts.entries()) written.push(await writePart(index + 1, part));
// Only the parts of this build stay cached, besides what another build is writing now.
const keep = new Set(written.map((part) => part.key));
for (const entry of await readdir(PART_CACHE))
  if (!keep.has(entry) && !isLiveTemporary(entry)) await rm(join(PART_CACHE, entry), { recursive: true, force: true });
const reused = written.filter((part) => part.reused).length;
console.log(
  `pagefind: ${files.length} stor${files.length === 1 ? 'y' : 'ies'} in ${parts.length} part(s) into ${out}/: ` +
    `${parts.length - reused} indexed, ${reused} unchanged (reused)`,
);
