/**
 * The article as the ingest pipeline writes it and the site reads it: the frontmatter contract
 * of every MDX file in the content collection, declared once as a zod schema. The content
 * collection validates with it, and the pipeline's types are cut from it.
 */
import { z } from 'astro/zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD');
const names = z.array(z.string());

/**
 * Keys in the order article files are written in (the writer follows object order, and parsing
 * with this schema gives that order), so that order is part of the contract.
 */
export const articleFrontmatterSchema = z.object({
  title: z.string().min(1),
  /** The digest day, `YYYY-MM-DD`, taken from the source's dated folder. */
  date: isoDay,
  /** Repo-relative path of the dump plus the line range, e.g. `content/sources/2026-02-07/a.txt#L1-L42`. */
  source: z.string().regex(/#L\d+-L\d+$/, 'expected `<path>#L<first>-L<last>`'),
  people: names,
  countries: names,
  captionPeople: names,
  captionCountries: names,
  /** Descriptor the article gives each person, keyed by canonical name. */
  roles: z.record(z.string(), z.string()),
  standfirst: z.string().optional(),
  caption: z.string().optional(),
  /** Photo credit named by the caption, such as `Reuters` or `EPA`. */
  credit: z.string().optional(),
  /** The date the caption gives for the photo, `YYYY-MM-DD`. */
  captionDate: isoDay.optional(),
  /** The developing story this story is part of, when it has more than one story (`/threads/<slug>/`). */
  thread: z.object({ slug: z.string(), title: z.string() }).optional(),
});
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;

/** What a story's own text gives: the parse stage reads these from its dump. */
export const storyTextSchema = articleFrontmatterSchema.pick({
  title: true,
  standfirst: true,
  caption: true,
  credit: true,
  captionDate: true,
});
export type StoryText = z.infer<typeof storyTextSchema>;

/** The people and countries a story names: the extract and resolve stages give these. */
export const articleTagsSchema = articleFrontmatterSchema.pick({
  people: true,
  countries: true,
  captionPeople: true,
  captionCountries: true,
  roles: true,
});
export type ArticleTags = z.infer<typeof articleTagsSchema>;

/** One block of an article's body, a paragraph or a subheading, as literal text: what the MDX body of an article file holds. */
export interface Block {
  kind: 'paragraph' | 'heading';
  text: string;
}

/**
 * An article as the site reads it from the content store: its frontmatter, and the first
 * paragraph of its body, for ledes (the body itself is read when its page renders).
 */
export const articleDataSchema = articleFrontmatterSchema.extend({
  /** Not frontmatter: the body's first paragraph, read by the loader (src/integration/article-loader.ts). */
  opening: z.string(),
});
export type ArticleData = z.infer<typeof articleDataSchema>;
