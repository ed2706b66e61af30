/**
 * The site index: the build-time indexes computed once from the whole collection, stories in
 * order, digest days, people and countries with their stories and the tags named with them, and
 * related stories.
 * Pages only look things up here, so no page re-filters the collection (no O(pages x stories)).
 */
import type { ArticleData } from './article.ts';
import { countryByName, type Country } from './countries.ts';
import { daysBetween, eachDay, eachMonth } from './dates.ts';
import { personSlug } from './people.ts';
import { memoise } from './memo.ts';
import { slugify } from './slug.ts';
import type { StoryAddress } from './urls.ts';

/** The least a collection entry must have; the real entry rides along for rendering. */
export interface ArticleEntry {
  id: string;
  data: ArticleData;
  /** The article file, for error messages. */
  filePath?: string;
  /** A hash of the article file, set by the content loader; see page-keys.ts. Astro calls its content hash a digest. */
  digest?: string | number;
}

export interface Story<E extends ArticleEntry = ArticleEntry> extends StoryAddress {
  entry: E;
  title: string;
  /** Position in the whole site, newest first: 0 is the first story of the latest day. */
  rank: number;
  people: Tag<E>[];
  countries: Tag<E>[];
  /** The developing story it is part of, if the ingest grouped it with others. */
  thread: Thread<E> | undefined;
}

/** A developing story: the stories the ingest grouped into one thread across days. */
export interface Thread<E extends ArticleEntry = ArticleEntry> {
  slug: string;
  title: string;
  /** Newest first. */
  stories: Story<E>[];
  firstSeen: string;
  lastSeen: string;
  /** The people and the countries its stories name, most often first, then A to Z. */
  people: TagCount<E>[];
  countries: TagCount<E>[];
}

/** A tag and how many of some stories name it. */
export interface TagCount<E extends ArticleEntry = ArticleEntry> {
  tag: Tag<E>;
  count: number;
}

/** Stories per day (`YYYY-MM-DD`) or per month (`YYYY-MM`), oldest first, empty periods included. */
export interface Timeline {
  unit: 'day' | 'month';
  points: { period: string; count: number }[];
}

export type TagKind = 'person' | 'country';

/** A person or a country named in the body of at least one story. */
export interface Tag<E extends ArticleEntry = ArticleEntry> {
  kind: TagKind;
  name: string;
  slug: string;
  /** Newest first. */
  stories: Story<E>[];
  firstSeen: string;
  lastSeen: string;
  /** The descriptor the most recent story that gives one uses, e.g. `Iranian Foreign Minister`. */
  role: string | undefined;
  /** People named in the same stories, most often first. */
  people: TagCount<E>[];
  countries: TagCount<E>[];
  /** world-countries data for a country tag whose name it knows. */
  country: Country | undefined;
}

export interface Day<E extends ArticleEntry = ArticleEntry> {
  /** `YYYY-MM-DD`. */
  day: string;
  /** In the order of the day's edition (the dumps' order). */
  stories: Story<E>[];
  /** The day before, if any; `next` the day after. */
  previous: string | undefined;
  next: string | undefined;
}

export interface Month<E extends ArticleEntry = ArticleEntry> {
  /** `YYYY-MM`. */
  month: string;
  /** Newest first. */
  days: Day<E>[];
  storyCount: number;
}

export interface SiteIndex<E extends ArticleEntry = ArticleEntry> {
  /** Newest day first, each day in edition order. */
  stories: Story<E>[];
  /** Newest first. */
  days: Day<E>[];
  dayByDate: ReadonlyMap<string, Day<E>>;
  /** Newest first. */
  months: Month<E>[];
  /** A to Z. */
  people: Tag<E>[];
  countries: Tag<E>[];
  personBySlug: ReadonlyMap<string, Tag<E>>;
  countryBySlug: ReadonlyMap<string, Tag<E>>;
  /** The latest to grow first. */
  threads: Thread<E>[];
}

/** `content/sources/2026-02-07/a.txt#L70-L89` -> [`content/sources/2026-02-07/a.txt`, 70]. */
function sourcePosition(source: string): [string, number] {
  const match = /^(.*)#L(\d+)-L\d+$/.exec(source);
  return match ? [match[1] ?? source, Number(match[2])] : [source, 0];
}

