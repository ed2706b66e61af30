/**
 * The slice of Pagefind's Component UI (`pagefind-component-ui.js`, written by the indexer next
 * to the index) that the site's scripts drive. It is loaded as a classic script, so it is reached
 * through the global it defines rather than imported.
 */
import type { SearchFilters } from '#lib/search-url.ts';

/** Another part of the index for an instance to search too (Pagefind's `mergeIndex`). */
interface MergedIndex {
  bundlePath: string;
  baseUrl: string;
}

export interface PagefindInstance {
  /** Takes effect only before the instance loads. */
  applyOptions(options: { mergeIndex: MergedIndex[] }): void;
  /** Sort applied to every search; empty means by relevance. */
  searchSort: Record<string, 'asc' | 'desc'>;
  on(event: 'search', callback: (term: string, filters: SearchFilters) => void): void;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: SearchFilters): void;
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
  instance.applyOptions({ mergeIndex: bundles.slice(1).map((bundlePath) => ({ bundlePath, baseUrl })) });
}
