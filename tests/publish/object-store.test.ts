import { describe, expect, it } from 'vitest';
import { IMMUTABLE, objectHeaders, REVALIDATE } from '#lib/object-store.ts';

describe('the headers a file is published to the bucket with', () => {
  it.each([
    ['_astro/Base.B_mDwX-P.css', 'text/css; charset=utf-8'],
    ['_astro/search.astro_astro_type_script_index_0_lang.b6ZbpuiL.js', 'text/javascript; charset=utf-8'],
    ['pagefind/fragment/en_group_163bc14.pf_fragment', 'application/octet-stream'],
    ['pagefind-3/index/en_3627f53.pf_index', 'application/octet-stream'],
    ['pagefind/filter/en_21b145a.pf_filter', 'application/octet-stream'],
    ['pagefind/pagefind.en_58cc749aaf.pf_meta', 'application/octet-stream'],
  ])('caches %s, named by its hash, for a year', (key, type) => {
    expect(objectHeaders(key)).toEqual({ ContentType: type, CacheControl: IMMUTABLE });
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['2026/02/07/council-approves-new-bridge/index.html', 'text/html; charset=utf-8'],
    ['404.html', 'text/html; charset=utf-8'],
    ['rss.xml', 'text/xml; charset=utf-8'],
    ['sitemap-index.xml', 'text/xml; charset=utf-8'],
    ['search/parts.json', 'application/json'],
    ['pagefind/pagefind-entry.json', 'application/json'],
    ['pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream'],
    ['maps/world.svg', 'image/svg+xml'],
    ['favicon.svg', 'image/svg+xml'],
    // Pagefind's file types outside a search bundle are not its hashed files.
    ['people/ann-lee/notes.pf_fragment', 'application/octet-stream'],
    ['_astro', 'application/octet-stream'],
  ])('has %s revalidated on every request', (key, type) => {
    expect(objectHeaders(key)).toEqual({ ContentType: type, CacheControl: REVALIDATE });
  });
});
