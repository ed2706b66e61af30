/**
 * A synthetic archive of raw dumps for the benchmark, shaped like the news site's text layout
 * (headline, caption twice, logo line, headline and caption again, then paragraphs; stories
 * apart by two blank lines), one dump per day. Sentences come from the BBC corpus when it is
 * present, so names and wording vary like real news; otherwise from a generator with a large
 * pool of names. Everything is seeded: the same count always gives the same archive.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { COUNTRIES } from '#lib/countries.ts';
import { decode } from '#ingest/decode.ts';
import { LOGO_LINE } from '#ingest/split.ts';

export const STORIES_PER_DAY = 30;
const FIRST_DAY = new Date(2020, 0, 1);
const CREDITS = ['Reuters', 'AFP', 'AP', 'EPA', 'Getty Images'];

export interface SourceStory {
  title: string;
  paragraphs: string[];
}

export interface BenchStory extends SourceStory {
  caption: string;
}

/** Mulberry32: a tiny seeded generator, so archives are reproducible without a dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Stories of a corpus laid out one per `.txt` file: title on the first line, then paragraphs. */
export async function readCorpus(dir: string): Promise<SourceStory[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt') && !entry.name.startsWith('README'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const stories: SourceStory[] = [];
  for (const file of files) {
    const [title, ...rest] = decode(file, await readFile(file)).lines.map((line) => line.trim());
    const paragraphs = rest.filter((line) => line !== '');
    if (title && paragraphs.length > 0) stories.push({ title, paragraphs });
  }
  return stories;
}

const FIRST_NAMES = [
  'Amina',
  'Boris',
  'Chen',
  'Dalia',
  'Emeka',
  'Farah',
  'Gustavo',
  'Hana',
  'Ivan',
  'Jamal',
  'Keiko',
  'Lars',
  'Mariam',
  'Nikos',
  'Olga',
  'Pedro',
  'Qasim',
  'Rania',
  'Sergei',
  'Tariq',
  'Ulla',
  'Viktor',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zainab',
  'Ahmed',
  'Beatriz',
  'Carlos',
  'Divya',
  'Elena',
  'Fatima',
  'Giorgos',
  'Hassan',
  'Ingrid',
  'Joao',
  'Kwame',
  'Leila',
  'Mohammed',
  'Nadia',
];
const SURNAME_PARTS = ['al-', 'van ', 'de ', 'Mac', 'O’', 'Abu ', '', '', '', ''];
const SURNAME_ROOTS = [
  'Haddad',
  'Petrov',
  'Nakamura',
  'Okafor',
  'Silva',
  'Kowalski',
  'Rahman',
  'Jensen',
  'Moreau',
  'Castillo',
  'Yilmaz',
  'Nguyen',
  'Kariuki',
  'Fischer',
  'Rossi',
  'Mansour',
  'Lindqvist',
  'Tanaka',
  'Oyelaran',
  'Dubois',
  'Khalil',
  'Novak',
  'Papadopoulos',
  'Sato',
  'Hussein',
  'Barzani',
  'Cohen',
  'Mendes',
  'Ivanova',
  'Sharma',
];
const ROLES = [
  'foreign minister',
  'prime minister',
  'spokesperson',
  'central bank governor',
  'opposition leader',
  'UN envoy',
  'defence minister',
  'president',
  'trade commissioner',
  'army chief',
];
const TEMPLATES = [
  '{country}’s {role} {name} said on {weekday} that talks with {country2} would resume next week.',
  '“We will not accept any deal that ignores our security,” {name} told reporters in {capital}.',
  'Officials in {capital} said {number} people had been detained after the protests.',
  '{name}, the {role}, met {name2} of {country2} to discuss trade, energy and the border.',
  'Prices rose {number}% in {country} last month, the statistics office said on {weekday}.',
  'The {role} of {country}, {name}, is expected to visit {capital} before the summit.',
  'Analysts said the move by {country} could reshape relations with {country2} for years.',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function generatedName(random: () => number): string {
  return `${pick(FIRST_NAMES, random)} ${pick(SURNAME_PARTS, random)}${pick(SURNAME_ROOTS, random)}`;
}

function generatedSentence(random: () => number): string {
  const country = pick(COUNTRIES, random);
  const fills: Record<string, () => string> = {
    country: () => country.name,
    country2: () => pick(COUNTRIES, random).name,
    capital: () => country.capitals[0] ?? country.name,
    role: () => pick(ROLES, random),
    name: () => generatedName(random),
    name2: () => generatedName(random),
    weekday: () => pick(WEEKDAYS, random),
    number: () => String(1 + Math.floor(random() * 900)),
  };
  return pick(TEMPLATES, random).replace(/\{(\w+)\}/g, (_, key: string) => fills[key]!());
}

/** Stories from templates, for machines without the corpus: 2,000 stories of 6-14 paragraphs. */
export function generatedCorpus(seed = 1): SourceStory[] {
  const random = seededRandom(seed);
  return Array.from({ length: 2000 }, () => {
    const paragraphs = Array.from({ length: 6 + Math.floor(random() * 9) }, () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () => generatedSentence(random)).join(' '),
    );
    const title = generatedSentence(random)
      .replace(/[.”]+$/, '')
      .slice(0, 90);
    return { title, paragraphs };
  });
}

