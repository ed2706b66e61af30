import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_FILTERS } from '#lib/search-facets.ts';
import {
  formatSearchState,
  isSameSearchRefined,
  normalizeFilters,
  parseSearchState,
  searchPath,
  type SearchState,
} from '#lib/search-url.ts';

/** Any query and filter values a reader could type or a tag could hold: spaces, &, =, +, %, emoji. */
const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((text) => text.trim() !== '');
const state: fc.Arbitrary<SearchState> = fc.record({
  query: fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => text.trim()),
  filters: fc
    .dictionary(fc.constantFrom(...SEARCH_FILTERS), fc.uniqueArray(value, { minLength: 1, maxLength: 3 }), { noNullPrototype: true })
    .map((filters) => filters as SearchState['filters']),
});

describe('search state in the URL', () => {
  it('reads back every search it writes', () => {
    fc.assert(
      fc.property(state, (written) => {
        expect(parseSearchState(formatSearchState(written))).toEqual(written);
      }),
    );
  });

  it('gives equal searches one URL whatever order the filters were chosen in', () => {
    expect(formatSearchState({ query: 'Iran', filters: { country: ['Oman'], person: ['Donald Trump'] } })).toBe(
      formatSearchState({ query: 'Iran', filters: { person: ['Donald Trump'], country: ['Oman'] } }),
    );
  });

  it('writes a readable query string for a shared link', () => {
    expect(formatSearchState({ query: 'nuclear talks', filters: { person: ['Steve Witkoff'], country: ['Israel'] } })).toBe(
      '?q=nuclear+talks&person=Steve+Witkoff&country=Israel',
    );
    expect(formatSearchState({ query: '  ', filters: {} })).toBe('');
  });

  it('lists the thread filter after country, in the order of SEARCH_FILTERS', () => {
    expect(formatSearchState({ query: '', filters: { month: ['February 2026'], thread: ['Iran talks'], country: ['Oman'] } })).toBe(
      '?country=Oman&thread=Iran+talks&month=February+2026',
    );
    expect(parseSearchState('?thread=Iran+talks').filters).toEqual({ thread: ['Iran talks'] });
  });

  it('links a person or country page to the search pre-filtered on them', () => {
    expect(searchPath({ query: '', filters: { person: ['Donald Trump'] } })).toBe('search/?person=Donald+Trump');
    expect(searchPath({ query: '', filters: { country: ['Côte d’Ivoire'] } })).toBe('search/?country=C%C3%B4te+d%E2%80%99Ivoire');
  });

  it('ignores unknown parameters, empty values and repeats', () => {
    expect(parseSearchState('?q=+Tajani+&utm_source=x&person=&person=A&person=A&colour=red')).toEqual({
      query: 'Tajani',
      filters: { person: ['A'] },
    });
  });

  it('drops filter groups left empty when a box is unticked', () => {
    expect(normalizeFilters({ person: [], country: ['Oman'] })).toEqual({ country: ['Oman'] });
  });

  it('treats typing on in the same query as one history entry, and anything else as a new one', () => {
    const search = (query: string, filters: SearchState['filters'] = {}): SearchState => ({ query, filters });
    expect(isSameSearchRefined(search('Khar'), search('Kharrazi'))).toBe(true);
    expect(isSameSearchRefined(search('Kharrazi'), search('Khar'))).toBe(true);
    expect(isSameSearchRefined(search('Kharrazi'), search('Tajani'))).toBe(false);
    expect(isSameSearchRefined(search(''), search('Tajani'))).toBe(false);
    expect(isSameSearchRefined(search('Iran'), search('Iran', { country: ['Oman'] }))).toBe(false);
  });
});
