import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex, sitePageKeys } from '#integration/site-index.ts';
import { tagFeed } from '#lib/feeds.ts';
import type { Tag } from '#lib/site-index.ts';

export const getStaticPaths = (async () => {
  const keys = sitePageKeys();
  return (await getSiteIndex()).countries.map((tag) => ({ params: { slug: tag.slug }, props: { tag }, cacheKey: keys.tag(tag) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => tagFeed(props.tag as Tag, site);
