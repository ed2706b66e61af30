/** Plain text a story is summed up by, out of its body's blocks (see src/lib/article-loader.ts). */
import type { StoryBlock } from './article.ts';
import type { Story } from './digest.ts';

/** A story's lede: its standfirst, or else the first paragraph of its body. */
export function storyLede(standfirst: string | undefined, blocks: readonly StoryBlock[]): string {
  return standfirst ?? blocks.find((block) => block.kind === 'paragraph')?.text ?? '';
}

/** The story's lede (see storyLede), as digest pages, feeds and the story page's description show it. */
export function lede(story: Story): string {
  return storyLede(story.entry.data.standfirst, story.entry.data.blocks);
}
