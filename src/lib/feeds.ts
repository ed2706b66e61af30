/** RSS 2.0 feeds: the whole site's latest stories, and one feed per person and per country. */
import rss from '@astrojs/rss';
import type { Story, Tag } from './digest.ts';
import { dayStart } from './dates.ts';
import { lede } from './site-index.ts';
import { siteSettings } from './settings.ts';
import { tagFeedPath, tagPath } from './tags.ts';
import { absoluteUrl, paths } from './urls.ts';

interface FeedInput {
  title: string;
  description: string;
  /** Site-relative path of the page the feed follows. */
  pagePath: string;
  /** Site-relative path of the feed itself, announced as its `atom:link rel="self"`. */
  feedPath: string;
  /** Newest first; only the first `storiesPerPage` are listed. */
  stories: readonly Story[];
  site: URL | undefined;
}

export function storyFeed({ title, description, pagePath, feedPath, stories, site }: FeedInput): Promise<Response> {
  const settings = siteSettings();
  const origin = site ?? new URL('http://localhost/');
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return rss({
    title,
    description,
    site: absoluteUrl(pagePath, origin),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${escapeXml(settings.language)}</language>` +
      `<atom:link href="${escapeXml(absoluteUrl(feedPath, origin))}" rel="self" type="application/rss+xml"/>`,
    items: stories.slice(0, settings.storiesPerPage).map((story) => ({
      title: story.title,
      link: absoluteUrl(paths.story(story), origin),
      pubDate: dayStart(story.day, settings.timeZone),
      description: lede(story),
      categories: [...story.people, ...story.countries].map((tag) => tag.name),
    })),
  });
}

export function tagFeed(tag: Tag, site: URL | undefined): Promise<Response> {
  const settings = siteSettings();
  return storyFeed({
    title: `${tag.name} · ${settings.title}`,
    description: `The latest stories naming ${tag.name}.`,
    pagePath: tagPath(tag),
    feedPath: tagFeedPath(tag),
    stories: tag.stories,
    site,
  });
}
