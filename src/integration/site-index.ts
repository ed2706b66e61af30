/**
 * The site index of this build's collection, built once per build and shared by every page
 * (module-level memo: thousands of pages, one pass over the stories).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSiteIndex, type SiteIndex, type Story, type Tag } from '#lib/site-index.ts';
import { searchBundlePaths } from '#lib/search-parts.ts';
import { siteSettings } from '#lib/settings.ts';
import { href } from '#lib/urls.ts';
import { pageKeys, type PageKeys } from './page-keys.ts';

// Pages take a story's lede from here, with the rest of the site index.
export { lede, storySummary } from '#lib/text.ts';

export type Article = CollectionEntry<'articles'>;
export type SiteStory = Story<Article>;
export type SiteTag = Tag<Article>;

let siteIndex: Promise<SiteIndex<Article>> | undefined;

export function getSiteIndex(): Promise<SiteIndex<Article>> {
  siteIndex ??= getCollection('articles').then(buildSiteIndex);
  return siteIndex;
}

/** URLs of the search index's parts (see search-parts.ts), the first holding Pagefind's UI. */
export async function searchBundles(): Promise<string[]> {
  return searchBundlePaths((await getSiteIndex()).stories.length, siteSettings().searchPartStories).map(href);
}

let keys: PageKeys<Article> | undefined;

/**
 * This build's page cache keys (see page-keys.ts). The settings are what every page shows
 * besides its stories, less the host's limits and the publisher's names, which no page shows
 * (the names reach the pages through the articles' tags); Astro itself compares the config, the
 * code and the lockfile.
 */
export function sitePageKeys(): PageKeys<Article> {
  keys ??= pageKeys(JSON.stringify({ ...siteSettings(), host: undefined, publisherNames: undefined }));
  return keys;
}
