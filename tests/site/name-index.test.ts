import { describe, expect, it } from 'vitest';
import { initialOf, namePages, OTHER_INITIAL } from '#lib/name-index.ts';
import { archiveYears, buildSiteIndex } from '#lib/site-index.ts';
import { entry } from './fixtures.ts';

const NAMES = ['Ann Lee', 'Östen Berg', 'Bo Chan', 'Maria Abad', 'Mark Hale', 'Max Ito', 'Mo Zee', '50 Cent'];
const siteIndex = buildSiteIndex([
  entry({ title: 'One', date: '2025-12-31', line: 1, people: NAMES }),
  entry({ title: 'Two', date: '2026-01-02', line: 1, people: ['Ann Lee'] }),
  entry({ title: 'Three', date: '2026-02-07', line: 1, people: ['Bo Chan'] }),
]);

describe('the people A to Z', () => {
  it('files a name under its first letter folded to ASCII, or under the rest', () => {
    expect(['Ann Lee', 'Östen Berg', 'élan Vital', '50 Cent', '李'].map(initialOf)).toEqual(['a', 'o', 'e', OTHER_INITIAL, OTHER_INITIAL]);
  });

  it('pages each initial in A to Z order, at most the given number of names a page, labelled by guide words', () => {
    const pages = namePages(siteIndex.people, 2);
    expect(pages.map((page) => [page.initial, page.page, page.pageCount, page.label, page.tags.map((tag) => tag.name)])).toEqual([
      ['a', 1, 1, 'A', ['Ann Lee']],
      ['b', 1, 1, 'B', ['Bo Chan']],
      ['m', 1, 2, 'Mari–Mark', ['Maria Abad', 'Mark Hale']],
      ['m', 2, 2, 'Max–Mo', ['Max Ito', 'Mo Zee']],
      ['o', 1, 1, 'O', ['Östen Berg']],
      [OTHER_INITIAL, 1, 1, '#', ['50 Cent']],
    ]);
    expect(pages[3]).toMatchObject({ from: 'max-ito', to: 'mo-zee' });
    // Guide words long enough to tell the names either side of a page break apart.
    const johns = ['John Sloan', 'John Smith', 'John Snow', 'John Stone'].map((name) => ({ ...siteIndex.people[0]!, name }));
    expect(namePages(johns, 2).map((page) => page.label)).toEqual(['John sl–John sm', 'John sn–John st']);
    // Every person on exactly one page.
    expect(pages.flatMap((page) => page.tags).length).toBe(siteIndex.people.length);
  });
});

describe('the archive by year', () => {
  it("groups the months by year, newest first, with each year's days and stories", () => {
    expect(
      archiveYears(siteIndex.months).map((year) => [year.year, year.months.map((month) => month.month), year.dayCount, year.storyCount]),
    ).toEqual([
      ['2026', ['2026-02', '2026-01'], 2, 2],
      ['2025', ['2025-12'], 1, 1],
    ]);
  });
});
