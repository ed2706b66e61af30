/**
 * What one search costs a reader in bytes: opens the search page for a query in a fresh Chromium
 * context (cold cache) and adds up every file fetched from the search bundle, by kind. Used by the
 * benchmark on large archives; runnable on its own:
 *
 *   node tests/search/transfer.ts <dist> [--base /digest/] [--query Kharrazi] [--query 'q=Iran&country=Oman']
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { searchIndexSize } from '#tools/bench/measure.ts';
import { launchChromium } from '#tools/chromium.ts';
import { serveSite } from '#tools/static-server.ts';
import { isSearchBundleFolder } from '#lib/search-parts.ts';

/** Kinds of search-bundle file, told apart by name (see Pagefind's output folder). */
const KINDS = {
  index: /\.pf_index$/,
  fragment: /\.pf_fragment$/,
  filter: /\.pf_filter$/,
  meta: /\.pf_meta$/,
  wasm: /\.pagefind$/,
  code: /\.(js|css)$/,
} as const;
export type BundleKind = keyof typeof KINDS | 'other';

export interface SearchTransfer {
  /** The search as given: a plain query, or a query string such as `q=Iran&country=Oman`. */
  search: string;
  results: number;
  requests: number;
  /** Response body bytes as sent (Pagefind's index files are stored compressed). */
  bytes: Record<BundleKind, number>;
  /** Index chunks plus fragments: the part that grows with the archive and the query. */
  indexAndFragmentBytes: number;
  totalBytes: number;
}

const kindOf = (path: string): BundleKind =>
  (Object.entries(KINDS) as [BundleKind, RegExp][]).find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';

const searchQueryString = (search: string) => (search.includes('=') ? search : new URLSearchParams({ q: search }).toString());

/** Measures each search on a built site served from `dist` under `basePath`. */
export async function measureSearchTransfer(dist: string, searches: readonly string[], basePath = '/'): Promise<SearchTransfer[]> {
  const served = await serveSite(dist, basePath);
  const browser = await launchChromium();
  try {
    const measured: SearchTransfer[] = [];
    for (const search of searches) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const site = new URL(served.url).pathname;
      const finished: Promise<[BundleKind, number]>[] = [];
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        // Every part of the index counts (see src/lib/search-parts.ts).
        if (path.startsWith(site) && isSearchBundleFolder(path.slice(site.length).split('/')[0]!))
          finished.push(request.sizes().then((sizes) => [kindOf(path), sizes.responseBodySize]));
      });
      await page.goto(`${served.url}search/?${searchQueryString(search)}`);
      await page.waitForFunction(() => /\b(\d+|no) results?\b/i.test(document.querySelector('pagefind-summary')?.textContent ?? ''));
      // Results fetch their fragments as they scroll into view; wait for those of the first screen.
      await page.waitForLoadState('networkidle');
      const results = await page.locator('pagefind-results .pf-results > li').count();
      const bytes: Record<BundleKind, number> = { index: 0, fragment: 0, filter: 0, meta: 0, wasm: 0, code: 0, other: 0 };
      const sizes = await Promise.all(finished);
      for (const [kind, size] of sizes) bytes[kind] += size;
      measured.push({
        search,
        results,
        requests: sizes.length,
        bytes,
        indexAndFragmentBytes: bytes.index + bytes.fragment,
        totalBytes: Object.values(bytes).reduce((sum, size) => sum + size, 0),
      });
      await context.close();
    }
    return measured;
  } finally {
    await browser.close();
    await served.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { base: { type: 'string', default: '/' }, query: { type: 'string', multiple: true, default: ['Trump', 'nuclear talks'] } },
  });
  const dist = positionals[0];
  if (dist === undefined) {
    console.error('usage: node tests/search/transfer.ts <dist> [--base /digest/] [--query text]...');
    process.exit(2);
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const index = await searchIndexSize(dist);
  console.log(`search index: ${index.parts} part(s), ${index.files} files, ${kb(index.bytes)} KB`);
  console.log(
    '| search | results | requests | index KB | fragments KB | filters KB | meta KB | wasm KB | code KB | index+fragments KB | total KB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of await measureSearchTransfer(dist, values.query, values.base)) {
    const { bytes } = row;
    console.log(
      `| ${row.search} | ${row.results} | ${row.requests} | ${kb(bytes.index)} | ${kb(bytes.fragment)} | ${kb(bytes.filter)} | ${kb(bytes.meta)} | ${kb(bytes.wasm)} | ${kb(bytes.code)} | ${kb(row.indexAndFragmentBytes)} | ${kb(row.totalBytes)} |`,
    );
  }
}
