/**
 * The headers each file of the built site is published with to an object store behind a CDN
 * (scripts/deploy-s3.ts): files whose name carries a hash of their content are cached for a
 * year, as a changed file gets a new name; every other file is checked with the store on each
 * request, so a new day shows at once.
 */
import { lookup } from 'mrmime';
import { isSearchBundleFolder } from './search-parts.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Astro's assets (`_astro/`) and Pagefind's index files (`.pf_fragment`, `.pf_index`,
 * `.pf_filter`, `.pf_meta`, named by their hash; its entry file and scripts are not).
 */
export function isContentHashed(key: string): boolean {
  const [top = '', ...rest] = key.split('/');
  if (top === '_astro') return rest.length > 0;
  return isSearchBundleFolder(top) && /\.pf_(?:fragment|index|filter|meta)$/.test(key);
}

export interface ObjectHeaders {
  ContentType: string;
  CacheControl: string;
}

/** The headers of the object at `key` (a path inside dist/, e.g. `2026/02/07/index.html`). */
export function objectHeaders(key: string): ObjectHeaders {
  const type = lookup(key) ?? 'application/octet-stream';
  return {
    ContentType: type.startsWith('text/') ? `${type}; charset=utf-8` : type,
    CacheControl: isContentHashed(key) ? IMMUTABLE : REVALIDATE,
  };
}
