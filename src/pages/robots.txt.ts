// Where crawlers find the sitemap: the one place they look for it, rather than a tag on every page.
import type { APIRoute } from 'astro';
import { absoluteUrl } from '#lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('sitemap-index.xml', site ?? 'http://localhost/')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
