/** Runs hand-written stories through the real ingest pipeline and returns what the names stage gave each. */
import type { ArticleFrontmatter } from '#lib/article.ts';
import { defaultNameStage, type NameStage } from '#ingest/names/stage.ts';
import { ingestSources } from '#ingest/pipeline.ts';

/** A story published on a day of its own, not the default 2026-01-01. */
export interface DatedStory {
  date: string;
  text: string;
}

/** Each text becomes its own dump (one story per file, as in a plain dump), in order. */
export function ingestStories(texts: readonly (string | DatedStory)[], stage: NameStage = defaultNameStage()): ArticleFrontmatter[] {
  const sources = texts.map((story, index) => {
    const { date, text } = typeof story === 'string' ? { date: '2026-01-01', text: story } : story;
    return { path: `content/sources/${date}/story-${index}.txt`, date, bytes: new TextEncoder().encode(text) };
  });
  const result = ingestSources(sources, undefined, stage);
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.articles.map((article) => article.frontmatter);
}

/** A story in the news site's layout, where the photo caption is the doubled line under the headline. */
export function captionedStory(headline: string, caption: string, paragraphs: readonly string[]): string {
  return [
    headline,
    '',
    caption,
    caption,
    'TT',
    '',
    headline,
    '',
    caption,
    caption,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
  ].join('\n');
}
