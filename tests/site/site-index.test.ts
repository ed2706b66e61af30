import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSiteIndex,
  byCountThenName,
  byStoryCount,
  storyTimeline,
  mostNamed,
  relatedStories,
  type Story,
  type Tag,
} from '#lib/site-index.ts';
import { entry } from './fixtures.ts';

const entries = [
  entry({ title: 'Second on day two', date: '2026-02-08', line: 40, people: ['Ann Lee'], countries: ['Italy'] }),
  entry({
    title: 'First on day two',
    date: '2026-02-08',
    line: 1,
    people: ['Ann Lee', 'Bo Chan'],
    countries: ['Italy', 'France'],
    roles: { 'Ann Lee': 'Mayor' },
  }),
  entry({
    title: 'Only on day one',
    date: '2026-02-07',
    people: ['Ann Lee', 'Bo Chan'],
    countries: ['France'],
    roles: { 'Ann Lee': 'Deputy Mayor' },
  }),
  entry({
    title: 'Back in December',
    date: '2025-11-30',
    people: ['Bo Chan', 'Bo Chan'],
    countries: ['Türkiye'],
    captionPeople: ['Cy Photo'],
  }),
];
const siteIndex = buildSiteIndex(entries);

describe('buildSiteIndex', () => {
  it('orders stories newest day first, each day in the order of its dump', () => {
    expect(siteIndex.stories.map((story) => story.title)).toEqual([
      'First on day two',
      'Second on day two',
      'Only on day one',
      'Back in December',
    ]);
    expect(siteIndex.stories.map((story) => story.rank)).toEqual([0, 1, 2, 3]);
  });

  it('links each day to the days before and after it', () => {
    expect(siteIndex.days.map((day) => [day.day, day.previous, day.next, day.stories.length])).toEqual([
      ['2026-02-08', '2026-02-07', undefined, 2],
      ['2026-02-07', '2025-11-30', '2026-02-08', 1],
      ['2025-11-30', undefined, '2026-02-07', 1],
    ]);
    expect(siteIndex.dayByDate.get('2026-02-07')?.stories[0]?.title).toBe('Only on day one');
  });

  it('groups days by month with story counts', () => {
    expect(siteIndex.months.map((month) => [month.month, month.days.length, month.storyCount])).toEqual([
      ['2026-02', 2, 3],
      ['2025-11', 1, 1],
    ]);
  });

  it('gives body-named people and countries pages, not caption-only ones', () => {
    expect(siteIndex.people.map((tag) => tag.slug)).toEqual(['ann-lee', 'bo-chan']);
    expect(siteIndex.countries.map((tag) => tag.slug)).toEqual(['france', 'italy', 'turkiye']);
    expect(siteIndex.countryBySlug.get('turkiye')?.country?.code).toBe('TR');
  });

  it("knows each person's stories, first and last day, and most recent role", () => {
    const ann = siteIndex.personBySlug.get('ann-lee');
    expect(ann?.stories.map((story) => story.title)).toEqual(['First on day two', 'Second on day two', 'Only on day one']);
    expect([ann?.firstSeen, ann?.lastSeen, ann?.role]).toEqual(['2026-02-07', '2026-02-08', 'Mayor']);
    const bo = siteIndex.personBySlug.get('bo-chan');
    expect(bo?.stories).toHaveLength(3); // named twice in one story, counted once
    expect(bo?.role).toBeUndefined();
  });

  it('counts stories per day over a short span, per month over a long one, empty periods included', () => {
    expect(storyTimeline(siteIndex.personBySlug.get('ann-lee')?.stories ?? [])).toEqual({
      unit: 'day',
      points: [
        { period: '2026-02-07', count: 1 },
        { period: '2026-02-08', count: 2 },
      ],
    });
    expect(storyTimeline(siteIndex.personBySlug.get('bo-chan')?.stories ?? [])).toEqual({
      unit: 'month',
      points: [
        { period: '2025-11', count: 1 },
        { period: '2025-12', count: 0 },
        { period: '2026-01', count: 0 },
        { period: '2026-02', count: 2 },
      ],
    });
    expect(storyTimeline([])).toEqual({ unit: 'day', points: [] });
  });

  it('ranks people and countries named in the same stories', () => {
    const ann = siteIndex.personBySlug.get('ann-lee');
    expect(ann?.people.map((tagCount) => [tagCount.tag.name, tagCount.count])).toEqual([['Bo Chan', 2]]);
    expect(ann?.countries.map((tagCount) => [tagCount.tag.name, tagCount.count])).toEqual([
      ['France', 2],
      ['Italy', 2],
    ]);
  });

  it('sorts by story count, then A to Z', () => {
    expect(byStoryCount(siteIndex.countries).map((tag) => tag.name)).toEqual(['France', 'Italy', 'Türkiye']);
  });

  it("finds the day's most-named people and countries", () => {
    const named = mostNamed(siteIndex.days[0]?.stories ?? []);
    expect(named.people.map((tagCount) => [tagCount.tag.name, tagCount.count])).toEqual([
      ['Ann Lee', 2],
      ['Bo Chan', 1],
    ]);
    expect(named.countries.map((tagCount) => [tagCount.tag.name, tagCount.count])).toEqual([
      ['Italy', 2],
      ['France', 1],
    ]);
  });

  it('relates older stories by shared people and countries, then newest first', () => {
    const [first] = siteIndex.stories;
    expect(relatedStories(first!).map((story) => story.title)).toEqual(['Only on day one', 'Second on day two', 'Back in December']);
    expect(relatedStories(first!, 1)).toHaveLength(1);
    // A later day never changes an older story's page.
    expect(relatedStories(siteIndex.stories.at(-1)!)).toEqual([]);
  });

  it("relates exactly as counting shared tags over each tag's 200 stories just older than the story and sorting would", () => {
    /** The straightforward definition: count every candidate in a Map, sort them all. */
    const straightforward = (story: Story, limit: number): Story[] => {
      const shared = new Map<Story, number>();
      for (const tag of [...story.people, ...story.countries]) {
        const older = tag.stories.filter((candidate) => candidate.rank > story.rank).slice(0, 200);
        for (const candidate of older) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
      return [...shared]
        .sort(([a, countA], [b, countB]) => countB - countA || a.rank - b.rank)
        .slice(0, limit)
        .map(([candidate]) => candidate);
    };
    // Few names over many stories, so popular tags hold more than the 200 stories weighed.
    const names = (prefix: string) =>
      fc.uniqueArray(
        fc.integer({ min: 0, max: 3 }).map((n) => `${prefix} ${n}`),
        { maxLength: 3 },
      );
    const spec = fc.record({ day: fc.integer({ min: 1, max: 28 }), people: names('Person'), countries: names('Country') });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 600, size: 'max' }), fc.integer({ min: 0, max: 8 }), (specs, limit) => {
        const { stories } = buildSiteIndex(
          specs.map((story, line) =>
            entry({
              title: `Story ${line}`,
              date: `2026-02-${String(story.day).padStart(2, '0')}`,
              line,
              people: story.people,
              countries: story.countries,
            }),
          ),
        );
        for (const story of stories) expect(relatedStories(story, limit)).toEqual(straightforward(story, limit));
      }),
      { numRuns: 10, endOnFailure: true },
    );
  });

  it("counts the tags named with each tag as one pass over every story's pairs of tags would, most first, then A to Z", () => {
    const straightforward = (tag: Tag, stories: readonly Story[]) => {
      const counts = new Map<Tag, number>();
      for (const story of stories) {
        const all = [...story.people, ...story.countries];
        if (all.includes(tag)) for (const other of all) if (other !== tag) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
      return [...counts].map(([other, count]) => ({ tag: other, count })).sort(byCountThenName);
    };
    const names = fc.uniqueArray(fc.constantFrom('Émile Zola', 'Ann Lee', 'Bo Chan', 'Zed', 'Italy', 'Türkiye', 'France', 'Eve'), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(fc.record({ people: names, countries: names }), { maxLength: 40 }), (specs) => {
        const built = buildSiteIndex(specs.map((story, line) => entry({ title: `Story ${line}`, date: '2026-02-07', line, ...story })));
        for (const tag of [...built.people, ...built.countries]) {
          const expected = straightforward(tag, built.stories);
          expect(tag.people).toEqual(expected.filter((tagCount) => tagCount.tag.kind === 'person'));
          expect(tag.countries).toEqual(expected.filter((tagCount) => tagCount.tag.kind === 'country'));
        }
      }),
    );
  });

  it('handles an empty collection', () => {
    const empty = buildSiteIndex([]);
    expect([empty.stories, empty.days, empty.months, empty.people, empty.countries]).toEqual([[], [], [], [], []]);
  });
});
