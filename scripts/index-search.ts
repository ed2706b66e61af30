/** Builds the Pagefind search index over the story pages of the built site in dist/. */
import { readdir } from 'node:fs/promises';
import * as pagefind from 'pagefind';

const DIST = 'dist';
/**
 * Story pages only, `YYYY/MM/DD/<slug>/index.html`: no other page has `data-pagefind-body`, so
 * reading them (as many again as the stories) would only slow the build.
 */
const STORY_PAGE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;
const STORY_PAGES_GLOB = '[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html';
/**
 * Result fragments (title, lede, excerpt text) are bundled this many stories to a file: 10,000
 * stories make 2,000 files rather than 10,000 (static hosts cap file counts), and showing a result
 * still fetches about five stories' fragments (~10 KB), however large the archive grows.
 */
const STORIES_PER_FRAGMENT_FILE = 5;

const entries = await readdir(DIST, { recursive: true });
const stories = entries.filter((path) => STORY_PAGE.test(path.split('\\').join('/'))).length;

const { index, errors } = await pagefind.createIndex({ maxFragments: Math.max(1, Math.ceil(stories / STORIES_PER_FRAGMENT_FILE)) });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: DIST, glob: STORY_PAGES_GLOB });
if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
if (added.page_count !== stories) throw new Error(`pagefind: indexed ${added.page_count} page(s) but ${DIST}/ holds ${stories} story page(s)`);
const written = await index.writeFiles({ outputPath: `${DIST}/pagefind` });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
console.log(`pagefind: indexed ${added.page_count} story page(s) into ${DIST}/pagefind/`);
await pagefind.close();
