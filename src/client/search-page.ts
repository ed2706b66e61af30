/**
 * The /search/ page: keeps Pagefind's components and the address bar in step, so a search can
 * be shared, reloaded, and walked back with the Back button.
 */
import { DATE_SORT } from '#lib/search-facets.ts';
import { formatSearchState, isSameSearchRefined, normalizeFilters, parseSearchState, type SearchState } from '#lib/search-url.ts';
import { pagefindInstance, searchAllParts, type PagefindResultsElement } from './pagefind-components.ts';
import { renderResult } from './search-result.ts';

const instance = await pagefindInstance();
// Set before the first search: each result's people and countries are in its filters, which
// Pagefind's script templates cannot read.
const results = document.querySelector<PagefindResultsElement>('pagefind-results');
if (results) results.resultTemplate = renderResult;
const config = document.querySelector<HTMLElement>('pagefind-config');
searchAllParts(instance, JSON.parse(config?.dataset.bundles ?? '[]') as string[], config?.getAttribute('base-url') ?? '/');
let loaded = false;

instance.on('search', (term, filters) => {
  // A typed query ranks by relevance; browsing by filters alone lists the newest stories first.
  instance.searchSort = term.trim() === '' ? { [DATE_SORT]: 'desc' } : {};

  const previous = parseSearchState(location.search);
  const next: SearchState = { query: term.trim(), filters: normalizeFilters(filters) };
  const search = formatSearchState(next);
  // The listing faceted mode starts by itself on load must not erase the search in the URL.
  if (search === formatSearchState(previous) || (!loaded && search === '')) return;
  const url = `${location.pathname}${search}`;
  if (isSameSearchRefined(previous, next)) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
});

function show(state: SearchState): void {
  // The input only mirrors searches it did not start, so a restored query must be written in.
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (input) input.value = state.query;
  instance.triggerSearchWithFilters(state.query, state.filters);
}

await instance.triggerLoad();
loaded = true;
// Shown after loading so it is the latest search: it wins over the listing started on load and
// re-runs anything typed meanwhile. What is in the box wins over the URL: a query typed while
// the index loaded may not have reached the URL yet, and must not be overwritten by an older one.
const typed = document.querySelector<HTMLInputElement>('pagefind-input input')?.value.trim() ?? '';
const initial = parseSearchState(location.search);
const latest = typed === '' ? initial : { ...initial, query: typed };
if (formatSearchState(latest) !== '') show(latest);

addEventListener('popstate', () => show(parseSearchState(location.search)));
