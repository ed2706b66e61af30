/**
 * A search as it lives in the address bar: `?q=Tajani&person=Donald+Trump&country=Oman`.
 * Pure functions shared by the search page's script, pages that link to a search, and tests.
 */
import { SEARCH_FILTERS } from './search-facets.ts';
import { paths } from './urls.ts';

export type SearchFilters = Readonly<Record<string, readonly string[] | undefined>>;

export interface SearchState {
  query: string;
  /** Only filters with at least one value; values in the order the reader chose them. */
  filters: SearchFilters;
}

export const QUERY_PARAM = 'q';

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of SEARCH_FILTERS) {
    const values = [...new Set(params.getAll(name).filter((value) => value !== ''))];
    if (values.length > 0) filters[name] = values;
  }
  return { query: (params.get(QUERY_PARAM) ?? '').trim(), filters };
}

/** The query string for a state (with its `?`, or empty), filters in a fixed order so equal searches share one URL. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query !== '') params.set(QUERY_PARAM, query);
  for (const name of SEARCH_FILTERS) {
    for (const value of new Set(state.filters[name] ?? [])) params.append(name, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Site-relative path of the search page showing `state`, e.g. `search/?person=Donald+Trump`. */
export function searchPath(state: SearchState): string {
  return `${paths.search()}${formatSearchState(state)}`;
}

/** Drops empty filter groups, the shape the search UI reports after a box is unticked. */
export function normalizeFilters(filters: SearchFilters): SearchFilters {
  return parseSearchState(formatSearchState({ query: '', filters })).filters;
}

/**
 * Whether moving from `previous` to `next` is the reader still typing the same query (the new
 * query extends or trims the old one, filters untouched): such steps replace the history entry
 * instead of adding one per pause in typing, so Back returns to the previous search.
 */
export function isSameSearchRefined(previous: SearchState, next: SearchState): boolean {
  if (formatSearchState({ ...previous, query: '' }) !== formatSearchState({ ...next, query: '' })) return false;
  const [before, after] = [previous.query.toLowerCase(), next.query.toLowerCase()];
  return before !== '' && after !== '' && (after.startsWith(before) || before.startsWith(after));
}
