import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSearchBundleFolder, searchBundlePaths, searchPartCount, searchParts } from '../../src/lib/search-parts.ts';

describe('search index parts', () => {
  it('cut the stories, oldest first, into full parts and one last part, losing none', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (stories, perPart) => {
        const parts = searchParts(stories, perPart);
        expect(parts.flat()).toEqual(stories);
        expect(parts).toHaveLength(searchPartCount(stories.length, perPart));
        expect(parts.slice(0, -1).every((part) => part.length === perPart)).toBe(true);
        expect(parts.at(-1)!.length).toBeLessThanOrEqual(perPart);
      }),
    );
  });

  it('keep a full part the same when stories are added after it', () => {
    const before = searchParts([1, 2, 3, 4, 5], 2);
    const after = searchParts([1, 2, 3, 4, 5, 6, 7], 2);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('give one folder per part, the first the one holding the search UI', () => {
    expect(searchBundlePaths(0, 5000)).toEqual(['pagefind/']);
    expect(searchBundlePaths(10_001, 5000)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/']);
  });

  it('recognise their own folders and nothing else', () => {
    for (const path of searchBundlePaths(50, 7)) expect(isSearchBundleFolder(path.slice(0, -1))).toBe(true);
    for (const name of ['pagefind-0', 'pagefind-02', 'pagefinder', 'people', 'pagefind-x']) expect(isSearchBundleFolder(name)).toBe(false);
  });
});
