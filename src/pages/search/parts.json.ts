// Every part of the search index (see src/lib/search-parts.ts), for the header search box. Pages
// name only the first part, so they stay the same when the archive grows into another part.
import type { APIRoute } from 'astro';
import { searchBundles } from '#integration/site-index.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await searchBundles()), { headers: { 'Content-Type': 'application/json' } });