function compareStoriesNewestFirst(a: ArticleEntry, b: ArticleEntry): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  const [fileA, lineA] = sourcePosition(a.data.source);
  const [fileB, lineB] = sourcePosition(b.data.source);
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return lineA - lineB || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// One collator: localeCompare with a locale builds one per call.
const ENGLISH_ORDER = new Intl.Collator('en');
const byName = (a: { name: string }, b: { name: string }) => ENGLISH_ORDER.compare(a.name, b.name);

/** Tag counts, most first, then A to Z. */
export function byCountThenName<E extends ArticleEntry>(a: TagCount<E>, b: TagCount<E>): number {
  return b.count - a.count || byName(a.tag, b.tag);
}

/** The last path segment of the entry id (`2026-02-07/some-headline` -> `some-headline`). */
function storySlug(entry: ArticleEntry): string {
  return entry.id.split('/').at(-1) || slugify(entry.data.title);
}

export function buildSiteIndex<E extends ArticleEntry>(entries: readonly E[]): SiteIndex<E> {
  const sorted = [...entries].sort(compareStoriesNewestFirst);
  const tags = { person: new Map<string, Tag<E>>(), country: new Map<string, Tag<E>>() };
  const tagFor = (kind: TagKind, name: string): Tag<E> => {
    const slug = kind === 'person' ? personSlug(name) : slugify(name);
    let tag = tags[kind].get(slug);
    if (!tag) {
      const country = kind === 'country' ? countryByName(name) : undefined;
      tag = { kind, name, slug, stories: [], firstSeen: '', lastSeen: '', role: undefined, people: [], countries: [], country };
      tags[kind].set(slug, tag);
    }
    return tag;
  };

  const threads = new Map<string, Thread<E>>();
  const threadFor = ({ slug, title }: { slug: string; title: string }): Thread<E> => {
    let thread = threads.get(slug);
    if (!thread) {
      thread = { slug, title, stories: [], firstSeen: '', lastSeen: '', people: [], countries: [] };
      threads.set(slug, thread);
    }
    return thread;
  };

  const stories: Story<E>[] = sorted.map((entry, rank) => {
    const story: Story<E> = {
      entry,
      rank,
      title: entry.data.title,
      day: entry.data.date,
      slug: storySlug(entry),
      // A name listed twice in one story counts once.
      people: [...new Set(entry.data.people)].map((name) => tagFor('person', name)),
      countries: [...new Set(entry.data.countries)].map((name) => tagFor('country', name)),
      thread: entry.data.thread && threadFor(entry.data.thread),
    };
    story.thread?.stories.push(story);
    for (const tag of [...story.people, ...story.countries]) {
      tag.stories.push(story);
      if (tag.kind === 'person' && tag.role === undefined) tag.role = entry.data.roles[tag.name];
    }
    return story;
  });

  const people = [...tags.person.values()].sort(byName);
  const countries = [...tags.country.values()].sort(byName);
  for (const tag of [...people, ...countries]) {
    tag.lastSeen = tag.stories[0]?.day ?? '';
    tag.firstSeen = tag.stories.at(-1)?.day ?? '';
  }
  countTagsNamedWith([...people, ...countries], stories);
  for (const thread of threads.values()) {
    thread.lastSeen = thread.stories[0]!.day;
    thread.firstSeen = thread.stories.at(-1)!.day;
    ({ people: thread.people, countries: thread.countries } = mostNamed(thread.stories));
  }

  const days: Day<E>[] = [];
  for (const story of stories) {
    const last = days.at(-1);
    if (last?.day === story.day) last.stories.push(story);
    else days.push({ day: story.day, stories: [story], previous: undefined, next: undefined });
  }
  days.forEach((day, index) => {
    day.next = days[index - 1]?.day;
    day.previous = days[index + 1]?.day;
  });

  const months: Month<E>[] = [];
  for (const day of days) {
    const month = day.day.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) {
      last.days.push(day);
      last.storyCount += day.stories.length;
    } else {
      months.push({ month, days: [day], storyCount: day.stories.length });
    }
  }

  return {
    stories,
    days,
    dayByDate: new Map(days.map((day) => [day.day, day])),
    months,
    people,
    countries,
    personBySlug: tags.person,
    countryBySlug: tags.country,
    // Stories are newest first, so threads are met in the order they last grew.
    threads: [...threads.values()],
  };
}

