/**
 * Every internal link, asset, feed item and sitemap entry of the demo site resolves, both when the
 * site is served from the root and from a sub-path (as GitHub Pages serves `user.github.io/repo/`).
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type ServedSite } from '#tools/static-server.ts';
import { demoBuild, type DemoBuild } from '../helpers/demo-build.ts';
import { htmlFiles, pagePath } from '../helpers/dist-pages.ts';

const xml = new XMLParser();

/** Every `<loc>` of a sitemap or sitemap index, and every `<link>` of an RSS feed. */
function urlsIn(document: unknown): string[] {
  if (Array.isArray(document)) return document.flatMap(urlsIn);
  if (typeof document !== 'object' || document === null) return [];
  return Object.entries(document).flatMap(([key, value]) =>
    (key === 'loc' || key === 'link') && typeof value === 'string' ? [value] : urlsIn(value),
  );
}

/** Crawls from `pages`, checking only the site's own URLs (offline); absolute links to `publicUrl` are checked on the local copy. */
async function crawl(pages: string[], localUrl: string, publicUrl: string): Promise<{ checked: string[]; broken: string[] }> {
  const result = await new LinkChecker().check({
    path: pages,
    recurse: true,
    checkCss: true,
    concurrency: 20,
    // Anything on the local server is checked, so a link that escapes the base path shows up as broken.
    linksToSkip: async (link) => !link.startsWith(new URL(localUrl).origin) && !link.startsWith(publicUrl),
    urlRewriteExpressions: [{ pattern: new RegExp(`^${publicUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), replacement: localUrl }],
  });
  const checked = result.links.filter((link) => link.state !== LinkState.SKIPPED);
  return {
    checked: checked.map((link) => link.url),
    broken: checked.filter((link) => link.state === LinkState.BROKEN).map((link) => `${link.url} (${link.status}) on ${link.parent}`),
  };
}

describe('the link check', () => {
  it('reports a missing page and a link that escapes the base path', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'broadsheet-links-'));
    await writeFile(
      join(dist, 'index.html'),
      '<!doctype html><title>t</title><a href="/digest/nowhere/">a</a> <a href="/elsewhere/">b</a> <a href="/digest/">c</a>',
    );
    const served = await serveSite(dist, '/digest/');
    try {
      const { broken } = await crawl([served.url], served.url, 'https://example.org/digest/');
      expect(broken).toEqual([expect.stringContaining('/digest/nowhere/ (404)'), expect.stringContaining('/elsewhere/ (404)')]);
    } finally {
      await served.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});

describe.each(['/digest/', '/'])('the demo site built for base path %s', (basePath) => {
  let build: DemoBuild;
  let served: ServedSite;
  /** Where the built site says it lives, e.g. `https://example.org/digest/`. */
  let publicUrl: string;
  const local = (url: string) => (url.startsWith(publicUrl) ? served.url + url.slice(publicUrl.length) : url);

  beforeAll(async () => {
    build = await demoBuild(basePath);
    served = await serveSite(build.dist, basePath);
    publicUrl = new URL(basePath, build.siteUrl).href;
  });
  afterAll(() => served?.close());

  it('has no broken internal link or asset on any page', async () => {
    const pages = (await htmlFiles(build.dist)).filter((file) => file !== '404.html').map((file) => served.url + pagePath(file));
    const { checked, broken } = await crawl(pages, served.url, publicUrl);
    expect(broken).toEqual([]);
    // The crawl really followed the head's links and assets, not just the pages it was given.
    expect(checked).toEqual(expect.arrayContaining([`${served.url}rss.xml`, `${served.url}favicon.svg`]));
  });

  it('lists only live pages under the base path in its sitemap, which robots.txt names', async () => {
    const robots = await readFile(join(build.dist, 'robots.txt'), 'utf8');
    expect(robots).toContain(`\nSitemap: ${publicUrl}sitemap-index.xml\n`);
    const index = await readFile(join(build.dist, 'sitemap-index.xml'), 'utf8');
    const sitemaps = urlsIn(xml.parse(index));
    expect(sitemaps.length).toBeGreaterThan(0);
    const pages: string[] = [];
    for (const sitemap of sitemaps) {
      expect(sitemap.startsWith(publicUrl), sitemap).toBe(true);
      const response = await fetch(local(sitemap));
      expect(response.status, sitemap).toBe(200);
      pages.push(...urlsIn(xml.parse(await response.text())));
    }
    expect(pages).toContain(publicUrl);
    for (const page of pages) {
      expect(page.startsWith(publicUrl), page).toBe(true);
      expect((await fetch(local(page))).status, page).toBe(200);
    }
  });

  it('links every item of every feed (whole site, each person, each country) to a live story under the base path', async () => {
    const files = (await readdir(build.dist, { recursive: true })).map((file) => file.split(sep).join('/'));
    const feeds = files.filter((file) => file.endsWith('rss.xml'));
    expect(feeds, 'the site feed and per-person feeds').toEqual(
      expect.arrayContaining(['rss.xml', expect.stringMatching(/^people\/[^/]+\/rss\.xml$/)]),
    );
    for (const feed of feeds) {
      const links = urlsIn(xml.parse(await readFile(join(build.dist, feed), 'utf8')));
      expect(links.length, `${feed} has items`).toBeGreaterThan(1);
      for (const link of links) {
        expect(link.startsWith(publicUrl), `${feed}: ${link}`).toBe(true);
        expect((await fetch(local(link))).status, `${feed}: ${link}`).toBe(200);
      }
    }
  });
});
