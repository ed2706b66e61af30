import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex, sitePageKeys } from '#integration/site-index.ts';
import { plannedPaths } from '#integration/page-plan.ts';
import { threadFeed } from '#lib/feeds.ts';
import type { Thread } from '#lib/site-index.ts';
import { paths } from '#lib/urls.ts';

export const getStaticPaths = (async () => {
  const keys = sitePageKeys();
  const all = (await getSiteIndex()).threads.map((thread) => ({
    params: { slug: thread.slug },
    props: { thread },
    cacheKey: keys.thread(thread),
  }));
  return plannedPaths('threads/[slug]/rss.xml', all, ({ props }) => paths.threadFeed(props.thread.slug));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => threadFeed(props.thread as Thread, site);