const wordCount = (paragraphs: readonly string[]) => paragraphs.reduce((sum, text) => sum + text.split(/\s+/).length, 0);

/** A paragraph's sentences: split after a full stop, question or exclamation mark before a capital. */
function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["'’”]?)\s+(?=["'‘“]?\p{Lu})/u);
}

/** Sentences per composed paragraph: at least two, so no paragraph is one corpus sentence reused. */
const MIN_SENTENCES = 2;
const MAX_SENTENCES = 4;

/**
 * Story `index` of the archive: a corpus story's headline over 400-900 words of paragraphs
 * composed from the sentences of that story and three near neighbours (which, in a corpus
 * sorted by topic, share its topic), and a caption made from one of its sentences plus an
 * agency credit. Composed, not copied: whole corpus paragraphs reused by later rounds left a
 * 10,000-story archive with one distinct paragraph in nine, which flattered whatever keeps
 * equal text once (the content store, compression); a real archive repeats almost none.
 */
export function benchStory(corpus: readonly SourceStory[], index: number): BenchStory {
  const random = seededRandom(index + 1);
  const base = corpus[index % corpus.length]!;
  const neighbours = Array.from({ length: 3 }, () => corpus[(index + 1 + Math.floor(random() * 40)) % corpus.length]!);
  const sentences = [base, ...neighbours].flatMap((story) => story.paragraphs.flatMap(sentencesOf));
  // Shuffled, then taken in turn: no sentence twice in a story until all were used.
  for (let last = sentences.length - 1; last > 0; last--) {
    const other = Math.floor(random() * (last + 1));
    [sentences[last], sentences[other]] = [sentences[other]!, sentences[last]!];
  }
  const targetWords = 400 + Math.floor(random() * 500);
  const paragraphs: string[] = [];
  let next = 0;
  do {
    const length = MIN_SENTENCES + Math.floor(random() * (MAX_SENTENCES - MIN_SENTENCES + 1));
    paragraphs.push(Array.from({ length }, () => sentences[next++ % sentences.length]!).join(' '));
  } while (wordCount(paragraphs) < targetWords);
  const sentence = (pick(paragraphs, random).match(/^.{20,180}?[.!?](?=\s|$)/)?.[0] ?? paragraphs[0]!.slice(0, 120)).replace(/[.!?]$/, '');
  const caption = `${sentence}, in a file photo (${pick(CREDITS, random)})`;
  return { title: base.title, paragraphs, caption };
}

/** One day's dump in the news site's text layout. */
export function dumpText(stories: readonly BenchStory[]): string {
  return stories
    .map(({ title, caption, paragraphs }) =>
      [title, '', caption, caption, LOGO_LINE, '', title, '', caption, caption, '', paragraphs.join('\n\n')].join('\n'),
    )
    .join('\n\n\n');
}

export function dayOf(dayIndex: number): string {
  return format(addDays(FIRST_DAY, dayIndex), 'yyyy-MM-dd');
}

/** The corpus the archive draws from: the BBC stories beside the repository, else generated ones. */
export async function loadCorpus(projectRoot: string): Promise<{ stories: SourceStory[]; origin: string }> {
  const bbc = join(projectRoot, '..', 'shared', 'corpus', 'bbc');
  if (existsSync(bbc)) return { stories: await readCorpus(bbc), origin: 'BBC corpus (../shared/corpus/bbc)' };
  return { stories: generatedCorpus(), origin: 'generated stories (no ../shared/corpus/bbc)' };
}

/**
 * Writes stories `first` .. `first + count - 1` as dumps under `sourcesDir`, 30 per day on
 * consecutive days from 2020-01-01 (story `first` opens a new day). Returns the days written.
 */
/** The archive's dumps from story `first` on, a day of `STORIES_PER_DAY` stories each: its day and its text. */
export function* archiveDumps(corpus: readonly SourceStory[], count: number, first = 0): Generator<{ day: string; text: string }> {
  const firstDay = Math.ceil(first / STORIES_PER_DAY);
  for (let start = first, day = firstDay; start < first + count; start += STORIES_PER_DAY, day++) {
    const end = Math.min(start + STORIES_PER_DAY, first + count);
    const stories = Array.from({ length: end - start }, (_, offset) => benchStory(corpus, start + offset));
    yield { day: dayOf(day), text: dumpText(stories) };
  }
}

export async function writeArchive(sourcesDir: string, corpus: readonly SourceStory[], count: number, first = 0): Promise<string[]> {
  const days: string[] = [];
  for (const { day, text } of archiveDumps(corpus, count, first)) {
    await mkdir(join(sourcesDir, day), { recursive: true });
    await writeFile(join(sourcesDir, day, 'bench.txt'), text);
    days.push(day);
  }
  return days;
}
