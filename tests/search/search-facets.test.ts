import { describe, expect, it } from 'vitest';
import { storySearchFacets } from '#lib/search-facets.ts';

describe('a story as the search index sees it', () => {
  const facets = storySearchFacets({ date: '2026-02-07', people: ['Donald Trump', 'Smith, John'], countries: ['Oman'] }, 'The lede.');

  it('is filtered by its people and countries exactly as tagged, commas and all', () => {
    expect(facets.filters.person).toEqual(['Donald Trump', 'Smith, John']);
    expect(facets.filters.country).toEqual(['Oman']);
  });

  it('is filtered by its year and month and sorts by its ISO day', () => {
    expect(facets.filters.year).toEqual(['2026']);
    expect(facets.filters.month).toEqual(['February 2026']);
    expect(facets.sort.date).toBe('2026-02-07');
  });

  it('shows its date and lede in results', () => {
    expect(facets.meta).toEqual({ date: '7 Feb 2026', lede: 'The lede.' });
  });

  it('is filtered by the title of the thread it is part of, and holds no slug to be searched', () => {
    expect(facets.filters).not.toHaveProperty('thread');
    const threaded = storySearchFacets(
      { date: '2026-02-07', people: [], countries: [], thread: { slug: 'iran-us-talks', title: 'Iran and the US: talks' } },
      'The lede.',
    );
    expect(threaded.filters.thread).toEqual(['Iran and the US: talks']);
    expect(threaded.meta).toEqual({ date: '7 Feb 2026', lede: 'The lede.' });
  });
});
