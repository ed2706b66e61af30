/**
 * Every internal URL of the site, built in one place so the whole site works under a base path
 * (`BASE_PATH=/digest/`): pages, feeds and assets all go through `href`.
 */

/** A story as far as its address goes. */
export interface StoryAddress {
  /** Digest day, `YYYY-MM-DD`. */
  day: string;
  slug: string;
}

/** The configured base path with exactly one slash at each end (`/` at the root). */
export function basePath(base: string = import.meta.env.BASE_URL): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A site-relative path (`people/x/`, no leading slash) as a link under the base path. */
export function href(path: string): string {
  return `${basePath()}${path.replace(/^\/+/, '')}`;
}

/** The full URL of a site-relative path, for canonical links, feeds and structured data. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(href(path), site).href;
}

/** Site-relative paths (no leading slash, trailing slash on pages) of every kind of page. */
export const paths = {
  home: () => '',
  archive: () => 'archive/',
  archiveYear: (year: string) => `archive/${year}/`,
  search: () => 'search/',
  searchParts: () => 'search/parts.json',
  feed: () => 'rss.xml',
  day: (day: string) => `${day.replaceAll('-', '/')}/`,
  story: (story: StoryAddress) => `${story.day.replaceAll('-', '/')}/${story.slug}/`,
  people: () => 'people/',
  peopleByCount: () => 'people/by-count/',
  /** A page of the people A to Z (see name-index.ts). */
  peopleByName: (initial: string, page = 1) => (page > 1 ? `people/by-name/${initial}/${page}/` : `people/by-name/${initial}/`),
  person: (slug: string, block?: number) => (block === undefined ? `people/${slug}/` : `people/${slug}/${block}/`),
  personFeed: (slug: string) => `people/${slug}/rss.xml`,
  countries: () => 'countries/',
  countriesByCount: () => 'countries/by-count/',
  country: (slug: string, block?: number) => (block === undefined ? `countries/${slug}/` : `countries/${slug}/${block}/`),
  countryFeed: (slug: string) => `countries/${slug}/rss.xml`,
  worldMap: () => 'maps/world.svg',
  thread: (slug: string) => `threads/${slug}/`,
} as const;
