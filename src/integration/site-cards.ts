/**
 * The site's cards, from the build's site index: apart from cards.ts, which tests load without
 * Astro's content modules.
 */
import { dayCard, storyCard, tagCard, threadCard, type Card } from '#lib/cards.ts';
import { siteSettings } from '#lib/settings.ts';
import { getSiteIndex } from './site-index.ts';

/** Every card of the site: one per story, day, person, country and thread. */
export async function siteCards(): Promise<Card[]> {
  const siteIndex = await getSiteIndex();
  const site = siteSettings().title;
  return [
    ...siteIndex.stories.map((story) => storyCard(story, site)),
    ...siteIndex.days.map((day) => dayCard(day, site)),
    ...[...siteIndex.people, ...siteIndex.countries].map((tag) => tagCard(tag, site)),
    ...siteIndex.threads.map((thread) => threadCard(thread, site)),
  ];
}
