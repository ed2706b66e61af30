/** Where a person's or country's pages and feed live. */
import type { Tag, TagCount } from './site-index.ts';
import { paths } from './urls.ts';

/** A tag's main page, or with `block` one of its fixed pages of older stories (see tagPagePaths). */
export function tagPath(tag: Pick<Tag, 'kind' | 'slug'>, block?: number): string {
  return tag.kind === 'person' ? paths.person(tag.slug, block) : paths.country(tag.slug, block);
}

export function tagFeedPath(tag: Pick<Tag, 'kind' | 'slug'>): string {
  return tag.kind === 'person' ? paths.personFeed(tag.slug) : paths.countryFeed(tag.slug);
}

/**
 * How many of a story's people, and of its countries, a list of stories shows (digest pages,
 * search results): its leading names; the story's page has them all.
 */
export const TAGS_SHOWN = 3;

/** How many names a tag page's "named with" lists show, most shared first. */
const NAMED_WITH_SHOWN = 10;

/**
 * The names a tag shares two or more stories with, most shared first: one shared story says no
 * more than that story's own page does.
 */
export function oftenNamedWith<T extends TagCount>(counts: readonly T[]): T[] {
  return counts.filter((tagCount) => tagCount.count >= 2).slice(0, NAMED_WITH_SHOWN);
}

export interface TagPageProps<T extends Tag = Tag> {
  tag: T;
  /** Undefined on the tag's main page; else the block's number, 1 for the oldest. */
  block: number | undefined;
  stories: T['stories'];
  /** Blocks either side: `newer` undefined means the main page. */
  newer: number | undefined;
  older: number | undefined;
}

/**
 * The pages of a tag's stories. Older stories sit in fixed blocks of `perPage`, numbered from the
 * oldest (`slug/1/`, `slug/2/`...), so a block once full never changes as stories are added and
 * a new day re-renders only the tag's main page. The main page (`slug/`) holds the rest, newest
 * first: between `perPage` and twice that less one, or all of them on a tag with fewer.
 */
export function tagPages<T extends Tag>(tag: T, perPage: number): TagPageProps<T>[] {
  const count = tag.stories.length;
  const blocks = Math.max(0, Math.floor(count / perPage) - 1);
  const main: TagPageProps<T> = {
    tag,
    block: undefined,
    stories: tag.stories.slice(0, count - blocks * perPage),
    newer: undefined,
    older: blocks || undefined,
  };
  return [
    main,
    ...Array.from({ length: blocks }, (_, index): TagPageProps<T> => {
      const block = index + 1;
      return {
        tag,
        block,
        // tag.stories is newest first: block 1 is its last `perPage`.
        stories: tag.stories.slice(count - block * perPage, count - (block - 1) * perPage),
        newer: block < blocks ? block + 1 : undefined,
        older: block > 1 ? block - 1 : undefined,
      };
    }),
  ];
}

/** Static paths of `[slug]/[...page]` routes, each with its cache key (see page-keys.ts). */
export function tagPagePaths<T extends Tag>(tags: readonly T[], perPage: number, cacheKey: (page: TagPageProps<T>) => string | undefined) {
  return tags.flatMap((tag) =>
    tagPages(tag, perPage).map((page) => ({
      params: { slug: tag.slug, page: page.block === undefined ? undefined : String(page.block) },
      props: page,
      cacheKey: cacheKey(page),
    })),
  );
}
