import type { APIRoute } from 'astro';
import { getSiteIndex } from '#integration/site-index.ts';
import { storyFeed } from '#lib/feeds.ts';
import { siteSettings } from '#lib/settings.ts';
import { paths } from '#lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = siteSettings();
  return storyFeed({
    title: settings.title,
    description: settings.description,
    pagePath: paths.home(),
    feedPath: paths.feed(),
    stories: (await getSiteIndex()).stories,
    site,
  });
};
