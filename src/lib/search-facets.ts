/**
 * What the search index knows about a story besides its text: the filters a reader narrows by,
 * the key results sort on, and the metadata a result shows. One place, so the story pages that
 * tag stories and the search page that reads the tags agree on the names.
 */
import type { ArticleFrontmatter } from './article.ts';
import { longMonth, shortDay } from './dates.ts';

/** Filter names, in the order the search page and its URL (`?person=…&country=…`) list them. */
export const SEARCH_FILTERS = ['person', 'country', 'thread', 'year', 'month'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The sort key stories are ordered by when a reader browses by filter without a query. */
export const DATE_SORT = 'date';

export interface StorySearchFacets {
  /** `thread` only for a story in one: its value is the thread's title. */
  filters: Record<Exclude<SearchFilter, 'thread'>, string[]> & { thread?: string[] };
  /** Sort keys; ISO days sort correctly as text. */
  sort: Record<typeof DATE_SORT, string>;
  /**
   * Shown with each result. Not the thread's slug: Pagefind searches every metadata field, and a
   * slug spells its first story's headline, which would find all the thread's stories.
   */
  meta: { date: string; lede: string };
}

export function storySearchFacets(
  story: Pick<ArticleFrontmatter, 'date' | 'people' | 'countries' | 'thread'>,
  lede: string,
): StorySearchFacets {
  const { thread } = story;
  return {
    filters: {
      person: [...story.people],
      country: [...story.countries],
      ...(thread && { thread: [thread.title] }),
      year: [story.date.slice(0, 4)],
      month: [longMonth(story.date.slice(0, 7))],
    },
    sort: { [DATE_SORT]: story.date },
    meta: { date: shortDay(story.date), lede },
  };
}
