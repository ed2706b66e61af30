/**
 * Page keys: a page whose key is unchanged since the last build, rendered by the same code, is
 * kept in `dist/` instead of rendered again (page-plan.ts). So a key must change whenever
 * anything the page shows does. It names every story the page reads, each by its article file's
 * hash (`entry.digest`: Astro calls its content hash a digest) and the names and slugs of the
 * people and countries it links (a tag's name is shared by all of its stories, and a slug may
 * come from the people registry), plus the site-wide inputs of every page. A story without a
 * hash gets no key, and its pages are always rendered.
 */
import { cacheKey } from '#lib/cache-key.ts';
import type { ArticleEntry, Day, Story, Tag, Thread } from '#lib/site-index.ts';
import type { TagPageProps } from '#lib/tags.ts';

export interface PageKeys<E extends ArticleEntry> {
  /** A story page: the story, the day's stories either side of it, its related stories and the size of its thread. */
  story(story: Story<E>, shown: readonly (Story<E> | undefined)[]): string | undefined;
  /** A day's digest page, which marks each story's thread and whether it began that day. */
  day(day: Day<E>): string | undefined;
  /** A thread's page and its feed: all its stories. */
  thread(thread: Thread<E>): string | undefined;
  /** Anything drawn from all of a tag's stories: its main page and its feed. */
  tag(tag: Tag<E>): string | undefined;
  /** One of a tag's pages: the main page as `tag`, a block of older stories by those stories alone. */
  tagPage(page: TagPageProps<Tag<E>>): string | undefined;
  /** A page drawn from counts and names rather than stories' text (the archive, the people A to Z): from all it shows. */
  summary(...shown: unknown[]): string;
}

/** `site` holds what every page shows whatever its data: the site settings. */
export function pageKeys<E extends ArticleEntry>(site: string): PageKeys<E> {
  // Hashed once per story: a tag's key covers all its stories, and a story is on several pages.
  const prints = new WeakMap<Story<E>, string | undefined>();
  const print = (story: Story<E>): string | undefined => {
    if (prints.has(story)) return prints.get(story);
    const { digest: hash } = story.entry;
    const value =
      hash === undefined
        ? undefined
        : cacheKey(String(hash), ...[...story.people, ...story.countries].map((tag) => `${tag.kind} ${tag.slug} ${tag.name}`));
    prints.set(story, value);
    return value;
  };
  const keyOf = (stories: readonly (Story<E> | undefined)[], ...extra: (string | number | undefined)[]) => {
    const storyPrints = stories.map((story) => (story ? print(story) : ''));
    return storyPrints.includes(undefined) ? undefined : cacheKey(site, ...extra, ...storyPrints);
  };
  const tagKeys = new WeakMap<Tag<E>, string | undefined>();
  const tagKey = (tag: Tag<E>) => {
    if (!tagKeys.has(tag)) tagKeys.set(tag, keyOf(tag.stories, tag.kind, tag.name));
    return tagKeys.get(tag);
  };
  return {
    story: (story, shown) => keyOf([story, ...shown], story.thread?.stories.length, story.thread?.firstSeen),
    day: (day) =>
      keyOf(
        day.stories,
        day.day,
        day.previous,
        day.next,
        ...day.stories.map((story) => story.thread && `${story.thread.slug} ${story.thread.firstSeen}`),
      ),
    thread: (thread) => keyOf(thread.stories, thread.slug, thread.title),
    tag: tagKey,
    summary: (...shown) => cacheKey(site, ...shown),
    tagPage: (page) =>
      page.block === undefined
        ? tagKey(page.tag)
        : keyOf(page.stories, page.tag.kind, page.tag.slug, page.tag.name, page.block, page.newer, page.older),
  };
}
