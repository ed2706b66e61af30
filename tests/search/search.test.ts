/**
 * Search as a reader uses it, in real Chromium, on the demo site served under a base path (the
 * harder case: every search URL, bundle path and result link must carry it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '#tools/chromium.ts';
import { serveSite, type ServedSite } from '#tools/static-server.ts';
import { demoBuild } from '../helpers/demo-build.ts';

// Headlines of the demo dump's four stories (content/sources/2026-02-07/), read off the source.
const IRAN_TALKS = "Iran Leaves Door Open for 'Indirect' Talks with Washington";
const NETANYAHU = 'Israel’s Netanyahu Expected to Meet Trump in US on Wednesday and Discuss Iran';
const ITALY = 'Italy FM Rules Out Joining Trump’s ‘Board of Peace’';
const WITKOFF_CARRIER = 'Top Trump Iran Negotiator Says Visits US Aircraft Carrier in Middle East';
const BASE_PATH = '/digest/';
// The demo's one thread: the first three stories, its title set in content/threads.yaml.
const THREAD = 'Iran and the United States, talks about talks';
const THREAD_PAGE = 'threads/2026-02-07-iran-leaves-door-open-for-indirect-talks-with-washington/';

let browser: Browser;
let served: ServedSite;

beforeAll(async () => {
  const build = await demoBuild(BASE_PATH);
  served = await serveSite(build.dist, BASE_PATH);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(served.url + path);
  return page;
}

/** Titles of the listed results once the list has settled (every result loaded, count stable). */
async function resultTitles(page: Page, expectedCount?: number): Promise<string[]> {
  const links = page.locator('pagefind-results .pf-result-link');
  await page.waitForFunction(() => {
    const summary = document.querySelector('pagefind-summary')?.textContent ?? '';
    return /\b(\d+|no) results?\b/i.test(summary) && !/searching/i.test(summary);
  });
  if (expectedCount !== undefined) await expect.poll(() => links.count()).toBe(expectedCount);
  return links.allTextContents();
}

const searchPage = (query = '') => `search/${query}`;

