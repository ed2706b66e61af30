// Every page's share card (see src/lib/cards.ts); a card's page key is its cache key: what it shows.
import type { APIRoute, GetStaticPaths } from 'astro';
import { CARD_ROUTE } from '#integration/card-cache.ts';
import { cardImage, cardKey, drawMissingCards } from '#integration/cards.ts';
import { siteCards } from '#integration/site-cards.ts';
import { plannedPaths } from '#integration/page-plan.ts';
import type { CardFields } from '#lib/cards.ts';

export const getStaticPaths = (async () => {
  const all = (await siteCards()).map(({ path, fields }) => ({
    params: { card: path.slice('cards/'.length, -'.png'.length) },
    props: { path, fields },
    cacheKey: cardKey(fields),
  }));
  const planned = plannedPaths(CARD_ROUTE, all, ({ props }) => props.path);
  await drawMissingCards(planned.map(({ props }) => props.fields));
  return planned;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ fields: CardFields }> = async ({ props }) =>
  new Response(await cardImage(props.fields), { headers: { 'Content-Type': 'image/png' } });
