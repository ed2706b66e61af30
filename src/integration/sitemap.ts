/**
 * The sitemap: every page but the 404, from the pages this build rendered and those it kept from
 * the last build (page-plan.ts), which Astro does not list. Written as `sitemap-index.xml` and
 * files of at most `URLS_PER_FILE` addresses (the protocol allows 50,000).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fileOf, recordedFiles } from './page-plan.ts';

const URLS_PER_FILE = 45_000;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Site-relative page addresses (`people/x/`) of the page files among `files`, but the 404's. */
export function sitemapPaths(files: Iterable<string>): string[] {
  const paths = new Set<string>();
  for (const file of files) {
    if (!file.endsWith('.html') || /(^|\/)404(\.html|\/index\.html)$/.test(file)) continue;
    paths.add(file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
  }
  return [...paths].sort();
}

/** The sitemap files by name, for pages at `paths` of a site published at `base` (absolute, ending in `/`). */
export function sitemapFiles(paths: readonly string[], base: string): Map<string, string> {
  const files = new Map<string, string>();
  for (let start = 0; start === 0 || start < paths.length; start += URLS_PER_FILE) {
    const urls = paths.slice(start, start + URLS_PER_FILE).map((path) => `<url><loc>${escapeXml(base + path)}</loc></url>`);
    files.set(`sitemap-${files.size}.xml`, `${XML_HEAD}<urlset xmlns="${NAMESPACE}">${urls.join('')}</urlset>`);
  }
  const entries = [...files.keys()].map((name) => `<sitemap><loc>${escapeXml(base + name)}</loc></sitemap>`);
  files.set('sitemap-index.xml', `${XML_HEAD}<sitemapindex xmlns="${NAMESPACE}">${entries.join('')}</sitemapindex>`);
  return files;
}

export function sitemap(): AstroIntegration {
  let base = '';
  let root = '';
  return {
    name: 'broadsheet-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages }) => {
        const files = [...pages.map(({ pathname }) => fileOf(pathname)), ...Object.keys(recordedFiles(root))];
        for (const [name, xml] of sitemapFiles(sitemapPaths(files), base)) await writeFile(new URL(name, dir), xml);
      },
    },
  };
}
