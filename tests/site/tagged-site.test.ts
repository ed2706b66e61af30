/**
 * A hand-made collection built under the base path `/digest/`: enough stories to paginate a
 * person, a hostile headline, caption-only names, a country too small for the world map's outlines.
 * Articles are written with the ingest pipeline's own serializer and built with `astro build`
 * (no ingest: there are no dumps behind them).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArticle } from '#ingest/mdx.ts';
import { slugify } from '#lib/slug.ts';
import { FEED_ITEMS, TAG_FEED_ITEMS } from '#lib/feeds.ts';
import { buildEnvironment, createFixtureSite, type FixtureSite } from '#tools/fixture-site.ts';
import { htmlFiles, pagePath } from '../helpers/dist-pages.ts';
import { fileForPath, internalLinks, parseRss, readPage, sitemapUrls } from './built-site.ts';
import { frontmatter, type StorySpec } from './fixtures.ts';

const run = promisify(execFile);
const BASE = '/digest/';
const SITE_URL = 'https://example.org';
const HOSTILE_TITLE = 'Leaders </script><script>alert(1)</script> & <!-- meet';

/** 23 stories name Ann Lee over three days (more than one page of 20); two more name others. */
const specs: StorySpec[] = [
  ...Array.from({ length: 23 }, (_, index): StorySpec => ({
    title: `Ann Lee story number ${index + 1}`,
    date: ['2026-01-15', '2026-02-06', '2026-02-07'][index % 3] ?? '',
    line: index * 20 + 1,
    people: index % 2 ? ['Ann Lee', 'Bo Chan'] : ['Ann Lee'],
    countries: ['Italy'],
    roles: { 'Ann Lee': index === 2 ? 'Prime Minister' : 'Minister' },
  })),
  {
    title: HOSTILE_TITLE,
    date: '2026-02-07',
    line: 900,
    people: ['Bo Chan'],
    countries: ['Bahrain', 'Italy'],
    captionPeople: ['Cy Only-Caption'],
    captionCountries: ['France'],
  },
  { title: 'Quiet day in Bahrain', date: '2026-02-05', line: 1, countries: ['Bahrain'] },
];

let site: FixtureSite;
let pages: string[];
const href = (path: string) => `${BASE}${path}`;

beforeAll(async () => {
  site = await createFixtureSite({});
  // Pages of 10, whatever the shipped setting, so 23 stories make a main page of the newest 13
  // and a block of the oldest 10.
  await site.setSetting('storiesPerPage', 10);
  for (const spec of specs) {
    const file = join(site.root, 'content/articles', spec.date, `${slugify(spec.title)}.mdx`);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(
      file,
      renderArticle({
        frontmatter: frontmatter(spec),
        body: [
          { kind: 'paragraph', text: `Lede of ${spec.title}.`, line: 1 },
          { kind: 'paragraph', text: 'More.', line: 2 },
        ],
      }),
    );
  }
  await run(join(site.root, 'node_modules/.bin/astro'), ['build'], {
    cwd: site.root,
    env: { ...buildEnvironment(), PATH: `${join(site.root, 'node_modules/.bin')}:${process.env.PATH}`, BASE_PATH: BASE, SITE_URL },
    maxBuffer: 64 * 1024 * 1024,
  });
  pages = await htmlFiles(site.dist);
});
afterAll(() => site?.remove());

