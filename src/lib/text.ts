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
