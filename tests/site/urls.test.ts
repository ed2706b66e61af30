import { afterEach, describe, expect, it, vi } from 'vitest';
import { absoluteUrl, basePath, href, paths } from '#lib/urls.ts';

afterEach(() => vi.unstubAllEnvs());

describe('basePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['digest', '/digest/'],
    ['/digest', '/digest/'],
    ['/digest/', '/digest/'],
    ['//news/digest//', '/news/digest/'],
  ])('%j -> %j', (input, expected) => expect(basePath(input)).toBe(expected));
});

describe('href under a base path', () => {
  it('puts every kind of page under the root', () => {
    vi.stubEnv('BASE_URL', '/');
    expect(href(paths.home())).toBe('/');
    expect(href(paths.story({ day: '2026-02-07', slug: 'a-b' }))).toBe('/2026/02/07/a-b/');
  });

  it('puts every kind of page under /digest/', () => {
    vi.stubEnv('BASE_URL', '/digest');
    expect(href(paths.home())).toBe('/digest/');
    expect(href(paths.day('2026-02-07'))).toBe('/digest/2026/02/07/');
    expect(href(paths.person('jd-vance'))).toBe('/digest/people/jd-vance/');
    expect(href(paths.person('jd-vance', 2))).toBe('/digest/people/jd-vance/2/');
    expect(href(paths.person('jd-vance', 1))).toBe('/digest/people/jd-vance/1/');
    expect(href(paths.country('turkiye', 3))).toBe('/digest/countries/turkiye/3/');
    expect(href(paths.countryFeed('turkiye'))).toBe('/digest/countries/turkiye/rss.xml');
    expect(absoluteUrl(paths.archive(), 'https://user.github.io')).toBe('https://user.github.io/digest/archive/');
  });

  it('writes page paths lowercase with a trailing slash', () => {
    const pagePaths = [
      paths.archive(),
      paths.people(),
      paths.peopleByCount(),
      paths.peopleByName('m'),
      paths.peopleByName('other', 2),
      paths.archiveYear('2026'),
      paths.countries(),
      paths.countriesByCount(),
      paths.day('2026-02-07'),
      paths.person('a', 2),
    ];
    for (const path of pagePaths) expect(path).toMatch(/^[a-z0-9/-]+\/$/);
  });
});
