/**
 * RSS 2.0 feeds: the whole site's latest stories, and one feed per person and per country.
 * Written here rather than by @astrojs/rss: a story's `<item>` is the same in every feed that
 * lists it, so it is written once per build and shared by the site's feed and each of its
 * people's and countries', rather than building, validating and serialising every feed as an
 * object tree. A test holds the output byte for byte to @astrojs/rss's, but for the `<guid>` it
 * adds: an item's guid would repeat its link, which feed readers take as its id when it has none.
 */
import type { Story, Tag, Thread } from './site-index.ts';
import { dayStartUtc } from './dates.ts';
import { siteSettings } from './settings.ts';
import { tagFeedPath, tagPath } from './tags.ts';
import { storySummary } from './text.ts';
import { absoluteUrl, paths } from './urls.ts';

/** A feed lists the newest stories only: a feed reader polls it for what is new. */
export const FEED_ITEMS = 20;
/**
 * A person's or country's feed has far fewer new stories between polls: their newest few, or all
 * of their newest day's when that is more, so a reader's app that polls once a day misses none.
 */
export const TAG_FEED_ITEMS = 3;

/** How many of a tag's stories its feed lists (stories newest first). */
export function tagFeedItems(stories: readonly Story[]): number {
  const firstOlder = stories.findIndex((story) => story.day !== stories[0]?.day);
  return Math.max(TAG_FEED_ITEMS, firstOlder === -1 ? stories.length : firstOlder);
}

interface FeedInput {
  title: string;
  description: string;
  /** Site-relative path of the page the feed follows. */
  pagePath: string;
  /** Site-relative path of the feed itself, announced as its `atom:link rel="self"`. */
  feedPath: string;
  /** Newest first; only the first `items` are listed. */
  stories: readonly Story[];
  /** How many stories the feed lists; FEED_ITEMS unless given. */
  items?: number;
  /** Whether items list the story's people and countries as categories (the default). */
  categories?: boolean;
  site: URL | undefined;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>'"]/g, (character) => XML_ESCAPES[character] ?? character);
}

/** `<name>text</name>`, escaped; nothing for empty text. */
function element(name: string, text: string): string {
  return text === '' ? '' : `<${name}>${escapeXml(text)}</${name}>`;
}

/** Each story's `<item>`, per site origin (one per build) and with or without its categories. */
const itemsByOrigin = new Map<string, WeakMap<Story, string>>();

function feedItem(story: Story, origin: URL, categories: boolean): string {
  const key = `${categories} ${origin.href}`;
  let items = itemsByOrigin.get(key);
  if (!items) itemsByOrigin.set(key, (items = new WeakMap()));
  let item = items.get(story);
  if (item === undefined) {
    const link = absoluteUrl(paths.story(story), origin);
    item =
      '<item>' +
      element('title', story.title) +
      element('link', link) +
      element('description', storySummary(story)) +
      element('pubDate', dayStartUtc(story.day, siteSettings().timeZone)) +
      (categories ? [...story.people, ...story.countries].map((tag) => element('category', tag.name)).join('') : '') +
      '</item>';
    items.set(story, item);
  }
  return item;
}

export function storyFeed({
  title,
  description,
  pagePath,
  feedPath,
  stories,
  items = FEED_ITEMS,
  categories = true,
  site,
}: FeedInput): Response {
  const settings = siteSettings();
  const origin = site ?? new URL('http://localhost/');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>' +
    element('title', title) +
    element('description', description) +
    element('link', absoluteUrl(pagePath, origin)) +
    element('language', settings.language) +
    `<atom:link href="${escapeXml(absoluteUrl(feedPath, origin))}" rel="self" type="application/rss+xml"/>` +
    stories
      .slice(0, items)
      .map((story) => feedItem(story, origin, categories))
      .join('') +
    '</channel></rss>';
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}

export function tagFeed(tag: Tag, site: URL | undefined): Response {
  const settings = siteSettings();
  return storyFeed({
    title: `${tag.name} · ${settings.title}`,
    description: `The latest stories naming ${tag.name}.`,
    pagePath: tagPath(tag),
    feedPath: tagFeedPath(tag),
    stories: tag.stories,
    items: tagFeedItems(tag.stories),
    // Every item of a person's or country's feed names them; its other names are on the story page.
    categories: false,
    site,
  });
}

/** A thread's feed: every new story of the developing story, whose names are on its page. */
export function threadFeed(thread: Thread, site: URL | undefined): Response {
  const settings = siteSettings();
  return storyFeed({
    title: `${thread.title} · ${settings.title}`,
    description: `The latest stories of the developing story "${thread.title}".`,
    pagePath: paths.thread(thread.slug),
    feedPath: paths.threadFeed(thread.slug),
    stories: thread.stories,
    site,
  });
}
