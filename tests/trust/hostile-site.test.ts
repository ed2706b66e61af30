/**
 * One build of a site holding a story full of script, markup and MDX payloads. Every surface the
 * story reaches shows the payloads as text, runs nothing and adds no element; every page carries
 * a strict Content Security Policy that Chromium never reports broken, search included.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '#lib/slug.ts';
import { paths } from '#lib/urls.ts';
import { serveSite, type ServedSite } from '#tools/static-server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { htmlFiles, pagePath } from '../helpers/dist-pages.ts';
import { createFixtureSite, type FixtureSite } from '#tools/fixture-site.ts';
import { NOT_XML_CHARACTER, readerText } from './dumps.ts';
import { HOSTILE_DAY, HOSTILE_DUMP, HOSTILE_STORY, SEARCH_WORD } from './hostile.ts';

const storyPath = paths.story({ day: HOSTILE_DAY, slug: slugify(HOSTILE_STORY.title) });

interface PageVisit {
  dialogs: string[];
  errors: string[];
  cspViolations: string[];
  /** Elements and attributes the site's own markup never has, found in the live DOM. */
  unexpected: string[];
  text: string;
}

/** Script types the browser never runs: structured data and the search results template. */
const INERT_SCRIPT_TYPES = ['application/ld+json', 'text/pagefind-template'];

