/**
 * Builds the Pagefind search index from the article files, in parts (see src/lib/search-parts.ts).
 * It reads the articles, not the built pages, so `npm run build` runs it beside `astro build`.
 *
 *   node scripts/index-search.ts [--out <dir>]   (default: dist)
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { mdxFiles } from '../src/lib/article-loader.ts';
import { isSearchBundleFolder, searchBundlePath, searchParts } from '../src/lib/search-parts.ts';
import { siteSettings } from '../src/lib/settings.ts';
import { storyRecord } from './search/records.ts';

const ARTICLES = 'content/articles';
/**
 * Result fragments (title, lede, text) are bundled this many stories to a file: static hosts cap
 * file counts, and showing a result still fetches only a few stories' fragments (~15 KB).
 */
const STORIES_PER_FRAGMENT_FILE = 8;
/** Records handed to the indexer at once: enough to keep it busy, few enough to bound memory. */
const RECORDS_IN_FLIGHT = 64;

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = values.out;
const settings = siteSettings();
// Pagefind splits indexes by ISO 639-1 language; `en-GB` stories are `en`.
const language = settings.language.split('-')[0]!.toLowerCase();

const failed = (what: string, errors: string[]) => new Error(`pagefind: ${what}: ${errors.join('; ')}`);

async function writePart(part: number, files: readonly string[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: Math.max(1, Math.ceil(files.length / STORIES_PER_FRAGMENT_FILE)) });
  if (!index) throw failed('could not start the indexer', errors);
  for (let start = 0; start < files.length; start += RECORDS_IN_FLIGHT) {
    await Promise.all(
      files.slice(start, start + RECORDS_IN_FLIGHT).map(async (file) => {
        const path = `${ARTICLES}/${file}`;
        const added = await index.addCustomRecord(storyRecord(path, await readFile(path, 'utf8'), language));
        if (added.errors.length > 0) throw failed(path, added.errors);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: join(out, searchBundlePath(part)) });
  if (written.errors.length > 0) throw failed(`writing part ${part}`, written.errors);
  // Stopping the indexer hands its memory back before the next part starts.
  await pagefind.close();
}

// Oldest first, the order parts fill in: paths are `YYYY-MM-DD/<slug>.mdx`.
const files = await mdxFiles(ARTICLES);
const parts = searchParts(files, settings.searchPartStories);
// A smaller archive than last time leaves fewer parts: no stale part may outlive it.
const earlier = (await readdir(out).catch(() => [])).filter(isSearchBundleFolder);
await Promise.all(earlier.map((folder) => rm(join(out, folder), { recursive: true, force: true })));
for (const [index, part] of parts.entries()) await writePart(index + 1, part);
console.log(`pagefind: indexed ${files.length} stor${files.length === 1 ? 'y' : 'ies'} in ${parts.length} part(s) into ${out}/`);
