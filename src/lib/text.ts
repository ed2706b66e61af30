/** Plain text a story is summed up by (see src/integration/article-loader.ts for how bodies are read). */
import type { Block } from './article.ts';
import type { Story } from './site-index.ts';

/** A story body's first paragraph, or '' when it has none: all the content store keeps of a body. */
export function openingParagraph(blocks: readonly Block[]): string {
  return blocks.find((block) => block.kind === 'paragraph')?.text ?? '';
}

/** A story's lede: its standfirst, or else the first paragraph of its body. */
export function storyLede(standfirst: string | undefined, opening: string): string {
  return standfirst ?? opening;
}

/** The story's lede (see storyLede), as digest pages, feeds and the story page's description show it. */
export function lede(story: Story): string {
  return storyLede(story.entry.data.standfirst, story.entry.data.opening);
}

/** The longest a summary gets: about what search results and link previews show of a description. */
export const SUMMARY_LENGTH = 160;

/**
 * Text cut to at most SUMMARY_LENGTH characters, for a page's description and feed items: whole
 * sentences when the first fits, else whole words and an ellipsis.
 */
export function summary(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text;
  const head = text.slice(0, SUMMARY_LENGTH + 1);
  const sentenceEnd = Math.max(...[...head.matchAll(/[.!?]["'’”)]?(?=\s)/g)].map((match) => match.index + match[0].length));
  if (sentenceEnd > 0) return head.slice(0, sentenceEnd);
  const wordEnd = head.slice(0, SUMMARY_LENGTH).lastIndexOf(' ');
  // A cut inside a word keeps no half of a surrogate pair.
  const cut = wordEnd > 0 ? head.slice(0, wordEnd) : head.slice(0, SUMMARY_LENGTH - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.replace(/[\s,;:–-]+$/, '')}…`;
}

/** A story's lede as a summary (see summary), for its page's description and its feed items. */
export function storySummary(story: Story): string {
  return summary(lede(story));
}
