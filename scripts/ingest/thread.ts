/**
 * Stage 7, thread: stories that tell one developing story are grouped across days. A story
 * continues the thread of the earlier story it is most like, if that story is at most
 * `windowDays` older and alike enough; else it starts a thread. "Alike" is the cosine of the
 * two stories' TF-IDF vectors over their distinctive words and their tags. Everything a story's
 * thread depends on comes from its own day and the days before (word weights included), so a
 * new day never renames or splits an older thread.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomicSync } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import { stemmer } from 'stemmer';
import { eng as stopwords } from 'stopword';
import { threadCurationSchema, type ThreadCuration } from '#lib/curation-files.ts';
import { DEFAULT_THREAD_WINDOW_DAYS } from '#lib/settings.ts';
import { differenceInCalendarDays, parseISO } from './dates.ts';
import { readCurationFile, readIngestSettings } from './names/curation.ts';
import { COMMON_WORDS_FILE } from './names/lexicon.ts';
import type { ParsedArticle } from './parse.ts';

/** The most words a story keeps for comparison: its most telling, so a long story weighs no more than a short one. */
const MAX_TERMS = 60;
/** How alike (cosine, 0 to 1) a story must be to an earlier one to continue its thread. */
const SAME_STORY = 0.28;
/**
 * A story continues a thread only if no other thread is nearly as alike: one about as like two
 * threads shares their wider topic (an election, the economy), not either's event.
 */
const CLEAR_LEAD = 0.7;
/** Tags weigh like words said this many times: a shared person says more than a shared word. */
const PERSON_WEIGHT = 2;
const COUNTRY_WEIGHT = 1;
/** Headline words count this many times: the headline says what the story is about. */
const HEADLINE_WEIGHT = 3;

/**
 * Word weights start from what is expected of English news and learn from the archive as it
 * grows: a word's share of stories counts as this many stories seen before the first, so a
 * small archive weighs a rare word above a common one too.
 */
const PRIOR_STORIES = 300;
/** Frequency rank assumed for a word outside the common-words list, and for a person. */
const RARE_RANK = 20_000;
/** Rank assumed for a country: news names countries about as often as a common word. */
const COUNTRY_RANK = 800;
/**
 * The share of stories expected to use the word of this frequency rank: by Zipf's law a word of
 * rank r is about 1 word in 10r, and a story is a few hundred words.
 */
const expectedShare = (rank: number) => 1 - Math.exp(-40 / rank);

const STOPWORDS = new Set(stopwords);

let ranks: Map<string, number> | undefined;
/** The frequency rank of each stem of the common-words list (its most frequent word's). */
function stemRanks(): Map<string, number> {
  if (ranks) return ranks;
  ranks = new Map();
  const words = readFileSync(COMMON_WORDS_FILE, 'utf8').split('\n');
  for (const [index, word] of words.entries()) {
    const stem = stemmer(word.trim());
    if (stem !== '' && !ranks.has(stem)) ranks.set(stem, index + 1);
  }
  return ranks;
}

const PERSON = '\u0001p ';
const COUNTRY = '\u0001c ';

function priorShare(term: string): number {
  if (term.startsWith(PERSON)) return expectedShare(RARE_RANK);
  if (term.startsWith(COUNTRY)) return expectedShare(COUNTRY_RANK);
  return expectedShare(stemRanks().get(term) ?? RARE_RANK);
}
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** A story's distinctive words, stemmed, with how often it says each: what the thread stage compares. */
export type StoryTerms = Record<string, number>;

/** The words of a story's headline, standfirst and body that carry meaning, stemmed, with counts (the most telling first). */
export function storyTerms(article: Pick<ParsedArticle, 'title' | 'standfirst' | 'body'>): StoryTerms {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const [word] of text.toLowerCase().matchAll(WORD)) {
      const bare = word.replace(/['’]s$/, '');
      if (bare.length < 3 || STOPWORDS.has(bare)) continue;
      const stem = stemmer(bare);
      counts.set(stem, (counts.get(stem) ?? 0) + weight);
    }
  };
  add(article.title, HEADLINE_WEIGHT);
  if (article.standfirst) add(article.standfirst, 1);
  for (const block of article.body) add(block.text, 1);
  // Ranked by how much they say about this story: often said here, seldom in news at large.
  const weight = (term: string, count: number) => count * -Math.log(priorShare(term));
  const kept = [...counts].sort(([a, m], [b, n]) => weight(b, n) - weight(a, m) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_TERMS);
  return Object.fromEntries(kept);
}

