/** Reading a built site back: its articles' frontmatter, its pages, links, feeds and sitemap. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { expect } from 'vitest';
import { articleFrontmatterSchema, type ArticleFrontmatter } from '#lib/article.ts';

export interface BuiltArticle {
  /** `YYYY-MM-DD/<slug>`. */
  id: string;
  data: ArticleFrontmatter;
}

/** Every article of `content/articles/` in a project folder, as its frontmatter says. */
export async function readArticles(root: string): Promise<BuiltArticle[]> {
  const dir = join(root, 'content/articles');
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
      return {
        id: file
          .replace(/\.mdx$/, '')
          .split('\\')
          .join('/'),
        data: articleFrontmatterSchema.parse(parseYaml(yaml)),
      };
    }),
  );
}

export async function readPage(dist: string, file: string): Promise<HTMLElement> {
  return parseHtml(await readFile(join(dist, file), 'utf8'));
}

/** Every `href`/`src` on the page that points into the site (starts with `/`, not `//`). */
export function internalLinks(page: HTMLElement): string[] {
  return page
    .querySelectorAll('[href], [src]')
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
    .filter((url) => url.startsWith('/') && !url.startsWith('//'));
}

/** The file a static host serves for a site-relative URL path (`a/b/` -> `a/b/index.html`). */
export function fileForPath(path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'item' || name === 'url' || name === 'sitemap' || name === 'category',
});

export interface FeedItem {
  title: string;
  link: string;
  guid: string | { '#text': string };
  pubDate: string;
  description: string;
  category?: string[];
}

/** Parses an RSS file and checks what RSS 2.0 requires of a channel and its items. */
export function parseRss(text: string): { title: string; link: string; self: string; description: string; items: FeedItem[] } {
  expect(XMLValidator.validate(text)).toBe(true);
  const document = xml.parse(text) as { rss?: { '@version'?: string; channel?: Record<string, unknown> } };
  expect(document.rss?.['@version']).toBe('2.0');
  const channel = document.rss?.channel ?? {};
  for (const element of ['title', 'link', 'description']) expect(typeof channel[element], `channel <${element}>`).toBe('string');
  expect(channel['atom:link'], 'channel <atom:link rel="self">').toMatchObject({ '@rel': 'self', '@type': 'application/rss+xml' });
  const items = (channel.item ?? []) as FeedItem[];
  for (const item of items) {
    // RSS 2.0: an item needs a title or a description; we promise both, plus link and date, and
    // no guid that would only repeat the link.
    for (const element of ['title', 'link', 'description', 'pubDate'] as const)
      expect(String(item[element] ?? ''), `item <${element}>`).not.toBe('');
    expect(Number.isNaN(Date.parse(item.pubDate)), `pubDate ${item.pubDate}`).toBe(false);
    expect(item.guid).toBeUndefined();
  }
  return {
    title: channel.title as string,
    link: channel.link as string,
    self: (channel['atom:link'] as { '@href': string })['@href'],
    description: channel.description as string,
    items,
  };
}

/** Every `<loc>` of the sitemap index's sitemaps. */
export async function sitemapUrls(dist: string): Promise<string[]> {
  const index = xml.parse(await readFile(join(dist, 'sitemap-index.xml'), 'utf8')) as { sitemapindex: { sitemap: { loc: string }[] } };
  const urls: string[] = [];
  for (const { loc } of index.sitemapindex.sitemap) {
    const file = new URL(loc).pathname.split('/').at(-1) ?? '';
    const sitemap = xml.parse(await readFile(join(dist, file), 'utf8')) as { urlset: { url: { loc: string }[] } };
    urls.push(...sitemap.urlset.url.map((url) => url.loc));
  }
  return urls;
}
