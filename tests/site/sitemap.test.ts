import { describe, expect, it } from 'vitest';
import { sitemapFiles, sitemapPaths } from '#integration/sitemap.ts';

describe('the sitemap', () => {
  it('lists every page file but the 404, once, in order, and no feed or image', () => {
    expect(
      sitemapPaths([
        'people/ann-lee/index.html',
        'index.html',
        '404.html',
        'people/ann-lee/rss.xml',
        'flags/it.svg',
        'index.html',
        'people/ann-lee/1/index.html',
      ]),
    ).toEqual(['', 'people/ann-lee/', 'people/ann-lee/1/']);
  });

  it('writes addresses under the base path, escaped, in files of at most 45,000 and an index of them', () => {
    const paths = Array.from({ length: 45_001 }, (_, index) => `a&b/${index}/`);
    const files = sitemapFiles(paths, 'https://example.org/digest/');
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    expect(files.get('sitemap-1.xml')).toContain('<url><loc>https://example.org/digest/a&amp;b/45000/</loc></url></urlset>');
    expect(files.get('sitemap-index.xml')).toContain('<sitemap><loc>https://example.org/digest/sitemap-1.xml</loc></sitemap>');
    expect(sitemapFiles([], 'https://example.org/').get('sitemap-0.xml')).toMatch(/<urlset [^>]*><\/urlset>$/);
  });
});
