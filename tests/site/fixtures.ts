/** Small hand-made collections for the site's unit and fixture-build tests. */
import type { ArticleFrontmatter } from '#lib/article.ts';
import { parseStoryBody } from '#integration/article-loader.ts';
import type { ArticleEntry } from '#lib/site-index.ts';
import { slugify } from '#lib/slug.ts';
import { openingParagraph } from '#lib/text.ts';

export interface StorySpec {
  title: string;
  date: string;
  people?: string[];
  countries?: string[];
  captionPeople?: string[];
  captionCountries?: string[];
  roles?: Record<string, string>;
  /** Position in its dump, to order a day's stories. */
  line?: number;
  /** The MDX body, whose first paragraph the content loader stores. */
  body?: string;
}

export function frontmatter(spec: StorySpec): ArticleFrontmatter {
  const line = spec.line ?? 1;
  return {
    title: spec.title,
    date: spec.date,
    source: `content/sources/${spec.date}/dump.txt#L${line}-L${line + 9}`,
    people: spec.people ?? [],
    countries: spec.countries ?? [],
    captionPeople: spec.captionPeople ?? [],
    captionCountries: spec.captionCountries ?? [],
    roles: spec.roles ?? {},
  };
}

export function entry(spec: StorySpec): ArticleEntry {
  const id = `${spec.date}/${slugify(spec.title)}`;
  return {
    id,
    data: { ...frontmatter(spec), opening: openingParagraph(parseStoryBody(spec.body ?? `${spec.title} body.\n`, `${id}.mdx`)) },
  };
}