/** A story as the thread stage reads it, in archive order (by day, then by dump path). */
export interface ThreadStory {
  /** Article id, `YYYY-MM-DD/<slug>`. */
  id: string;
  date: string;
  title: string;
  terms: StoryTerms;
  people: readonly string[];
  countries: readonly string[];
}

/** The thread a story is part of, as its frontmatter gives it. */
export interface StoryThread {
  slug: string;
  title: string;
}

export interface ThreadRules {
  /** A story may continue a thread whose story is at most this many days older. */
  windowDays: number;
  curation: ThreadCuration;
  /** How alike two stories must be to be one thread; the stage's own unless an evaluation tries another. */
  sameStory?: number;
}

type Vector = Map<string, number>;

function unitVector(story: ThreadStory, idf: (term: string) => number): Vector {
  const vector: Vector = new Map();
  const put = (term: string, count: number) => vector.set(term, (1 + Math.log(count)) * idf(term));
  for (const [term, count] of Object.entries(story.terms)) put(term, count);
  for (const person of story.people) put(PERSON + person, PERSON_WEIGHT);
  for (const country of story.countries) put(COUNTRY + country, COUNTRY_WEIGHT);
  let length = 0;
  for (const weight of vector.values()) length += weight * weight;
  length = Math.sqrt(length);
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

function termsOf(story: ThreadStory): string[] {
  return [
    ...Object.keys(story.terms),
    ...story.people.map((person) => PERSON + person),
    ...story.countries.map((country) => COUNTRY + country),
  ];
}

/**
 * What the stage knows after the last day it read: the threads so far, the word counts the weights
 * come from, and the stories still inside the window with their vectors. With it, the next run
 * reads only the days added since, as nothing a story's thread depends on comes later.
 */
export interface ThreadCheckpoint {
  /** The code and the rules (window, joins, splits) the threads were made with. */
  key: string;
  /** Each day's hash of what its stories' threads are made from, oldest first. */
  days: string[];
  firstDate: string;
  threadOf: number[];
  documents: number;
  documentFrequency: [string, number][];
  /** The stories the window still holds after the last day, by position, with their vectors. */
  recent: [number, [string, number][]][];
}

/** Where a run reads the last checkpoint from and leaves its own: the ingest's cache. */
export interface ThreadCheckpoints {
  read(): ThreadCheckpoint | undefined;
  write(checkpoint: ThreadCheckpoint): void;
}

/** The ingest's thread checkpoint: git-ignored, safe to delete (the next run reads every day again). */
export function threadCheckpointFile(root: string): string {
  return join(root, '.cache', 'broadsheet', 'threads.json');
}

/** Checkpoints kept in `file`; one unreadable or of another shape is no checkpoint. */
export function fileCheckpoints(file: string): ThreadCheckpoints {
  return {
    read() {
      try {
        const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as Partial<ThreadCheckpoint>;
        return typeof checkpoint.key === 'string' && Array.isArray(checkpoint.days) && Array.isArray(checkpoint.recent)
          ? (checkpoint as ThreadCheckpoint)
          : undefined;
      } catch {
        return undefined;
      }
    },
    write(checkpoint) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomicSync(file, JSON.stringify(checkpoint));
    },
  };
}

const THREAD_VERSION = codeVersion(['scripts/ingest/thread.ts', 'scripts/ingest/names/common-words.txt']);

/** The checkpoint key of `rules`; undefined where no code version can vouch for a checkpoint. */
function checkpointKey(rules: ThreadRules): string | undefined {
  const { join, apart } = rules.curation;
  return THREAD_VERSION === undefined ? undefined : cacheKey(THREAD_VERSION, rules.windowDays, rules.sameStory ?? SAME_STORY, join, apart);
}

