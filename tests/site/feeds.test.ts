import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex, type Story } from '#lib/site-index.ts';
import { FEED_ITEMS, TAG_FEED_ITEMS, storyFeed, tagFeed, tagFeedItems } from '#lib/feeds.ts';
import { siteSettings } from '#lib/settings.ts';
import { tagFeedPath, tagPath } from '#lib/tags.ts';
import { storySummary } from '#lib/text.ts';
import { absoluteUrl, paths } from '#lib/urls.ts';
import { bodyToMdx } from '#ingest/mdx.ts';
import { entry } from './fixtures.ts';

const siteIndex = buildSiteIndex([
  entry({
    title: `Quotes "double" & 'single' <b>not bold</b> ]]>`,
    date: '2026-02-08',
    people: ['Ann & Lee'],
    countries: ["Côte d'Ivoire"],
    body: 'Plain.\n',
  }),
  entry({
    title: 'No tags at all',
    date: '2026-02-08',
    line: 20,
    body: bodyToMdx([
      { kind: 'paragraph', text: `Lede with <i>, {braces} & 'quotes'.`, line: 1 },
      { kind: 'paragraph', text: 'Second.', line: 2 },
    ]),
  }),
  entry({ title: 'An empty body', date: '2026-02-07', people: ['Ann & Lee'], body: '' }),
  ...Array.from({ length: 30 }, (_, index) =>
    entry({ title: `Older ${index}`, date: '2025-12-01', line: index + 1, people: ['Ann & Lee'], countries: ['France'] }),
  ),
]);

/** The feed as @astrojs/rss wrote it before, from the same inputs, less the guids that repeat each link. */
async function astroRss(
  title: string,
  description: string,
  pagePath: string,
  feedPath: string,
  stories: readonly Story[],
  site: URL,
  count = FEED_ITEMS,
  categories = true,
): Promise<string> {
  const settings = siteSettings();
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const xml = await getRssString({
    title,
    description,
    site: absoluteUrl(pagePath, site),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${escapeXml(settings.language)}</language>` +
      `<atom:link href="${escapeXml(absoluteUrl(feedPath, site))}" rel="self" type="application/rss+xml"/>`,
    items: stories.slice(0, count).map((story) => ({
      title: story.title,
      link: absoluteUrl(paths.story(story), site),
      pubDate: new Date(`${story.day}T00:00:00Z`),
      description: storySummary(story),
      categories: categories ? [...story.people, ...story.countries].map((tag) => tag.name) : [],
    })),
  });
  return xml.replace(/<guid isPermaLink="true">[^<]*<\/guid>/g, '');
}

describe('feeds', () => {
  const site = new URL('https://news.example.com');

  it('are byte for byte what @astrojs/rss wrote, for the whole site and for each tag', async () => {
    expect(siteSettings().timeZone).toBe('UTC');
    expect(
      await storyFeed({
        title: 'Site & co',
        description: 'All "the" news',
        pagePath: paths.home(),
        feedPath: paths.feed(),
        stories: siteIndex.stories,
        site,
      }).text(),
    ).toBe(await astroRss('Site & co', 'All "the" news', paths.home(), paths.feed(), siteIndex.stories, site));
    for (const tag of [...siteIndex.people, ...siteIndex.countries]) {
      const title = `${tag.name} · ${siteSettings().title}`;
      expect(await tagFeed(tag, site).text(), tag.name).toBe(
        await astroRss(
          title,
          `The latest stories naming ${tag.name}.`,
          tagPath(tag),
          tagFeedPath(tag),
          tag.stories,
          site,
          tagFeedItems(tag.stories),
          false,
        ),
      );
    }
  });

  it("list a tag's newest three stories, or all of its newest day's when more", () => {
    const story = (day: string) => siteIndex.stories.find((candidate) => candidate.day === day)!;
    expect(tagFeedItems([])).toBe(TAG_FEED_ITEMS);
    expect(tagFeedItems(Array.from({ length: 9 }, (_, index) => story(index < 2 ? '2026-02-08' : '2025-12-01')))).toBe(TAG_FEED_ITEMS);
    expect(tagFeedItems(Array.from({ length: 9 }, (_, index) => story(index < TAG_FEED_ITEMS + 2 ? '2026-02-08' : '2025-12-01')))).toBe(
      TAG_FEED_ITEMS + 2,
    );
    expect(tagFeedItems(Array.from({ length: 8 }, () => story('2026-02-08')))).toBe(8);
  });

  it('write a story the same in every feed and for every site origin it is asked for, with categories only in the whole site feed', async () => {
    const [first] = siteIndex.stories;
    const item = (xml: string) => xml.match(/<item>.*?<\/item>/)?.[0];
    const person = siteIndex.personBySlug.get('ann-lee')!;
    expect(first?.people).toContain(person);
    const feed = (categories: boolean) =>
      storyFeed({ title: 't', description: 'd', pagePath: '', feedPath: 'rss.xml', stories: [first!], categories, site }).text();
    expect(item(await tagFeed(person, site).text())).toBe(item(await feed(false)));
    expect(item(await feed(true))).toContain('<category>Ann &amp; Lee</category>');
    expect(item(await feed(false))).not.toContain('<category>');
    expect(item(await tagFeed(person, new URL('https://other.example')).text())).toContain('https://other.example/2026/02/08/');
  });
});
