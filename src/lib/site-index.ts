/**
 * The digest of this build's collection, built once per build and shared by every page
 * (module-level memo: thousands of pages, one pass over the stories).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDigest, type Digest, type Story, type Tag } from './digest.ts';
import { storyLede } from './text.ts';
import { searchBundlePaths } from './search-parts.ts';
import { siteSettings } from './settings.ts';
import { href } from './urls.ts';

export type Article = CollectionEntry<'articles'>;
export type SiteStory = Story<Article>;
export type SiteTag = Tag<Article>;

let digest: Promise<Digest<Article>> | undefined;

export function getDigest(): Promise<Digest<Article>> {
  digest ??= getCollection('articles').then(buildDigest);
  return digest;
}

const ledes = new WeakMap<Story, string>();

/** The story's lede (see storyLede), read once per build. */
export function lede(story: Story): string {
  let text = ledes.get(story);
  if (text === undefined) {
    text = storyLede(story.entry.data.standfirst, story.entry.body ?? '', story.entry.filePath ?? story.entry.id);
    ledes.set(story, text);
  }
  return text;
}

/** URLs of the search index's parts (see search-parts.ts), the first holding Pagefind's UI. */
export async function searchBundles(): Promise<string[]> {
  return searchBundlePaths((await getDigest()).stories.length, siteSettings().searchPartStories).map(href);
}
