/**
 * The /search/ page: keeps Pagefind's components and the address bar in step, so a search can
 * be shared, reloaded, and walked back with the Back button.
 */
import { DATE_SORT } from '../../lib/search-facets.ts';
import { pagefindInstance } from './pagefind-components.ts';
import { formatSearchState, isSameSearchRefined, normalizeFilters, parseSearchState, type SearchState } from './url-state.ts';

const instance = await pagefindInstance();

// A typed query ranks by relevance; browsing by filters alone lists the newest stories first.
instance.on('search', (term) => {
  instance.searchSort = term.trim() === '' ? { [DATE_SORT]: 'desc' } : {};
});

function show(state: SearchState): void {
  // The input only mirrors searches it did not start, so a restored query must be written in.
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (input) input.value = state.query;
  instance.triggerSearchWithFilters(state.query, state.filters);
}

// Faceted mode lists every story once loaded; the URL's search, if any, replaces that listing.
await instance.triggerLoad();
const initial = parseSearchState(location.search);
if (formatSearchState(initial) !== '') show(initial);

instance.on('search', (term, filters) => {
  const previous = parseSearchState(location.search);
  const next: SearchState = { query: term.trim(), filters: normalizeFilters(filters) };
  const search = formatSearchState(next);
  if (search === formatSearchState(previous)) return;
  const url = `${location.pathname}${search}`;
  if (isSameSearchRefined(previous, next)) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
});

addEventListener('popstate', () => show(parseSearchState(location.search)));