/**
 * Gives each tag its `people` and `countries`: the tags named in the same stories, most often
 * first, then A to Z. `tags` must be A to Z within each kind. Worked out for a tag when first
 * read, as a build that renders a few tag pages reads few. Counts go in an array indexed by tag,
 * and ties sort by that index: Maps keyed by tag and a collator comparing names would be most
 * of buildSiteIndex's time on a large archive.
 */
function countTagsNamedWith<E extends ArticleEntry>(tags: readonly Tag<E>[], stories: readonly Story<E>[]): void {
  let tagIndexesByRank: number[][] | undefined;
  const counts = new Uint32Array(tags.length);
  const namedWith = (index: number): { people: TagCount<E>[]; countries: TagCount<E>[] } => {
    if (tagIndexesByRank === undefined) {
      const indexOf = new Map(tags.map((tag, at) => [tag, at]));
      tagIndexesByRank = stories.map((story) => [...story.people, ...story.countries].map((tag) => indexOf.get(tag)!));
    }
    const named: number[] = [];
    for (const story of tags[index]!.stories) {
      for (const other of tagIndexesByRank[story.rank]!) {
        if (other === index) continue;
        const count = counts[other] ?? 0;
        if (count === 0) named.push(other);
        counts[other] = count + 1;
      }
    }
    named.sort((a, b) => counts[b]! - counts[a]! || a - b);
    const tagCounts = named.map((other) => ({ tag: tags[other]!, count: counts[other]! }));
    for (const other of named) counts[other] = 0;
    return {
      people: tagCounts.filter((tagCount) => tagCount.tag.kind === 'person'),
      countries: tagCounts.filter((tagCount) => tagCount.tag.kind === 'country'),
    };
  };
  tags.forEach((tag, index) => {
    let lists: ReturnType<typeof namedWith> | undefined;
    Object.defineProperties(tag, {
      people: { get: () => (lists ??= namedWith(index)).people, enumerable: true, configurable: true },
      countries: { get: () => (lists ??= namedWith(index)).countries, enumerable: true, configurable: true },
    });
  });
}

export interface Year<E extends ArticleEntry = ArticleEntry> {
  /** `YYYY`. */
  year: string;
  /** Newest first, as the site index lists them. */
  months: Month<E>[];
  dayCount: number;
  storyCount: number;
}

/** The archive's months by year, newest first: the archive's pages. */
export function archiveYears<E extends ArticleEntry>(months: readonly Month<E>[]): Year<E>[] {
  const years: Year<E>[] = [];
  for (const month of months) {
    const year = month.month.slice(0, 4);
    let last = years.at(-1);
    if (last?.year !== year) years.push((last = { year, months: [], dayCount: 0, storyCount: 0 }));
    last.months.push(month);
    last.dayCount += month.days.length;
    last.storyCount += month.storyCount;
  }
  return years;
}

/** Tags sorted by how many stories name them, most first, then A to Z. */
export function byStoryCount<T extends Tag>(tags: readonly T[]): T[] {
  return [...tags].sort((a, b) => b.stories.length - a.stories.length || byName(a, b));
}

/** The people and countries the given stories name most often, most first. */
/** Whether a story continues a thread that began on an earlier day. */
export function continuesThread(story: Story): boolean {
  return story.thread !== undefined && story.thread.firstSeen < story.day;
}

export function mostNamed<E extends ArticleEntry>(stories: readonly Story<E>[]): { people: TagCount<E>[]; countries: TagCount<E>[] } {
  const counts = new Map<Tag<E>, number>();
  for (const story of stories) for (const tag of [...story.people, ...story.countries]) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tagCounts = [...counts].map(([tag, count]) => ({ tag, count })).sort(byCountThenName);
  return {
    people: tagCounts.filter((tagCount) => tagCount.tag.kind === 'person'),
    countries: tagCounts.filter((tagCount) => tagCount.tag.kind === 'country'),
  };
}

