/**
 * The digest of this build's collection, built once per build and shared by every page
 * (module-level memo: thousands of pages, one pass over the stories).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDigest, type Digest, type Story, type Tag } from './digest.ts';
import { firstParagraph } from './text.ts';

export type Article = CollectionEntry<'articles'>;
export type SiteStory = Story<Article>;
export type SiteTag = Tag<Article>;

let digest: Promise<Digest<Article>> | undefined;

export function getDigest(): Promise<Digest<Article>> {
  digest ??= getCollection('articles').then(buildDigest);
  return digest;
}

const ledes = new WeakMap<Story, string>();

/** The story's standfirst, or else the first paragraph of its body. */
export function lede(story: Story): string {
  let text = ledes.get(story);
  if (text === undefined) {
    text = story.entry.data.standfirst ?? firstParagraph(story.entry.body ?? '', story.entry.filePath ?? story.entry.id);
    ledes.set(story, text);
  }
  return text;
}
