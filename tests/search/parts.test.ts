/**
 * A search index written in parts (src/lib/search-parts.ts) searches as one: the demo built with
 * one story per part, under a base path, in real Chromium.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '#tools/chromium.ts';
import { serveSite, type ServedSite } from '#tools/static-server.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from '#tools/fixture-site.ts';

const BASE_PATH = '/digest/';
// The demo dump's headlines (content/sources/2026-02-07/), read off the source.
const HEADLINES = [
  "Iran Leaves Door Open for 'Indirect' Talks with Washington",
  'Israel’s Netanyahu Expected to Meet Trump in US on Wednesday and Discuss Iran',
  'Italy FM Rules Out Joining Trump’s ‘Board of Peace’',
  'Top Trump Iran Negotiator Says Visits US Aircraft Carrier in Middle East',
];

let site: FixtureSite;
let served: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await createFixtureSite();
  await site.setSetting('searchPartStories', 1);
  await site.npm('build', [], { BASE_PATH });
  served = await serveSite(site.dist, BASE_PATH);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await site?.remove();
});

async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(served.url + path);
  return page;
}

describe('a search index in parts', () => {
  it("is written as one Pagefind bundle per part, beside the pages, the reader's scripts in the first only", async () => {
    const folders = (await readdir(site.dist)).filter((name) => name.startsWith('pagefind')).sort();
    expect(folders).toEqual(['pagefind', 'pagefind-2', 'pagefind-3', 'pagefind-4']);
    for (const folder of folders) expect(await readdir(join(site.dist, folder))).toContain('pagefind-entry.json');
    // The reader's scripts and styles come from the first part alone.
    expect(await readdir(join(site.dist, 'pagefind'))).toContain('pagefind-component-ui.js');
    for (const folder of folders.slice(1))
      expect((await readdir(join(site.dist, folder))).filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });

  it('lists the stories of every part for a filter', async () => {
    const page = await open('search/?person=Donald+Trump');
    const links = page.locator('pagefind-results .pf-result-link');
    await expect.poll(async () => (await links.allTextContents()).sort()).toEqual([...HEADLINES].sort());
  });

  it('counts the stories of every part in the filter pane', async () => {
    const page = await open('search/');
    const count = (name: string) => page.locator('pagefind-filter-pane label', { hasText: name }).textContent();
    await expect.poll(() => count('Donald Trump')).toBe('Donald Trump4');
    await expect.poll(() => count('Oman')).toBe('Oman2');
  });

  it.each(HEADLINES.map((headline) => [headline]))('finds %j, whichever part holds it, from the header box', async (headline) => {
    const page = await open('');
    await page.keyboard.press('/');
    // One input, so no search for the first letters redraws the list after the whole query's (see search.test.ts).
    await page.keyboard.insertText(headline.split(' ').slice(0, 4).join(' '));
    await page.getByRole('option', { name: headline }).waitFor();
    expect(await page.getByRole('option', { name: headline }).count()).toBe(1);
  });
});

describe('the parts on the next build', () => {
  const indexSearch = async () =>
    (
      await promisify(execFile)(join(projectRoot, 'node_modules/.bin/node'), ['scripts/index-search.ts', '--out', 'dist'], {
        cwd: site.root,
      })
    ).stdout;
  const entry = (part: string) => readFile(join(site.dist, part, 'pagefind-entry.json'), 'utf8');

  it('are reused while their stories are unchanged', async () => {
    expect(await indexSearch()).toMatch(/4 part\(s\).*: 0 indexed, 4 unchanged/);
  });

  it('are indexed again only for the new stories when a day is added, whatever names it spells out', async () => {
    // The first demo story leaves `X` (the social network) alone; a new day names Malcolm X.
    const articles = join(site.root, 'content', 'articles', '2026-02-07');
    const olderStories = async () => Promise.all((await readdir(articles)).sort().map((file) => readFile(join(articles, file), 'utf8')));
    const before = await olderStories();
    await mkdir(join(site.root, 'content', 'sources', '2026-02-08'), { recursive: true });
    await writeFile(
      join(site.root, 'content', 'sources', '2026-02-08', 'wire.txt'),
      'Speech remembered\n\nMalcolm X, the civil rights leader, gave the speech in 1964. Historians still quote it.\n',
    );
    await site.npm('ingest', []);
    expect(await olderStories()).toEqual(before);
    expect(await indexSearch()).toMatch(/5 part\(s\).*: 1 indexed, 4 unchanged/);
  });

  it('are indexed again, only the changed one, when a story changes', async () => {
    const [first] = (await readdir(join(site.root, 'content', 'articles', '2026-02-07'))).sort();
    const article = join(site.root, 'content', 'articles', '2026-02-07', first!);
    const before = await Promise.all(['pagefind', 'pagefind-2'].map(entry));
    await writeFile(article, (await readFile(article, 'utf8')).replace(/\n$/, '\n\nA paragraph added by the test.\n'));
    expect(await indexSearch()).toMatch(/5 part\(s\).*: 1 indexed, 4 unchanged/);
    const after = await Promise.all(['pagefind', 'pagefind-2'].map(entry));
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });
});