/** Everything in a live DOM that could only come from injected markup. */
function findUnexpected(inertTypes: string[]): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}>`);
      if (/^\s*javascript:/i.test(attribute.value)) found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
    }
  }
  for (const element of document.querySelectorAll('iframe, object, embed, img[src="x"], svg[onload], body style'))
    found.push(`<${element.localName}>`);
  for (const script of document.querySelectorAll('script')) {
    if (inertTypes.includes(script.type)) continue;
    const isOwnFile = script.src !== '' && new URL(script.src).origin === location.origin;
    const isCode = script.type === '' || script.type === 'module' || script.type === 'text/javascript';
    if (!isCode || (script.src !== '' && !isOwnFile) || /alert\(/.test(script.text)) {
      found.push(`<script type="${script.type}" src="${script.src}">${script.text.slice(0, 60)}`);
    }
  }
  return found;
}

describe('a story full of hostile text', () => {
  let site: FixtureSite;
  let served: ServedSite;
  let browser: Browser;
  const visits = new Map<string, PageVisit>();

  /** Opens a page the way a reader would and records anything that ran, broke or was blocked. */
  async function visit(path: string, act?: (page: Page) => Promise<void>): Promise<PageVisit> {
    const page = await browser.newPage();
    const record: PageVisit = { dialogs: [], errors: [], cspViolations: [], unexpected: [], text: '' };
    page.on('dialog', (dialog) => {
      record.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => record.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) record.cspViolations.push(message.text());
    });
    await page.exposeFunction('reportCspViolation', (text: string) => record.cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
          `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    try {
      const response = await page.goto(served.url + path, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      if (act) await act(page);
      record.unexpected = await page.evaluate(findUnexpected, INERT_SCRIPT_TYPES);
      record.text = readerText(await page.locator('body').innerText());
    } finally {
      await page.close();
    }
    visits.set(path, record);
    return record;
  }

  const read = (file: string) => readFile(join(site.dist, file), 'utf8');

  beforeAll(async () => {
    site = await createFixtureSite({ [`${HOSTILE_DAY}/hostile.txt`]: HOSTILE_DUMP });
    await site.npm('build');
    served = await serveSite(site.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await site?.remove();
  });

  function expectHarmless(path: string, record: PageVisit): void {
    const { dialogs, unexpected, cspViolations, errors } = record;
    expect({ dialogs, unexpected, cspViolations, errors }, path).toEqual({ dialogs: [], unexpected: [], cspViolations: [], errors: [] });
  }

  it('shows headline, standfirst, caption and every paragraph as text on the story page', async () => {
    const record = await visit(storyPath);
    expectHarmless(storyPath, record);
    for (const text of [HOSTILE_STORY.title, HOSTILE_STORY.standfirst, HOSTILE_STORY.caption, ...HOSTILE_STORY.body]) {
      expect(record.text).toContain(readerText(text));
    }
  });

  it('lists the headline as text on the day and home pages', async () => {
    for (const path of [paths.day(HOSTILE_DAY), paths.home()]) {
      const record = await visit(path);
      expectHarmless(path, record);
      expect(record.text, path).toContain(readerText(HOSTILE_STORY.title));
    }
  });

  it('lists the headline as text on the tag pages of the people and countries it names', async () => {
    const tagPages: string[] = [];
    for (const file of await htmlFiles(site.dist)) {
      if (!/^(people|countries)\/[^/]+\/index\.html$/.test(file)) continue;
      const text = readerText(parseHtml(await read(file)).querySelector('main')?.text ?? '');
      if (text.includes(readerText(HOSTILE_STORY.title))) tagPages.push(pagePath(file));
    }
    expect(
      tagPages.some((path) => path.startsWith('people/')),
      `person pages listing the story: ${tagPages.join(', ')}`,
    ).toBe(true);
    expect(
      tagPages.some((path) => path.startsWith('countries/')),
      `country pages listing the story: ${tagPages.join(', ')}`,
    ).toBe(true);
    for (const path of tagPages) expectHarmless(path, await visit(path));
  });

  it('writes well-formed feeds whose items carry the headline as text', async () => {
    const feeds = [
      paths.feed(),
      ...(await htmlFiles(site.dist))
        .filter((file) => /^(people|countries)\/[^/]+\/index\.html$/.test(file))
        .map((file) => `${pagePath(file)}rss.xml`),
    ];
    let itemsWithStory = 0;
    for (const feed of feeds) {
      const xml = await read(feed).catch(() => undefined);
      if (xml === undefined) continue;
      expect(XMLValidator.validate(xml), feed).toBe(true);
      expect(NOT_XML_CHARACTER.exec(xml)?.[0], `${feed}: a character XML forbids`).toBeUndefined();
      const parsed = new XMLParser({ processEntities: true, htmlEntities: true, isArray: (name) => name === 'item' }).parse(xml) as {
        rss: { channel: { item?: { title: string; description?: string }[] } };
      };
      for (const item of parsed.rss.channel.item ?? []) {
        if (item.title === HOSTILE_STORY.title) {
          itemsWithStory++;
          expect([HOSTILE_STORY.standfirst, HOSTILE_STORY.body[0]!].map(readerText)).toContain(readerText(item.description ?? ''));
        }
      }
    }
    expect(itemsWithStory, 'feed items holding the hostile story').toBeGreaterThanOrEqual(2);
  });

  it('keeps the headline inside JSON-LD and meta tags, as data', async () => {
    const document = parseHtml(await read(`${storyPath}index.html`));
    const structured = document.querySelectorAll('script[type="application/ld+json"]');
    expect(structured).toHaveLength(1);
    const data = JSON.parse(structured[0]!.textContent) as { headline: string };
    expect(data.headline).toBe(HOSTILE_STORY.title);
    for (const selector of ['meta[property="og:title"]']) {
      expect(document.querySelector(selector)?.getAttribute('content'), selector).toBe(HOSTILE_STORY.title);
    }
    expect(document.querySelector('title')?.text).toContain(HOSTILE_STORY.title);
  });

  it('finds the story with search and shows the result as text', async () => {
    const searchPath = `${paths.search()}?q=${SEARCH_WORD}`;
    const record = await visit(searchPath, async (page) => {
      await page.getByText(readerText(HOSTILE_STORY.title).slice(0, 40)).first().waitFor({ timeout: 15_000 });
      // A string, so the test runner's bundler leaves this page-side `import()` alone.
      const results = (await page.evaluate(`(async () => {
        const pagefind = await import(${JSON.stringify(`${served.url}pagefind/pagefind.js`)});
        const found = await pagefind.search(${JSON.stringify(SEARCH_WORD)});
        return Promise.all(found.results.map((result) => result.data()));
      })()`)) as { meta: { title: string }; excerpt: string }[];
      expect(results.map((result) => result.meta.title)).toContain(HOSTILE_STORY.title);
      // Excerpts are HTML that the search UI inserts as is: only Pagefind's own <mark> may be markup.
      for (const result of results) expect(result.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });
    expectHarmless(searchPath, record);
    expect(record.text).toContain(readerText(HOSTILE_STORY.title));
  });

  it('gives every page a strict Content Security Policy, before anything it governs', async () => {
    for (const file of await htmlFiles(site.dist)) {
      const html = await read(file);
      const policies = parseHtml(html).querySelectorAll('meta[http-equiv="content-security-policy"]');
      expect(policies, file).toHaveLength(1);
      const policy = policies[0]!.getAttribute('content') ?? '';
      const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1]?.split(/\s+/) ?? [];
      expect(scriptSources, file).toContain("'self'");
      expect(scriptSources, file).not.toContain("'unsafe-inline'");
      expect(scriptSources, file).not.toContain("'unsafe-eval'");
      expect(policy, file).toMatch(/default-src 'self'/);
      expect(policy, file).toMatch(/object-src 'none'/);
      // A <meta> policy governs only what comes after it.
      const elements = parseHtml(html).querySelectorAll('*');
      const policyAt = elements.findIndex((element) => element.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');
      const firstGoverned = elements.findIndex(
        (element) =>
          (element.tagName === 'SCRIPT' && !INERT_SCRIPT_TYPES.includes(element.getAttribute('type') ?? '')) ||
          element.tagName === 'STYLE' ||
          (element.tagName === 'LINK' && element.getAttribute('rel') === 'stylesheet'),
      );
      if (firstGoverned >= 0)
        expect(policyAt, `${file}: the policy must come before the first script or style`).toBeLessThan(firstGoverned);
    }
  });

  it('runs every page in Chromium without a CSP violation or script error', async () => {
    for (const file of await htmlFiles(site.dist)) {
      const path = pagePath(file);
      expectHarmless(path, visits.get(path) ?? (await visit(path)));
    }
  });
});
