// The flag of every country that has a page; each is drawn from code alone, so its cache key is its code.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '#integration/site-index.ts';
import { flagPath, flagSvg } from '#lib/flags.ts';
import { plannedPaths } from '#integration/page-plan.ts';

export const getStaticPaths = (async () => {
  const all = (await getSiteIndex()).countries.flatMap((tag) =>
    tag.country ? [{ params: { code: tag.country.code.toLowerCase() }, cacheKey: tag.country.code }] : [],
  );
  return plannedPaths('flags/[code].svg', all, ({ params }) => flagPath(params.code));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await flagSvg(params.code ?? ''), { headers: { 'Content-Type': 'image/svg+xml' } });
