/**
 * Threads on the built site: one fixture build of four days of dumps in which two developing
 * stories run (a burst dam, a copper strike), its thread pages, feeds, story and day pages; then
 * a fifth day through the ingest alone, which must leave every older thread's slug as it was.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '#tools/fixture-site.ts';
import { addedDay, alone, dam, dayDumps, fourDays, slugOf, strike } from '../ingest/thread-stories.ts';
import { fileForPath, parseRss, readArticles, readPage, type BuiltArticle } from './built-site.ts';

const BASE = '/digest/';
const SITE_URL = 'https://example.org';
const STRIKE_TITLE = 'The Escondida strike';

/** Where a story's page is, under the base path: `2026-03-02/slug` -> `2026/03/02/slug/`. */
const storyPath = (id: string) => `${id.slice(0, 10).replaceAll('-', '/')}/${id.slice(11)}/`;
const text = (element: HTMLElement | null) => element?.text.replace(/\s+/g, ' ').trim();

interface ExpectedThread {
  slug: string;
  title: string;
  /** Newest first, as the page lists them. */
  stories: { id: string; title: string }[];
  facts: string[];
  /** The `since` date on story and day pages. */
  since: string;
  people: [string, string][];
  countries: [string, string][];
}

const threads: ExpectedThread[] = [
  {
    slug: slugOf(dam.burst.id),
    title: 'Dam bursts above the Moldovan town of Varnita',
    stories: [
      { id: dam.inquiry.id, title: 'Moldova opens an inquiry into the Varnita dam collapse' },
      { id: dam.rescue.id, title: 'Rescuers search for the missing after the Varnita dam burst' },
      { id: dam.burst.id, title: 'Dam bursts above the Moldovan town of Varnita' },
    ],
    facts: ['3', 'Monday 2 March 2026', 'Thursday 5 March 2026'],
    since: '2 Mar 2026',
    people: [['Ilinca Rusu', `${BASE}people/ilinca-rusu/`]],
    countries: [['Moldova', `${BASE}countries/moldova/`]],
  },
  {
    // Named in content/threads.yaml, not by its first headline.
    slug: slugOf(strike.walkout.id),
    title: STRIKE_TITLE,
    stories: [
      { id: strike.spreads.id, title: 'Escondida copper strike spreads to a second mine' },
      { id: strike.walkout.id, title: 'Miners strike at the Escondida copper mine in Chile' },
    ],
    facts: ['2', 'Tuesday 3 March 2026', 'Wednesday 4 March 2026'],
    since: '3 Mar 2026',
    people: [['Tomas Quiroga', `${BASE}people/tomas-quiroga/`]],
    countries: [['Chile', `${BASE}countries/chile/`]],
  },
];
const threadOf = (id: string) => threads.find((thread) => thread.stories.some((story) => story.id === id));

let site: FixtureSite;
let before: BuiltArticle[];

beforeAll(async () => {
  site = await createFixtureSite(dayDumps(fourDays));
  await writeFile(join(site.root, 'content/threads.yaml'), `titles:\n  ${strike.walkout.id}: ${STRIKE_TITLE}\n`);
  await site.npm('build', [], { BASE_PATH: BASE, SITE_URL });
  before = await readArticles(site.root);
});
afterAll(() => site?.remove());

