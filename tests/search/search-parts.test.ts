import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSearchBundleFolder, searchBundlePaths, searchPartCount, searchParts } from '#lib/search-parts.ts';

describe('search index parts', () => {
  it('cut the stories, oldest first, into full parts, then parts of a fifth that size, then one smaller, losing none', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 80 }), fc.integer({ min: 1, max: 25 }), (stories, perPart) => {
        const parts = searchParts(stories, perPart);
        const newestSize = Math.max(1, Math.floor(perPart / 5));
        expect(parts.flat()).toEqual(stories);
        expect(parts).toHaveLength(searchPartCount(stories.length, perPart));
        const full = Math.floor(stories.length / perPart);
        expect(parts.slice(0, full).every((part) => part.length === perPart)).toBe(true);
        expect(parts.slice(full, -1).every((part) => part.length === newestSize)).toBe(true);
        expect(parts.slice(full).every((part) => part.length <= newestSize)).toBe(true);
        expect(parts.slice(0, -1).every((part) => part.length > 0)).toBe(true);
      }),
    );
  });

  it('re-index fewer than a fifth of a part plus the added stories, unless these fill a part', () => {
    fc.assert(
      fc.property(fc.nat({ max: 80 }), fc.nat({ max: 10 }), fc.integer({ min: 1, max: 25 }), (count, added, perPart) => {
        const stories = Array.from({ length: count + added }, (_, index) => index);
        const before = searchParts(stories.slice(0, count), perPart);
        const after = searchParts(stories, perPart);
        // Parts are cached by their stories: a part in both cuts is not indexed again.
        const kept = new Set(before.map((part) => part.join()));
        const reindexed = after.filter((part) => !kept.has(part.join())).reduce((sum, part) => sum + part.length, 0);
        const fillsAPart = Math.floor((count + added) / perPart) > Math.floor(count / perPart);
        if (!fillsAPart) expect(reindexed).toBeLessThan(Math.max(1, Math.floor(perPart / 5)) + added);
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
    expect(searchBundlePaths(12_500, 5000)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/', 'pagefind-5/']);
  });

  it('recognise their own folders and nothing else', () => {
    for (const path of searchBundlePaths(50, 7)) expect(isSearchBundleFolder(path.slice(0, -1))).toBe(true);
    for (const name of ['pagefind-0', 'pagefind-02', 'pagefinder', 'people', 'pagefind-x']) expect(isSearchBundleFolder(name)).toBe(false);
  });
});