/** The stories' positions grouped by day, in archive order. */
function dayRanges(stories: readonly ThreadStory[]): { date: string; first: number; end: number }[] {
  const ranges: { date: string; first: number; end: number }[] = [];
  for (let first = 0; first < stories.length;) {
    const date = stories[first]!.date;
    let end = first;
    while (end < stories.length && stories[end]!.date === date) end++;
    ranges.push({ date, first, end });
    first = end;
  }
  return ranges;
}

/**
 * Each story's thread, or undefined for a story alone in its thread. A thread's slug is its
 * first story's day and slug, its title that story's headline unless curated. Given
 * `checkpoints`, a run whose days begin with the last run's goes on from where that one ended.
 */
export function threadArchive(
  stories: readonly ThreadStory[],
  rules: ThreadRules,
  checkpoints?: ThreadCheckpoints,
): (StoryThread | undefined)[] {
  const { join, apart, titles } = rules.curation;
  const sameStory = rules.sameStory ?? SAME_STORY;
  const position = new Map(stories.map((story, index) => [story.id, index]));
  const apartStories = new Set(apart);
  const ranges = dayRanges(stories);
  const key = checkpoints && checkpointKey(rules);
  const dayHashes =
    key === undefined
      ? []
      : ranges.map(({ date, first, end }) =>
          cacheKey(
            date,
            stories.slice(first, end).map(({ id, terms, people, countries }) => [id, terms, people, countries]),
          ),
        );
  const saved = key === undefined ? undefined : checkpoints!.read();
  const resume =
    saved !== undefined &&
    saved.key === key &&
    saved.days.length <= dayHashes.length &&
    saved.days.every((day, at) => day === dayHashes[at])
      ? saved
      : undefined;

  const threadOf: number[] = resume ? [...resume.threadOf] : [];
  const documentFrequency = new Map<string, number>(resume?.documentFrequency);
  let documents = resume?.documents ?? 0;
  const vectors: Vector[] = [];
  // Per term, the stories (by position) still inside the window that use it, oldest first.
  const postings = new Map<string, { stories: number[]; start: number }>();
  const post = (index: number, vector: Vector) => {
    for (const term of vector.keys()) {
      const posting = postings.get(term) ?? { stories: [], start: 0 };
      postings.set(term, posting);
      posting.stories.push(index);
    }
  };
  for (const [index, entries] of resume?.recent ?? []) {
    vectors[index] = new Map(entries);
    post(index, vectors[index]);
  }
  const start = parseISO(resume?.firstDate ?? stories[0]?.date ?? '1970-01-01');
  const dayNumber = (date: string) => differenceInCalendarDays(parseISO(date), start);
  const days: number[] = [];
  for (const { date, first, end } of ranges) {
    const day = dayNumber(date);
    for (let index = first; index < end; index++) days[index] = day;
  }

  for (const { first, end } of ranges.slice(resume?.days.length ?? 0)) {
    // Word weights know the day's own stories and those before, never a later day's.
    for (let index = first; index < end; index++) {
      for (const term of termsOf(stories[index]!)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    documents += end - first;
    const idf = (term: string) =>
      Math.log((documents + PRIOR_STORIES) / ((documentFrequency.get(term) ?? 0) + PRIOR_STORIES * priorShare(term) + 1)) + 1;
    const oldest = days[first]! - rules.windowDays;

    for (let index = first; index < end; index++) {
      const story = stories[index]!;
      const vector = unitVector(story, idf);
      vectors[index] = vector;
      const joined = join[story.id] !== undefined ? position.get(join[story.id]!) : undefined;
      if (joined !== undefined && joined < index) {
        threadOf[index] = threadOf[joined]!;
      } else if (apartStories.has(story.id)) {
        threadOf[index] = index;
      } else {
        const similarity = new Map<number, number>();
        for (const [term, weight] of vector) {
          const posting = postings.get(term);
          if (!posting) continue;
          while (posting.start < posting.stories.length && days[posting.stories[posting.start]!]! < oldest) posting.start++;
          for (let at = posting.start; at < posting.stories.length; at++) {
            const other = posting.stories[at]!;
            similarity.set(other, (similarity.get(other) ?? 0) + weight * vectors[other]!.get(term)!);
          }
        }
        // A thread is as alike as its most alike story.
        const threadSimilarity = new Map<number, number>();
        for (const [other, value] of similarity) {
          const thread = threadOf[other]!;
          threadSimilarity.set(thread, Math.max(threadSimilarity.get(thread) ?? 0, value));
        }
        let best = -1;
        let bestSimilarity = 0;
        let runnerUp = 0;
        // In archive order, so the earliest of equally alike threads wins.
        for (const [thread, value] of [...threadSimilarity].sort(([a], [b]) => a - b)) {
          if (value > bestSimilarity) {
            runnerUp = bestSimilarity;
            best = thread;
            bestSimilarity = value;
          } else runnerUp = Math.max(runnerUp, value);
        }
        const continues = bestSimilarity >= sameStory && runnerUp < CLEAR_LEAD * bestSimilarity;
        threadOf[index] = continues ? best : index;
      }
      post(index, vector);
    }
  }

  // A run that read no new day leaves the checkpoint it went on from as it is.
  if (key !== undefined && stories.length > 0 && resume?.days.length !== dayHashes.length) {
    // The next day's window starts after the last day's: older stories can match nothing more.
    const oldest = days[stories.length - 1]! + 1 - rules.windowDays;
    checkpoints!.write({
      key,
      days: dayHashes,
      firstDate: stories[0]!.date,
      threadOf,
      documents,
      documentFrequency: [...documentFrequency],
      recent: vectors.flatMap((vector, index) => (vector !== undefined && days[index]! >= oldest ? [[index, [...vector]]] : [])),
    });
  }

  const size = new Map<number, number>();
  for (const thread of threadOf) size.set(thread, (size.get(thread) ?? 0) + 1);
  return threadOf.map((thread) => {
    if (size.get(thread)! < 2) return undefined;
    const opener = stories[thread]!;
    return { slug: opener.id.replace('/', '-'), title: titles[opener.id] ?? opener.title };
  });
}

/**
 * The corrections of the threads file that changed nothing, as warnings: an id that is no
 * article (a typo, or a story since removed), a join to a story that is not earlier, a title
 * for a story that begins no thread.
 */
export function unusedThreadCuration(
  stories: readonly ThreadStory[],
  threads: readonly (StoryThread | undefined)[],
  curation: ThreadCuration,
): string[] {
  const position = new Map(stories.map((story, index) => [story.id, index]));
  const slugs = new Set(threads.map((thread) => thread?.slug));
  const noArticle = (field: string, id: string) =>
    `${THREAD_CURATION_FILE}: ${field} names \`${id}\`, which is no article; use an article's path without .mdx, as in its page's address`;
  const warnings: string[] = [];
  for (const [later, earlier] of Object.entries(curation.join)) {
    for (const id of [later, earlier]) if (!position.has(id)) warnings.push(noArticle('join', id));
    if (position.has(later) && position.has(earlier) && position.get(earlier)! >= position.get(later)!)
      warnings.push(
        `${THREAD_CURATION_FILE}: join \`${later}\` to \`${earlier}\` does nothing, as the second is not the earlier story; swap them`,
      );
  }
  for (const id of curation.apart) if (!position.has(id)) warnings.push(noArticle('apart', id));
  for (const id of Object.keys(curation.titles)) {
    if (!position.has(id)) warnings.push(noArticle('titles', id));
    else if (!slugs.has(id.replace('/', '-')))
      warnings.push(`${THREAD_CURATION_FILE}: titles names \`${id}\`, which begins no thread; title a thread by its first story`);
  }
  return warnings;
}

/** The threads curation file, beside the names files' folder. */
export const THREAD_CURATION_FILE = 'content/threads.yaml';

/** The thread rules of the project at `root`: its window setting and its threads file (an IngestError if either is wrong). */
export function loadThreadRules(root: string): ThreadRules {
  return {
    windowDays: readIngestSettings(root).threadWindowDays,
    curation: readCurationFile(root, THREAD_CURATION_FILE, threadCurationSchema),
  };
}

/** The rules with no threads file and the default window: what tests and the evaluation run. */
export function defaultThreadRules(): ThreadRules {
  return { windowDays: DEFAULT_THREAD_WINDOW_DAYS, curation: { join: {}, apart: [], titles: {} } };
}
