/**
 * The slice of Pagefind's Component UI (`pagefind-component-ui.js`, written by the indexer next
 * to the index) that the site's scripts drive. It is loaded as a classic script, so it is reached
 * through the global it defines rather than imported.
 */
import type { SearchFilters } from '../../lib/search-url.ts';

export interface PagefindInstance {
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

/** The default search instance, once the Component UI script has run. */
export async function pagefindInstance(): Promise<PagefindInstance> {
  // The script defines its elements and then, in the same task, its global.
  await customElements.whenDefined('pagefind-config');
  const components = window.PagefindComponents;
  if (!components) throw new Error('Pagefind Component UI did not load');
  return components.getInstanceManager().getInstance('default');
}
