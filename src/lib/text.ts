/** Plain text out of the MDX bodies the ingest pipeline writes. */
import { parseStoryBody } from './article-loader.ts';
import type { Story } from './digest.ts';

/**
 * The body's first paragraph as plain text: the lede shown on digest pages and in feeds. Read
 * with the same reader as the story page (`parseStoryBody`), one blank-line-separated block at a
 * time, so only the blocks up to the lede are parsed.
 */
export function firstParagraph(body: string, file: string): string {
  for (const block of body.split(/\n{2,}/)) {
    const paragraph = parseStoryBody(block, file).find((node) => node.kind === 'paragraph');
    if (paragraph) return paragraph.text;
  }
  return '';
}

/** A story's lede: its standfirst, or else the first paragraph of its body. */
export function storyLede(standfirst: string | undefined, body: string, file: string): string {
  return standfirst ?? firstParagraph(body, file);
}

const ledes = new WeakMap<Story, string>();

/** The story's lede (see storyLede), read once per build. */
export function lede(story: Story): string {
  let text = ledes.get(story);
  if (text === undefined) {
    text = storyLede(story.entry.data.standfirst, story.entry.body ?? '', story.entry.filePath ?? story.entry.id);
    ledes.set(story, text);
  }
  return text;
}
