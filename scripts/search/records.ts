/**
 * A story as Pagefind indexes it, read straight from its article file: the same text, filters,
 * sort key and result metadata the story page shows, from the same functions, so the index can
 * be built while Astro is still rendering the pages.
 */
import { basename } from 'node:path';
import { readArticle } from '#integration/article-loader.ts';
import { storySearchFacets } from '#lib/search-facets.ts';
import { openingParagraph, storyLede, summary } from '#lib/text.ts';
import { paths } from '#lib/urls.ts';

/** Pagefind's custom record (`index.addCustomRecord`). */
export interface SearchRecord {
  /** Site-relative with a leading slash; the search UI prefixes the base path. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The record of the article file at `file` (project-relative, for errors) holding `contents`.
 *
 * Pagefind quotes a result's excerpt from `content` alone, around its densest run of matches, the
 * earliest on a tie; so `content` is the body only, and a match shows the body passage it is in.
 * Everything else the page holds is metadata, which Pagefind searches too but never quotes: the
 * headline (the result title, whose matches Pagefind ranks highest), the standfirst where the lede
 * does not already hold all of it, the caption, and the names the story is tagged with.
 */
export function storyRecord(file: string, contents: string, language: string): SearchRecord {
  const { frontmatter: article, blocks } = readArticle(contents, file);
  const lede = summary(storyLede(article.standfirst, openingParagraph(blocks)));
  const facets = storySearchFacets(article, lede);
  const names = [...article.people, ...article.countries].join(', ');
  const found: Record<string, string | undefined> = {
    standfirst: article.standfirst === lede ? undefined : article.standfirst,
    caption: article.caption,
    names,
  };
  return {
    url: `/${paths.story({ day: article.date, slug: basename(file, '.mdx') })}`,
    content: blocks.map((block) => block.text).join('\n'),
    language,
    meta: {
      title: article.title,
      ...facets.meta,
      ...Object.fromEntries(Object.entries(found).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')),
    },
    filters: facets.filters,
    sort: facets.sort,
  };
}