/**
 * How many of each tag's stories just older than the story being related are weighed as
 * candidates. Bounds the work per story page on a large site (a person named in thousands of
 * stories) to a constant.
 */
const RELATED_CANDIDATES_PER_TAG = 200;

/** Ranks of each tag's stories, newest (lowest) first, in an array to scan fast. */
const tagRanks = memoise((tag: Tag) => Int32Array.from(tag.stories, (story) => story.rank));

/** Position of the first rank in `ranks` (ascending) greater than `rank`. */
function firstAfter(ranks: Int32Array, rank: number): number {
  let low = 0;
  let high = ranks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranks[middle]! <= rank) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * How many tags each candidate shares with the story being related, indexed by the candidate's
 * rank: an array rather than a Map keyed by story, as relatedStories runs for every story page.
 * Shared by every call and all zeros between calls.
 */
let sharedTagsByRank = new Uint32Array(0);

/**
 * Older stories sharing the most people and countries with `story`, then newest first. Only
 * older ones, so a story page stays as published when later days are added.
 */
export function relatedStories<E extends ArticleEntry>(story: Story<E>, limit = 5): Story<E>[] {
  // Candidates by rank, in the order first met: ranks are read from arrays, as reading them off
  // thousands of story objects per page costs a cache miss each.
  const ranks: number[] = [];
  const candidates: Story<E>[] = [];
  for (const tag of [...story.people, ...story.countries]) {
    const allRanks = tagRanks(tag);
    const start = firstAfter(allRanks, story.rank);
    const end = Math.min(allRanks.length, start + RELATED_CANDIDATES_PER_TAG);
    const oldest = end > start ? allRanks[end - 1]! : 0;
    if (oldest >= sharedTagsByRank.length) {
      const grown = new Uint32Array(Math.max(oldest + 1, sharedTagsByRank.length * 2));
      grown.set(sharedTagsByRank);
      sharedTagsByRank = grown;
    }
    const shared = sharedTagsByRank;
    for (let index = start; index < end; index++) {
      const rank = allRanks[index]!;
      const count = shared[rank] ?? 0;
      if (count === 0) {
        ranks.push(rank);
        candidates.push(tag.stories[index]!);
      }
      shared[rank] = count + 1;
    }
  }
  const shared = sharedTagsByRank;
  const before = (a: number, b: number) => (shared[a] ?? 0) - (shared[b] ?? 0) || b - a;
  // The best `limit` (positions in `ranks`), kept in order by insertion: cheaper than sorting every candidate.
  const best: number[] = [];
  ranks.forEach((rank, position) => {
    const last = best.at(-1);
    if (best.length === limit && (last === undefined || before(rank, ranks[last]!) <= 0)) return;
    if (best.length === limit) best.pop();
    let at = best.length;
    while (at > 0 && before(rank, ranks[best[at - 1]!]!) > 0) at--;
    best.splice(at, 0, position);
  });
  for (const rank of ranks) shared[rank] = 0;
  return best.map((position) => candidates[position]!);
}

/** Up to this many days between first and last story, a timeline counts days; beyond, months. */
const DAILY_TIMELINE_MAX_DAYS = 62;

/** How many of `stories` (newest first) fall on each day or month from the first to the last. */
export function storyTimeline(stories: readonly Story[]): Timeline {
  const last = stories[0]?.day;
  const first = stories.at(-1)?.day;
  if (!first || !last) return { unit: 'day', points: [] };
  const unit = daysBetween(first, last) <= DAILY_TIMELINE_MAX_DAYS ? 'day' : 'month';
  const length = unit === 'day' ? 10 : 7;
  const counts = new Map<string, number>();
  for (const story of stories) counts.set(story.day.slice(0, length), (counts.get(story.day.slice(0, length)) ?? 0) + 1);
  const periods = unit === 'day' ? eachDay(first, last) : eachMonth(first.slice(0, 7), last.slice(0, 7));
  return { unit, points: periods.map((period) => ({ period, count: counts.get(period) ?? 0 })) };
}
