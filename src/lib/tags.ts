/** Where a person's or country's pages and feed live. */
import type { Tag, TagCount } from './site-index.ts';
import { paths } from './urls.ts';

export function tagPath(tag: Pick<Tag, 'kind' | 'slug'>, page = 1): string {
  return tag.kind === 'person' ? paths.person(tag.slug, page) : paths.country(tag.slug, page);
}

export function tagFeedPath(tag: Pick<Tag, 'kind' | 'slug'>): string {
  return tag.kind === 'person' ? paths.personFeed(tag.slug) : paths.countryFeed(tag.slug);
}

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
  /** 1-based. */
  page: number;
  pageCount: number;
  stories: T['stories'];
}

/**
 * Static paths of `[slug]/[...page]` routes: `slug/` for page 1, then `slug/2/`, `slug/3/`...,
 * each with its cache key (see page-keys.ts).
 */
export function tagPagePaths<T extends Tag>(tags: readonly T[], perPage: number, cacheKey: (tag: T, page: number) => string | undefined) {
  return tags.flatMap((tag) => {
    const pageCount = Math.max(1, Math.ceil(tag.stories.length / perPage));
    return Array.from({ length: pageCount }, (_, index) => ({
      params: { slug: tag.slug, page: index === 0 ? undefined : String(index + 1) },
      props: { tag, page: index + 1, pageCount, stories: tag.stories.slice(index * perPage, (index + 1) * perPage) } as TagPageProps<T>,
      cacheKey: cacheKey(tag, index + 1),
    }));
  });
}