describe('a tagged site under /digest/', () => {
  it('pages people in fixed blocks of 10 older stories, newest first, and gives caption-only names no page', async () => {
    expect(pages.filter((page) => page.startsWith('people/'))).toEqual([
      'people/ann-lee/1/index.html',
      'people/ann-lee/index.html',
      'people/bo-chan/index.html',
      'people/by-count/index.html',
      'people/by-name/a/index.html',
      'people/by-name/b/index.html',
      'people/index.html',
    ]);
    expect(pages.filter((page) => page.startsWith('countries/'))).toEqual([
      'countries/bahrain/index.html',
      'countries/by-count/index.html',
      'countries/index.html',
      'countries/italy/1/index.html',
      'countries/italy/index.html',
    ]);
    const first = await readPage(site.dist, 'people/ann-lee/index.html');
    const second = await readPage(site.dist, 'people/ann-lee/1/index.html');
    const listed = (page: typeof first) => page.querySelectorAll('.story-list time').map((time) => time.getAttribute('datetime'));
    expect(listed(first)).toHaveLength(13);
    expect(listed(second)).toHaveLength(10);
    const all = [...listed(first), ...listed(second)];
    expect(all).toEqual([...all].sort().reverse());
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(href('people/ann-lee/1/'));
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(href('people/ann-lee/'));
    // A block shows nothing that a newer story would change: no count, no last day.
    expect(second.querySelector('.facts')).toBeNull();
    expect(second.querySelector('h1')?.text).toBe('Ann Lee');
  });

  it("shows a person's most recent role, count, first and last day, chart and companions", async () => {
    const page = await readPage(site.dist, 'people/ann-lee/index.html');
    // Story 3 opens the latest day's dump; older stories call her Minister.
    expect(page.querySelector('.standfirst')?.text).toBe('Prime Minister');
    expect(page.querySelectorAll('.facts dd').map((dd) => dd.text)).toEqual(['23', 'Thursday 15 January 2026', 'Saturday 7 February 2026']);
    // 15 January to 7 February: one bar a day, none for a day without stories.
    const second = await readPage(site.dist, 'people/ann-lee/1/index.html');
    const days = new Set(
      [page, second].flatMap((list) => list.querySelectorAll('.story-list time').map((time) => time.getAttribute('datetime'))),
    );
    expect(page.querySelectorAll('.chart rect')).toHaveLength(days.size);
    expect(page.querySelector('.chart figcaption')?.text).toBe('Stories naming Ann Lee per day, at most 8 in one day.');
    expect(page.querySelector('.chart text')?.text).toBe('15 Jan 2026');
    expect(page.querySelector('.tag-context')?.text).toContain('Bo Chan');
    expect(page.querySelector('link[rel="alternate"][href$="people/ann-lee/rss.xml"]')?.getAttribute('href')).toBe(
      href('people/ann-lee/rss.xml'),
    );
  });

  it("draws each country's flag and a locator map, and the names it shares two or more stories with", async () => {
    const page = await readPage(site.dist, 'countries/bahrain/index.html');
    expect(page.querySelector('h1 img.flag')?.getAttribute('src')).toBe(href('flags/bh.svg'));
    expect(page.querySelector('svg.map--locator circle')).not.toBeNull();
    // Bo Chan and Italy share one of Bahrain's two stories: not "often" named with it.
    expect(page.querySelector('.tag-context')?.text).not.toMatch(/Bo Chan|Italy/);
    expect((await readPage(site.dist, 'countries/italy/index.html')).querySelector('.tag-context')?.text).toMatch(/Ann Lee.*Bo Chan/);
    expect(await readFile(join(site.dist, 'flags/bh.svg'), 'utf8')).toMatch(/<svg/);
  });

  it('sorts the country index A to Z and by count on two static pages', async () => {
    const names = async (file: string) => (await readPage(site.dist, file)).querySelectorAll('.tag-index a').map((link) => link.text);
    expect(await names('countries/index.html')).toEqual(['Bahrain', 'Italy']);
    expect(await names('countries/by-count/index.html')).toEqual(['Italy', 'Bahrain']);
  });

  it('files people A to Z in a page per initial, linked from the people index with the most named, and sorts them by count', async () => {
    const index = await readPage(site.dist, 'people/index.html');
    const initials = index.querySelectorAll('.initials-index > li > a');
    expect(initials.map((link) => [link.text.trim(), link.getAttribute('href')])).toEqual([
      ['A', href('people/by-name/a/')],
      ['B', href('people/by-name/b/')],
    ]);
    expect(index.querySelectorAll('.tag-index a').map((link) => link.text)).toEqual(['Ann Lee', 'Bo Chan']);
    const names = async (file: string) => (await readPage(site.dist, file)).querySelectorAll('.tag-index a').map((link) => link.text);
    expect(await names('people/by-name/a/index.html')).toEqual(['Ann Lee']);
    expect(await names('people/by-name/b/index.html')).toEqual(['Bo Chan']);
    expect(await names('people/by-count/index.html')).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it("keeps a headline holding </script> out of the structured data's way", async () => {
    const file = pages.find((page) => page.startsWith('2026/02/07/leaders-script'));
    expect(file).toBeDefined();
    const page = await readPage(site.dist, file ?? '');
    const scripts = page.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    expect((JSON.parse(scripts[0]?.textContent ?? '') as { headline: string }).headline).toBe(HOSTILE_TITLE);
    expect(page.querySelector('h1')?.text).toBe(HOSTILE_TITLE);
  });

  it('puts every internal link and asset under /digest/, and each one exists', async () => {
    for (const file of pages) {
      // The search index is written by `npm run build` beside `astro build`; the search tests cover it.
      for (const link of internalLinks(await readPage(site.dist, file)).filter((url) => !url.startsWith(`${BASE}pagefind/`))) {
        expect(link.startsWith(BASE), `${link} on ${file}`).toBe(true);
        expect(existsSync(join(site.dist, fileForPath(link.slice(BASE.length)))), `${link} on ${file}`).toBe(true);
      }
    }
  });

  it('writes person and country feeds whose items link under /digest/', async () => {
    // Ann Lee's feed lists every story of her newest day, more than a feed's usual few.
    const annLeeNewestDay = specs.filter((spec) => spec.people?.includes('Ann Lee') && spec.date === '2026-02-07').length;
    expect(annLeeNewestDay).toBeGreaterThan(TAG_FEED_ITEMS);
    for (const [feedFile, most] of [
      ['rss.xml', FEED_ITEMS],
      ['people/ann-lee/rss.xml', annLeeNewestDay],
      ['countries/bahrain/rss.xml', TAG_FEED_ITEMS],
    ] as const) {
      const feed = parseRss(await readFile(join(site.dist, feedFile), 'utf8'));
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.items.length).toBeLessThanOrEqual(most);
      for (const item of feed.items) {
        expect(item.link.startsWith(`${SITE_URL}${BASE}`)).toBe(true);
        expect(existsSync(join(site.dist, fileForPath(new URL(item.link).pathname.slice(BASE.length))))).toBe(true);
      }
    }
    expect(parseRss(await readFile(join(site.dist, 'people/ann-lee/rss.xml'), 'utf8')).items).toHaveLength(annLeeNewestDay);
    const bahrain = parseRss(await readFile(join(site.dist, 'countries/bahrain/rss.xml'), 'utf8'));
    expect(bahrain.link).toBe(`${SITE_URL}${BASE}countries/bahrain/`);
    expect(bahrain.self).toBe(`${SITE_URL}${BASE}countries/bahrain/rss.xml`);
    expect(bahrain.items.map((item) => item.title)).toEqual([HOSTILE_TITLE, 'Quiet day in Bahrain']);
  });

  it('lists every page under /digest/ in the sitemap', async () => {
    const listed = (await sitemapUrls(site.dist)).map((url) => {
      expect(url.startsWith(`${SITE_URL}${BASE}`)).toBe(true);
      return url.slice(`${SITE_URL}${BASE}`.length);
    });
    expect(listed.sort()).toEqual(
      pages
        .filter((page) => page !== '404.html')
        .map(pagePath)
        .sort(),
    );
  });
});
