/**
 * The site index of this build's collection, built once per build and shared by every page
 * (module-level memo: thousands of pages, one pass over the stories).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDigest, type Digest, type Story, type Tag } from './digest.ts';
import { pageKeys, type PageKeys } from '#integration/page-keys.ts';
import { searchBundlePaths } from './search-parts.ts';
import { siteSettings } from './settings.ts';
import { href } from './urls.ts';

// Pages take a story's lede from here, with the rest of the digest.
export { lede } from './text.ts';

export type Article = CollectionEntry<'articles'>;
export type SiteStory = Story<Article>;
export type SiteTag = Tag<Article>;

let digest: Promise<Digest<Article>> | undefined;

export function getDigest(): Promise<Digest<Article>> {
  digest ??= getCollection('articles').then(buildDigest);
  return digest;
}

/** URLs of the search index's parts (see search-parts.ts), the first holding Pagefind's UI. */
export async function searchBundles(): Promise<string[]> {
  return searchBundlePaths((await getDigest()).stories.length, siteSettings().searchPartStories).map(href);
}

let keys: PageKeys<Article> | undefined;

/**
 * This build's page cache keys (see page-keys.ts). The settings are what every page shows
 * besides its stories; Astro itself compares the config, the code and the lockfile.
 */
export function sitePageKeys(): PageKeys<Article> {
  keys ??= pageKeys(JSON.stringify(siteSettings()));
  return keys;
}
