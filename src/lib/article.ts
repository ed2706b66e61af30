/**
 * The article as the ingest pipeline writes it and the site reads it: the frontmatter contract
 * of every MDX file in the content collection. `src/content.config.ts` validates it with zod.
 */
export interface ArticleFrontmatter {
  title: string;
  /** The digest day, `YYYY-MM-DD`, taken from the source's dated folder. */
  date: string;
  /** Repo-relative path of the dump plus the line range, e.g. `content/sources/2026-02-07/a.txt#L1-L42`. */
  source: string;
  standfirst?: string;
  caption?: string;
  /** Photo credit named by the caption, such as `Reuters` or `EPA`. */
  credit?: string;
  /** The date the caption gives for the photo, `YYYY-MM-DD`. */
  captionDate?: string;
  people: string[];
  countries: string[];
  captionPeople: string[];
  captionCountries: string[];
  /** Descriptor the article gives each person, keyed by canonical name. */
  roles: Record<string, string>;
}

/** One block of a story body as literal text: what the MDX body of an article file holds. */
export interface StoryBlock {
  kind: 'paragraph' | 'heading';
  text: string;
}

/**
 * An article as the site reads it from the content store: its frontmatter, and the first
 * paragraph of its body, for ledes (the body itself is read when its page renders).
 */
export interface ArticleData extends ArticleFrontmatter {
  opening: string;
}
