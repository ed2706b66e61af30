/**
 * The slice of Pagefind's Component UI (`pagefind-component-ui.js`, written by the indexer next
 * to the index) that the site's scripts drive. It is loaded as a classic script, so it is reached
 * through the global it defines rather than imported.
 */
import { SEARCH_RANKING } from '#lib/search-ranking.ts';
import type { SearchFilters } from '#lib/search-url.ts';

/** Another part of the index for an instance to search too (Pagefind's `mergeIndex`). */
interface MergedIndex {
  bundlePath: string;
  baseUrl: string;
  ranking?: typeof SEARCH_RANKING;
}

export interface PagefindInstance {
  /** Takes effect only before the instance loads. */
  applyOptions(options: { mergeIndex: MergedIndex[]; ranking?: typeof SEARCH_RANKING }): void;
  /** Sort applied to every search; empty means by relevance. */
  searchSort: Record<string, 'asc' | 'desc'>;
  on(event: 'search', callback: (term: string, filters: SearchFilters) => void): void;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: SearchFilters): void;
}

/** What a result's fragment holds once loaded (`result.data()`), as the results element hands it to its template. */
export interface PagefindResultData {
  /** The story's address, with the base path. */
  url: string;
  /** Pagefind's excerpt: text with `<` and `>` escaped, and `<mark>` around each match. */
  excerpt: string;
  meta: Readonly<Record<string, string | undefined>>;
  filters: Readonly<Record<string, readonly string[] | undefined>>;
}

/** `<pagefind-results>`: a template function set here renders each result instead of its script template. */
export interface PagefindResultsElement extends HTMLElement {
  resultTemplate: ((data: PagefindResultData) => Element) | null;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

/** A search instance (the search page's is `default`), once the Component UI script has run. */
export async function pagefindInstance(name = 'default'): Promise<PagefindInstance> {
  // The script defines its elements and then, in the same task, its global.
  await customElements.whenDefined('pagefind-config');
  const components = window.PagefindComponents;
  if (!components) throw new Error('Pagefind Component UI did not load');
  return components.getInstanceManager().getInstance(name);
}

/**
 * Points `instance` at every part of the search index (see src/lib/search-parts.ts): `bundles`
 * is the parts' URLs as the page lists them, the first being the instance's own bundle.
 */
export function searchAllParts(instance: PagefindInstance, bundles: readonly string[], baseUrl: string): void {
  // Each part ranks its own results, so each is given the ranking.
  instance.applyOptions({
    ranking: SEARCH_RANKING,
    mergeIndex: bundles.slice(1).map((bundlePath) => ({ bundlePath, baseUrl, ranking: SEARCH_RANKING })),
  });
}
