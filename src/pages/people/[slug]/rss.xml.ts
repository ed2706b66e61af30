import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex, sitePageKeys } from '#integration/site-index.ts';
import { tagFeed } from '#lib/feeds.ts';
import type { Tag } from '#lib/site-index.ts';
import { tagFeedPath } from '#lib/tags.ts';
import { plannedPaths } from '#integration/page-plan.ts';

export const getStaticPaths = (async () => {
  const keys = sitePageKeys();
  const all = (await getSiteIndex()).people.map((tag) => ({ params: { slug: tag.slug }, props: { tag }, cacheKey: keys.tag(tag) }));
  return plannedPaths('people/[slug]/rss.xml', all, ({ props }) => tagFeedPath(props.tag));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => tagFeed(props.tag as Tag, site);