describe('threads on a site of four days', () => {
  it('threads the stories of each developing story in the articles, and no other', () => {
    expect(before.map((article) => article.id).sort()).toEqual(fourDays.map((story) => story.id).sort());
    for (const article of before) {
      const thread = threadOf(article.id);
      expect(article.data.thread, article.id).toEqual(thread && { slug: thread.slug, title: thread.title });
    }
  });

  it('gives each thread a page with its facts, people, countries and a dated timeline, newest first', async () => {
    expect((await readdir(join(site.dist, 'threads'))).sort()).toEqual(threads.map((thread) => thread.slug).sort());
    for (const thread of threads) {
      const page = await readPage(site.dist, `threads/${thread.slug}/index.html`);
      expect(text(page.querySelector('h1'))).toBe(thread.title);
      expect(page.querySelectorAll('.facts dd').map(text)).toEqual(thread.facts);
      const timeline = page.querySelectorAll('.thread-timeline > li').flatMap((day) => {
        const date = day.querySelector('h3 time')?.getAttribute('datetime');
        return day.querySelectorAll('.story-list a').map((link) => [date, text(link), link.getAttribute('href')]);
      });
      expect(timeline).toEqual(thread.stories.map((story) => [story.id.slice(0, 10), story.title, `${BASE}${storyPath(story.id)}`]));
      const tags = (heading: string) =>
        page
          .querySelectorAll('.tag-context section')
          .filter((section) => text(section.querySelector('h2')) === heading)
          .flatMap((section) => section.querySelectorAll('a').map((link) => [text(link), link.getAttribute('href')]));
      expect(tags('People')).toEqual(thread.people);
      expect(tags('Countries')).toEqual(thread.countries);
      for (const [, link] of [...thread.people, ...thread.countries])
        expect(existsSync(join(site.dist, fileForPath(link!.slice(BASE.length))))).toBe(true);
      expect(page.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe(
        `${BASE}threads/${thread.slug}/rss.xml`,
      );
    }
  });

  it('gives each thread a feed of its stories, newest first', async () => {
    for (const thread of threads) {
      const feed = parseRss(await readFile(join(site.dist, `threads/${thread.slug}/rss.xml`), 'utf8'));
      expect(feed.link).toBe(`${SITE_URL}${BASE}threads/${thread.slug}/`);
      expect(feed.self).toBe(`${SITE_URL}${BASE}threads/${thread.slug}/rss.xml`);
      expect(feed.title).toContain(thread.title);
      expect(feed.items.map((item) => [item.title, item.link])).toEqual(
        thread.stories.map((story) => [story.title, `${SITE_URL}${BASE}${storyPath(story.id)}`]),
      );
    }
  });

  it('links each story of a thread to its thread page with the count of its stories, and no other story', async () => {
    for (const { id } of fourDays) {
      const page = await readPage(site.dist, `${storyPath(id)}index.html`);
      const thread = threadOf(id);
      const link = page.querySelector('.story .thread-link');
      if (!thread) {
        expect(link, id).toBeNull();
        continue;
      }
      expect(text(link), id).toBe(`Part of: ${thread.title} · ${thread.stories.length} stories since ${thread.since}`);
      expect(link?.querySelector('a')?.getAttribute('href')).toBe(`${BASE}threads/${thread.slug}/`);
    }
  });

  it("marks a story on its day's page as continuing a thread begun on an earlier day, or as part of one begun that day", async () => {
    for (const { id } of fourDays) {
      const day = await readPage(site.dist, `${id.slice(0, 10).replaceAll('-', '/')}/index.html`);
      const summary = day
        .querySelectorAll('.story-summary')
        .find((candidate) => candidate.querySelector('h2 a')?.getAttribute('href') === `${BASE}${storyPath(id)}`);
      expect(summary, id).toBeDefined();
      const thread = threadOf(id);
      const link = summary!.querySelector('.thread-link');
      if (!thread) expect(link, id).toBeNull();
      else if (thread.stories.at(-1)!.id === id) expect(text(link), id).toBe(`Part of: ${thread.title}`);
      else expect(text(link), id).toBe(`Continues: ${thread.title}, since ${thread.since}`);
      if (thread) expect(link?.querySelector('a')?.getAttribute('href')).toBe(`${BASE}threads/${thread.slug}/`);
    }
  });
});

describe('a day added to the site', () => {
  it("continues the older threads under the slugs they had, and a story alone becomes its thread's first", async () => {
    for (const [path, dump] of Object.entries(dayDumps(addedDay))) {
      await mkdir(join(site.root, 'content/sources', path, '..'), { recursive: true });
      await writeFile(join(site.root, 'content/sources', path), dump);
    }
    await site.npm('ingest');
    const after = new Map((await readArticles(site.root)).map((article) => [article.id, article.data.thread]));
    expect(after.size).toBe(before.length + addedDay.length);
    for (const article of before) {
      // The orchestra's story was alone; the added day's tour continues it, so it now starts a thread.
      if (article.id === alone.orchestra.id)
        expect(after.get(article.id)).toEqual({
          slug: slugOf(alone.orchestra.id),
          title: 'Orchestra opens its season with a new symphony',
        });
      else expect(after.get(article.id), article.id).toEqual(article.data.thread);
    }
    expect(after.get(dam.repairs.id)).toEqual({ slug: slugOf(dam.burst.id), title: 'Dam bursts above the Moldovan town of Varnita' });
    expect(after.get(alone.tour.id)?.slug).toBe(slugOf(alone.orchestra.id));
  });
});
