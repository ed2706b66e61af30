import { describe, expect, it } from 'vitest';
import { buildSiteIndex, relatedStories, type ArticleEntry, type SiteIndex } from '#lib/site-index.ts';
import { pageKeys } from '#integration/page-keys.ts';
import { tagPages } from '#lib/tags.ts';
import { entry, type StorySpec } from './fixtures.ts';

const specs: StorySpec[] = [
  { title: 'Talks resume', date: '2026-02-08', line: 1, people: ['Ann Lee', 'Bo Chan'], countries: ['Italy'] },
  { title: 'Markets calm', date: '2026-02-08', line: 40, countries: ['France'] },
  { title: 'Talks stall', date: '2026-02-07', line: 1, people: ['Ann Lee'], countries: ['Italy'] },
  { title: 'Old news', date: '2025-11-30', line: 1, people: ['Cy Dee'], countries: ['Türkiye'] },
];

function site(edit: (entries: ArticleEntry[]) => void = () => undefined): SiteIndex {
  const entries = specs.map((spec) => ({ ...entry(spec), digest: `hash of ${spec.title}` }));
  edit(entries);
  return buildSiteIndex(entries);
}

/** Every keyed page of a site index, by a name that says which page it is. */
function keysOf(siteIndex: SiteIndex, siteInputs = 'settings'): Record<string, string | undefined> {
  const keys = pageKeys(siteInputs);
  const pages: Record<string, string | undefined> = {};
  for (const story of siteIndex.stories) {
    const day = siteIndex.dayByDate.get(story.day)!.stories;
    const at = day.indexOf(story);
    pages[`story ${story.title}`] = keys.story(story, [day[at - 1], day[at + 1], ...relatedStories(story)]);
  }
  for (const day of siteIndex.days) pages[`day ${day.day}`] = keys.day(day);
  for (const tag of [...siteIndex.people, ...siteIndex.countries]) {
    // The feed's key is the main page's (keys.tag): both show all of the tag's stories.
    expect(keys.tag(tag)).toBe(keys.tagPage(tagPages(tag, 1)[0]!));
    // A story a page, so every tag of two stories or more has a block of older stories.
    for (const page of tagPages(tag, 1)) pages[`${tag.kind} ${tag.slug} ${page.block ?? 'main'}`] = keys.tagPage(page);
  }
  return pages;
}

/** The pages whose keys differ between two builds. */
function changed(before: Record<string, string | undefined>, after: Record<string, string | undefined>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((page) => before[page] !== after[page])
    .sort();
}

describe('page cache keys', () => {
  const base = keysOf(site());

  it('are the same for the same data, built again from new objects', () => {
    expect(changed(base, keysOf(site()))).toEqual([]);
    expect(new Set(Object.values(base)).size).toBe(Object.keys(base).length);
  });

  it('change on exactly the pages that show a story whose file changed', () => {
    const after = keysOf(site((entries) => (entries[2]!.digest = 'edited')));
    // "Talks stall" is shown by its own page and day, its day neighbours (none), the newer story
    // it is related to ("Talks resume" names Ann Lee and Italy too), and the main pages of Ann Lee
    // and Italy and the block of older stories that holds it.
    expect(changed(base, after)).toEqual([
      'country italy 1',
      'country italy main',
      'day 2026-02-07',
      'person ann-lee 1',
      'person ann-lee main',
      'story Talks resume',
      'story Talks stall',
    ]);
  });

  it('leave every older story page as it was when a newer day is added', () => {
    const after = keysOf(
      site((entries) =>
        entries.unshift({
          ...entry({ title: 'Talks end', date: '2026-02-09', line: 1, people: ['Ann Lee'], countries: ['Italy'] }),
          digest: 'new',
        }),
      ),
    );
    // Besides the new story and day: the day before (its next-day link), the main pages of the
    // tags it names, and, as a story a page makes a new block of each, the newest older block's
    // link to it.
    expect(changed(base, after)).toEqual([
      'country italy 1',
      'country italy 2',
      'country italy main',
      'day 2026-02-08',
      'day 2026-02-09',
      'person ann-lee 1',
      'person ann-lee 2',
      'person ann-lee main',
      'story Talks end',
    ]);
  });

  it('change where a linked tag is shown under another name', () => {
    // Two spellings with one slug: the newest story's spelling names the tag on every page.
    const after = keysOf(site((entries) => (entries[0]!.data.people = ['Ann LEE', 'Bo Chan'])));
    expect(changed(base, after)).toContain('story Talks stall');
  });

  it('all change with the site-wide inputs', () => {
    const after = keysOf(site(), 'other settings');
    expect(changed(base, after)).toEqual(Object.keys(base).sort());
  });

  it('are missing for pages showing a story without a hash (`entry.digest`), so those are always rendered', () => {
    const after = keysOf(site((entries) => delete entries[3]!.digest));
    expect(
      Object.entries(after)
        .filter(([, key]) => key === undefined)
        .map(([page]) => page)
        .sort(),
    ).toEqual(['country turkiye main', 'day 2025-11-30', 'person cy-dee main', 'story Old news']);
  });
});
