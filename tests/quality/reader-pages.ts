/**
 * The pages a reader visits, one of each kind, found in the built site rather than hard-coded, so
 * the gates follow the site as it grows. A kind missing from the build is an error, not a skip.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { htmlFiles, pagePath } from '../helpers/dist-pages.ts';

const STORY_FILE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;
const PAGE_FILES = {
  home: /^index\.html$/,
  day: /^\d{4}\/\d{2}\/\d{2}\/index\.html$/,
  story: STORY_FILE,
  people: /^people\/index\.html$/,
  'people A to Z': /^people\/by-name\/[^/]+\/index\.html$/,
  person: /^people\/(?!by-count\/)[^/]+\/index\.html$/,
  countries: /^countries\/index\.html$/,
  country: /^countries\/(?!by-count\/)[^/]+\/index\.html$/,
  archive: /^archive\/index\.html$/,
  'archive year': /^archive\/\d{4}\/index\.html$/,
  thread: /^threads\/[^/]+\/index\.html$/,
};

export type PageKind = keyof typeof PAGE_FILES | 'search results' | '404';
export const PAGE_KINDS: PageKind[] = [...(Object.keys(PAGE_FILES) as PageKind[]), 'search results', '404'];

async function fileOf(dist: string, kind: keyof typeof PAGE_FILES): Promise<string> {
  const file = (await htmlFiles(dist)).find((candidate) => PAGE_FILES[kind].test(candidate));
  if (file === undefined) throw new Error(`the build has no ${kind} page (no file in dist/ matches ${PAGE_FILES[kind]})`);
  return file;
}

/** A word from the first story's headline, so the search page has something to find. */
async function searchWord(dist: string): Promise<string> {
  const story = await fileOf(dist, 'story');
  const headline = /<h1[^>]*>([^<]*)</.exec(await readFile(join(dist, story), 'utf8'))?.[1] ?? '';
  const word = headline.split(/\W+/).find((candidate) => candidate.length >= 4);
  if (word === undefined) throw new Error(`no searchable word in the headline of ${story}`);
  return word.toLowerCase();
}

/** The URL path of a page of this kind, relative to the site's base (e.g. `people/`). */
export async function pathOf(dist: string, kind: PageKind): Promise<string> {
  if (kind === '404') return 'no-such-page/';
  if (kind === 'search results') return `search/?q=${encodeURIComponent(await searchWord(dist))}`;
  return pagePath(await fileOf(dist, kind));
}

/** A story's URL path: what every search result links to. */
const STORY_PATH = /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

/** Opens a page of this kind and waits until it is what a reader sees (search results rendered). */
export async function openPage(page: Page, siteUrl: string, dist: string, kind: PageKind): Promise<void> {
  await page.goto(siteUrl + (await pathOf(dist, kind)), { waitUntil: 'networkidle' });
  if (kind !== 'search results') return;
  await page.waitForFunction(
    (storyPattern) =>
      [...document.querySelectorAll('main a[href]')].some((link) =>
        new RegExp(storyPattern).test(new URL((link as HTMLAnchorElement).href).pathname),
      ),
    STORY_PATH.source,
    { timeout: 15_000 },
  );
}
