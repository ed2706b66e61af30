import { describe, expect, it } from 'vitest';
import { buildSiteIndex, relatedStories, type ArticleEntry, type SiteIndex } from '#lib/site-index.ts';
import { pageKeys } from '#integration/page-keys.ts';
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
    pages[`${tag.kind} ${tag.slug}`] = keys.tag(tag);
    pages[`${tag.kind} ${tag.slug} page 2`] = keys.tag(tag, 2);
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
    // "Talks stall" is shown by its own page and day, its day neighbours (none), related stories
    // ("Talks resume" names Ann Lee and Italy too), and the pages of Ann Lee and Italy.
    expect(changed(base, after)).toEqual([
      'country italy',
      'country italy page 2',
      'day 2026-02-07',
      'person ann-lee',
      'person ann-lee page 2',
      'story Talks resume',
      'story Talks stall',
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
    ).toEqual(['country turkiye', 'country turkiye page 2', 'day 2025-11-30', 'person cy-dee', 'person cy-dee page 2', 'story Old news']);
  });
});
