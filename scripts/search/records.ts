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
 * The text is what the page's article holds: headline, standfirst, caption, body, and the names
 * it is tagged with. Its headline is also the result title, which Pagefind ranks matches in.
 */
export function storyRecord(file: string, contents: string, language: string): SearchRecord {
  const { frontmatter: article, blocks } = readArticle(contents, file);
  const facets = storySearchFacets(article, summary(storyLede(article.standfirst, openingParagraph(blocks))));
  const text = [
    article.title,
    article.standfirst,
    article.caption,
    ...blocks.map((block) => block.text),
    ...article.people,
    ...article.countries,
  ];
  return {
    url: `/${paths.story({ day: article.date, slug: basename(file, '.mdx') })}`,
    content: text.filter((part) => part !== undefined && part !== '').join('\n'),
    language,
    meta: { title: article.title, ...facets.meta },
    filters: facets.filters,
    sort: facets.sort,
  };
}