describe('the search page', () => {
  it('lists the Kharrazi interview first for "Kharrazi"', async () => {
    const page = await openPage(searchPage());
    await page.locator('pagefind-input input').fill('Kharrazi');
    await expect.poll(async () => (await resultTitles(page))[0]).toBe(IRAN_TALKS);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kharrazi');
  });

  it('shows the Italy story when a URL with ?q=Tajani is reloaded', async () => {
    const page = await openPage(searchPage('?q=Tajani'));
    await expect.poll(() => resultTitles(page)).toContain(ITALY);
    await page.reload();
    await expect.poll(() => resultTitles(page)).toContain(ITALY);
    await expect(page.locator('pagefind-input input').inputValue()).resolves.toBe('Tajani');
  });

  it('shows each result with its date, and its lede when no word was searched', async () => {
    const page = await openPage(searchPage('?country=Italy'));
    const result = page.locator('pagefind-results li', { hasText: ITALY });
    await expect.poll(() => result.locator('.search-result-date').textContent()).toMatch(/2026/);
    await expect.poll(() => result.locator('.search-result-lede').textContent()).toMatch(/^Italy will not take part/);
  });

  it('shows where a word of the body matched: the passage, marked once, not the headline or the lede', async () => {
    const page = await openPage(searchPage('?q=Washington'));
    await expect.poll(() => resultTitles(page)).toContain(NETANYAHU);
    // "Washington" is once in this story's body, and in another's headline.
    const result = page.locator('pagefind-results li', { hasText: NETANYAHU });
    const excerpt = result.locator('.search-result-excerpt');
    await expect.poll(() => excerpt.locator('mark').allTextContents()).toEqual(['Washington,']);
    await expect(excerpt.textContent()).resolves.toMatch(/expected to meet US President Donald Trump on Wednesday in Washington, where/);
    await expect(result.locator('.search-result-lede').count()).resolves.toBe(0);
    const headlined = page.locator('pagefind-results li', { hasText: IRAN_TALKS });
    const headlinedExcerpt = await headlined.locator('.search-result-excerpt').textContent();
    expect(headlinedExcerpt).toMatch(/indirect negotiations with Washington/);
    for (const repeated of ['Leaves Door Open', 'during an interview with IRNA']) expect(headlinedExcerpt).not.toContain(repeated);
  });

  it('shows the lede of a story whose headline alone holds the word', async () => {
    const page = await openPage(searchPage('?q=leaves'));
    await expect.poll(() => resultTitles(page)).toEqual([IRAN_TALKS]);
    const result = page.locator('pagefind-results li', { hasText: IRAN_TALKS });
    await expect
      .poll(() => result.locator('.search-result-lede').textContent())
      .toMatch(/^Kamal Kharrazi, an adviser to Iran's supreme leader, said/);
    await expect(result.locator('.search-result-excerpt').count()).resolves.toBe(0);
  });

  it("shows a story's leading people and countries as a labelled list of links to their searches", async () => {
    const page = await openPage(searchPage('?q=Washington'));
    await expect.poll(() => resultTitles(page)).toContain(NETANYAHU);
    const tags = page.locator('pagefind-results li', { hasText: NETANYAHU }).getByRole('list', { name: 'People and countries' });
    await expect(tags.getByRole('link').allTextContents()).resolves.toEqual([
      'Benjamin Netanyahu',
      'Donald Trump',
      'Israel',
      'United States',
      'Iran',
    ]);
    await expect(tags.getByRole('listitem').last().textContent()).resolves.toBe('and 1 more');
    await tags.getByRole('link', { name: 'Benjamin Netanyahu' }).click();
    await expect.poll(() => resultTitles(page, 1)).toEqual([NETANYAHU]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${BASE_PATH}search/?person=Benjamin+Netanyahu`);
  });

  it('lists all four stories for the person filter Donald Trump with an empty query, and keeps it in the URL', async () => {
    const page = await openPage(searchPage());
    const group = page.locator('pagefind-filter-pane details[data-filter-name="person"]');
    await group.locator('summary').click();
    await group.getByLabel('Donald Trump').check();
    await expect.poll(async () => (await resultTitles(page, 4)).sort()).toEqual([IRAN_TALKS, NETANYAHU, ITALY, WITKOFF_CARRIER].sort());
    expect(new URL(page.url()).searchParams.getAll('person')).toEqual(['Donald Trump']);
  });

  it('lists exactly the two stories naming Oman for the country filter Oman', async () => {
    const page = await openPage(searchPage('?country=Oman'));
    await expect.poll(async () => (await resultTitles(page, 2)).sort()).toEqual([IRAN_TALKS, NETANYAHU].sort());
    await expect(page.locator('pagefind-filter-pane input[name="country"][value="Oman"]').isChecked()).resolves.toBe(true);
  });

  it('lists nothing for person Steve Witkoff with country Israel', async () => {
    const page = await openPage(searchPage('?person=Steve+Witkoff&country=Israel'));
    await expect.poll(() => resultTitles(page, 0)).toEqual([]);
    await expect(page.locator('pagefind-summary').textContent()).resolves.toMatch(/no results/i);
  });

  it('finds story pages only, not the day, tag and list pages that name the same words', async () => {
    const page = await openPage(searchPage('?q=Trump'));
    await resultTitles(page, 4);
    const links = await page
      .locator('pagefind-results .pf-result-link')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toHaveLength(4);
    for (const link of links) expect(link).toMatch(new RegExp(`^${BASE_PATH}\\d{4}/\\d{2}/\\d{2}/[^/]+/$`));
  });

  it('filters by month and year', async () => {
    const page = await openPage(searchPage('?year=2026&month=February+2026'));
    await expect.poll(async () => (await resultTitles(page, 4)).length).toBe(4);
    const none = await openPage(searchPage('?month=January+2026'));
    await expect.poll(() => resultTitles(none, 0)).toEqual([]);
  });

  it('walks back through earlier searches with the Back button', async () => {
    const page = await openPage(searchPage());
    const input = page.locator('pagefind-input input');
    await input.fill('Kharrazi');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Kharrazi');
    await input.fill('Tajani');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Tajani');
    await expect.poll(() => resultTitles(page)).toEqual([ITALY]);
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kharrazi');
    await expect.poll(async () => (await resultTitles(page))[0]).toBe(IRAN_TALKS);
    await expect(input.inputValue()).resolves.toBe('Kharrazi');
  });

  it('keeps a query typed while the index loads over the older one in the address', async () => {
    const page = await (await browser.newContext()).newPage();
    // The filters are the last thing loading waits for: held until the reader has typed.
    let release = () => {};
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.pf_filter', async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto(served.url + searchPage('?q=Kharrazi'));
    const input = page.locator('pagefind-input input');
    await input.fill('Tajani');
    release();
    await expect.poll(() => resultTitles(page)).toEqual([ITALY]);
    await expect(input.inputValue()).resolves.toBe('Tajani');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Tajani');
  });

  it('is linked from a person page, pre-filtered on that person', async () => {
    const page = await openPage('people/donald-trump/');
    await page.getByRole('link', { name: 'Search stories naming Donald Trump' }).click();
    await expect.poll(async () => (await resultTitles(page, 4)).sort()).toEqual([IRAN_TALKS, NETANYAHU, ITALY, WITKOFF_CARRIER].sort());
  });

  it('is linked from a thread page, filtered on the thread', async () => {
    const page = await openPage(THREAD_PAGE);
    await page.getByRole('link', { name: 'Search its stories' }).click();
    await expect.poll(async () => (await resultTitles(page, 3)).sort()).toEqual([IRAN_TALKS, NETANYAHU, WITKOFF_CARRIER].sort());
    expect(new URL(page.url()).searchParams.getAll('thread')).toEqual([THREAD]);
  });

  it("shows the thread a story is part of, linking to the search of the thread's stories", async () => {
    const page = await openPage(searchPage('?q=Kharrazi'));
    await expect.poll(async () => (await resultTitles(page))[0]).toBe(IRAN_TALKS);
    const partOf = page.locator('pagefind-results li', { hasText: IRAN_TALKS }).locator('.search-result-thread');
    await expect(partOf.textContent()).resolves.toBe(`Part of: ${THREAD}`);
    await partOf.getByRole('link', { name: THREAD }).click();
    await expect.poll(async () => (await resultTitles(page, 3)).sort()).toEqual([IRAN_TALKS, NETANYAHU, WITKOFF_CARRIER].sort());
    expect(new URL(page.url()).searchParams.getAll('thread')).toEqual([THREAD]);
  });

  it('shows no thread for a story outside any', async () => {
    const page = await openPage(searchPage('?q=Tajani'));
    await expect.poll(() => resultTitles(page)).toEqual([ITALY]);
    await expect(page.locator('pagefind-results li', { hasText: ITALY }).locator('.search-result-thread').count()).resolves.toBe(0);
  });

  it('tells a reader without JavaScript where to browse instead', async () => {
    const page = await openPage(searchPage(), { javaScriptEnabled: false });
    const note = page.locator('main');
    for (const name of [/archive/i, /people/i, /countries/i]) {
      const link = note.getByRole('link', { name });
      await expect(link.getAttribute('href')).resolves.toMatch(new RegExp(`^${BASE_PATH}`));
    }
  });
});

describe('the header search box', () => {
  it('downloads no search code until it is used, then opens with / and finds a story by keyboard alone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const searchRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(`${BASE_PATH}pagefind/`)) searchRequests.push(request.url());
    });
    await page.goto(served.url);
    await page.waitForLoadState('networkidle');
    expect(searchRequests).toEqual([]);

    await page.keyboard.press('/');
    // The query goes in as one input, as an input method or a paste gives it: typed a key at a time
    // on a busy machine, a search for the first letters can finish after the whole word's began and
    // redraw the list under the arrow key.
    await page.keyboard.insertText('Kharrazi');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Kharrazi');
    const option = page.getByRole('option', { name: IRAN_TALKS });
    await option.waitFor();
    expect(searchRequests.length).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    // The list marks the option from its key handler: waited for, not read once.
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/iran-leaves-door-open/);
    await expect(page.locator('h1').textContent()).resolves.toBe(IRAN_TALKS);
  });

  it('costs a page that is not searched one small script, a file shared by every page, and nothing else', async () => {
    const build = await demoBuild(BASE_PATH);
    const html = await readFile(join(build.dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attributes]) => !/application\/ld\+json/.test(attributes ?? ''),
    );
    expect(scripts).toHaveLength(1);
    const [[, attributes, code]] = scripts as [RegExpExecArray];
    expect(attributes).toMatch(/type="module"/);
    expect(code).toBe('');
    const src = /\bsrc="([^"]+)"/.exec(attributes ?? '')?.[1] ?? '';
    expect(src.startsWith(`${BASE_PATH}_astro/`), src).toBe(true);
    const file = await readFile(join(build.dist, src.slice(BASE_PATH.length)));
    expect(gzipSync(file).length).toBeLessThanOrEqual(2048);
  });

  it('opens with Ctrl+K', async () => {
    const page = await openPage('');
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
  });

  it('without JavaScript, sends the query to the search page', async () => {
    const page = await openPage('', { javaScriptEnabled: false });
    await page.locator('header input[name="q"]').fill('Tajani');
    await page.locator('header input[name="q"]').press('Enter');
    await page.waitForURL(`${served.url}search/?q=Tajani`);
    expect(new URL(page.url()).pathname).toBe(`${BASE_PATH}search/`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Tajani');
  });
});
