/**
 * Scores the names stage against hand-labelled stories: document-level precision, recall and
 * F1 for people and for countries, with every miss and false hit. The stories are read from the
 * shared corpora (never copied into the repository) and run through the real ingest pipeline.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { seededRandom } from '../bench/archive.ts';
import { ingestSources } from '#ingest/pipeline.ts';
import type { DumpFile } from '#ingest/read.ts';
import { defaultNameStage } from '#ingest/names/stage.ts';
import { spelledAlike } from '#ingest/resolve.ts';
import type { ArticleFrontmatter } from '#lib/article.ts';

export const projectRoot = resolve(import.meta.dirname, '../../..');
/** The shared corpora, beside the repository. */
export const sharedCorpus = resolve(projectRoot, '../shared/corpus');
export const BBC_LABELS = join(projectRoot, 'tests/labels/bbc-names.json');
/** Labels of BBC stories the rules were never tuned on (docs/labelling.md). */
export const BBC_UNTUNED_LABELS = join(projectRoot, 'tests/labels/bbc-names-untuned.json');
/** The seed that drew the untuned stories; a fresh draw takes a new seed. */
export const UNTUNED_SEED = 21;
export const UNTUNED_COUNT = 120;
/** A second tuned set, drawn once the first was learnt by heart: its misses are read. */
export const BBC_DEV_LABELS = join(projectRoot, 'tests/labels/bbc-names-dev.json');
export const DEV_SEED = 23;
export const DEV_COUNT = 90;

export interface Label {
  people: string[];
  countries: string[];
  optional_people?: string[];
  optional_countries?: string[];
}

/** A labels file's stories, each with its labels, keyed by path. */
export function readLabels(file: string): Record<string, Label> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { stories: Record<string, Label> }).stories;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** `story: name` for every labelled name the stage missed. */
  misses: string[];
  /** `story: name` for every name the stage gave that the labels do not. */
  falseHits: string[];
}

export interface SetReport {
  name: string;
  stories: number;
  scores: Record<string, Score>;
}

interface Prediction {
  story: string;
  predicted: Record<string, string[]>;
  gold: Record<string, string[]>;
  optional: Record<string, string[]>;
}

function score(predictions: readonly Prediction[], field: string): Score {
  const result: Score = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    precision: 1,
    recall: 1,
    f1: 1,
    misses: [],
    falseHits: [],
  };
  const people = /people/i.test(field);
  for (const { story, predicted, gold, optional } of predictions) {
    const expected = new Set(gold[field] ?? []);
    const allowed = new Set(optional[field] ?? []);
    const given = new Set(predicted[field] ?? []);
    // A lone surname the story never expands is optional under whatever full name the archive gives it.
    const optionalSurname = (name: string) => allowed.has(name.split(' ').at(-1)!);
    // A story's own misspelling the archive folds into the person's one spelling (`Ben Wishaw`
    // under `Ben Whishaw`) names the labelled person.
    const matched = new Set<string>();
    const labelledAs = (name: string) =>
      expected.has(name) || !people
        ? name
        : [...expected].find((label) => !given.has(label) && !matched.has(label) && spelledAlike(label, name));
    for (const name of given) {
      const label = labelledAs(name);
      if (label !== undefined && expected.has(label)) {
        result.truePositives++;
        matched.add(label);
      } else if (!allowed.has(name) && !optionalSurname(name)) {
        result.falsePositives++;
        result.falseHits.push(`${story}: ${name}`);
      }
    }
    for (const name of expected) {
      if (!matched.has(name)) {
        result.falseNegatives++;
        result.misses.push(`${story}: ${name}`);
      }
    }
  }
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = result;
  result.precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  result.recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  result.f1 = result.precision + result.recall === 0 ? 0 : (2 * result.precision * result.recall) / (result.precision + result.recall);
  return result;
}

/** The articles by source file; a file whose story was merged as a duplicate maps to the article it duplicates. */
function ingest(sources: DumpFile[]): { articles: ArticleFrontmatter[]; byFile: Map<string, ArticleFrontmatter> } {
  const result = ingestSources(sources, undefined, defaultNameStage());
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.message).join('\n'));
  const byLocation = new Map(result.articles.map((article) => [article.frontmatter.source, article.frontmatter]));
  const byFile = new Map(result.articles.map((article) => [article.frontmatter.source.replace(/#.*$/, ''), article.frontmatter]));
  for (const duplicate of result.duplicates) {
    const original = byLocation.get(duplicate.duplicateOf);
    if (original && !byFile.has(duplicate.file)) byFile.set(duplicate.file, original);
  }
  return { articles: result.articles.map((article) => article.frontmatter), byFile };
}

interface SeedGold {
  articles: {
    title: string;
    persons: string[];
    countries: string[];
    optional_countries?: string[];
    caption_persons?: string[];
    caption_countries?: string[];
  }[];
}

/** Every seed dump with a `.gold.json` beside it, each ingested as one day. */
export function evaluateSeed(dir = join(sharedCorpus, 'seed')): SetReport {
  const predictions: Prediction[] = [];
  for (const goldFile of readdirSync(dir)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()) {
    const gold = JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as SeedGold;
    const dump = goldFile.replace(/\.gold\.json$/, '.txt');
    const { articles } = ingest([{ path: `seed/2026-01-01/${dump}`, date: '2026-01-01', bytes: readFileSync(join(dir, dump)) }]);
    for (const expected of gold.articles) {
      const article = articles.find((candidate) => candidate.title === expected.title);
      if (!article) throw new Error(`${goldFile}: the pipeline made no article titled "${expected.title}"`);
      predictions.push({
        story: `${dump}: ${expected.title.slice(0, 40)}`,
        predicted: {
          people: article.people,
          countries: article.countries,
          captionPeople: article.captionPeople,
          captionCountries: article.captionCountries,
        },
        gold: {
          people: expected.persons,
          countries: expected.countries,
          captionPeople: expected.caption_persons ?? [],
          captionCountries: expected.caption_countries ?? [],
        },
        optional: { countries: expected.optional_countries ?? [] },
      });
    }
  }
  return {
    name: 'seed',
    stories: predictions.length,
    scores: Object.fromEntries(
      ['people', 'countries', 'captionPeople', 'captionCountries'].map((field) => [field, score(predictions, field)]),
    ),
  };
}

/** A labelled set of BBC stories: its name in reports and its labels files. */
export interface BbcSet {
  name: string;
  files: readonly string[];
}

/** The tuned set (the first labels and the development set, whose misses are read) and the untuned one. */
export const BBC_SETS: readonly BbcSet[] = [
  { name: 'bbc tuned', files: [BBC_LABELS, BBC_DEV_LABELS] },
  { name: 'bbc untuned', files: [BBC_UNTUNED_LABELS] },
];

/**
 * The labelled BBC stories, one report per set. The whole BBC archive is ingested once (one
 * day per folder), because a lone surname is resolved across the archive; only the labelled
 * stories are scored.
 */
export function evaluateBbc(dir = join(sharedCorpus, 'bbc'), sets: readonly BbcSet[] = BBC_SETS): SetReport[] {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const sources: DumpFile[] = [];
  folders.forEach((folder, index) => {
    const date = `2005-01-${String(index + 1).padStart(2, '0')}`;
    for (const file of readdirSync(join(dir, folder))
      .filter((name) => name.endsWith('.txt'))
      .sort()) {
      sources.push({ path: `${folder}/${file}`, date, bytes: readFileSync(join(dir, folder, file)) });
    }
  });
  const byStory = ingest(sources).byFile;
  return sets.map(({ name, files }) => {
    const labels = files.flatMap((file) => Object.entries(readLabels(file)).map(([story, label]) => [story, label, file] as const));
    const predictions = labels.map(([story, label, file]): Prediction => {
      const article = byStory.get(story);
      if (!article) throw new Error(`${file}: no article was made from ${story}`);
      return {
        story,
        predicted: { people: article.people, countries: article.countries },
        gold: { people: label.people, countries: label.countries },
        optional: { people: label.optional_people ?? [], countries: label.optional_countries ?? [] },
      };
    });
    return {
      name,
      stories: predictions.length,
      scores: { people: score(predictions, 'people'), countries: score(predictions, 'countries') },
    };
  });
}

/**
 * `count` BBC stories drawn at random with `seed` from those no labels file of `excluded` holds,
 * nor a copy of one (the corpus repeats a few stories): reproducible from the corpus, the files
 * and the seed alone.
 */
export function drawStories(seed: number, count: number, excluded: readonly string[], dir = join(sharedCorpus, 'bbc')): string[] {
  const text = (story: string) => readFileSync(join(dir, story), 'utf8').trim();
  const taken = new Set(excluded.flatMap((file) => Object.keys(readLabels(file)).map(text)));
  const pool = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt') && entry.parentPath !== dir)
    .map((entry) => `${relative(dir, entry.parentPath)}/${entry.name}`)
    .filter((story) => !taken.has(text(story)))
    .sort();
  const random = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort();
}

/** The untuned set's stories: drawn from outside the first tuned set. */
export const drawUntunedStories = () => drawStories(UNTUNED_SEED, UNTUNED_COUNT, [BBC_LABELS]);

/** The development set's stories: drawn after the untuned set, from outside both. */
export const drawDevStories = () => drawStories(DEV_SEED, DEV_COUNT, [BBC_LABELS, BBC_UNTUNED_LABELS]);

export function sharedCorpusPresent(): boolean {
  return existsSync(join(sharedCorpus, 'seed')) && existsSync(join(sharedCorpus, 'bbc'));
}

/**
 * The same BBC stories through compromise's `.people()` alone, as a yardstick for the rules:
 * each name it finds, stripped of a possessive, is a predicted person.
 */
export async function evaluateCompromiseBaseline(dir = join(sharedCorpus, 'bbc'), labelsFile = BBC_LABELS): Promise<SetReport> {
  const { default: nlp } = await import('compromise');
  const labels = readLabels(labelsFile);
  const predictions = Object.entries(labels).map(([story, label]): Prediction => {
    const text = readFileSync(join(dir, story), 'utf8');
    const people = (nlp(text).people().out('array') as string[])
      .map((name) =>
        name
          .replace(/['’]s$/, '')
          .replace(/[^\p{L}\p{M}' .-]/gu, '')
          .trim(),
      )
      .filter(Boolean);
    return {
      story,
      predicted: { people: [...new Set(people)] },
      gold: { people: label.people },
      optional: { people: label.optional_people ?? [] },
    };
  });
  return {
    name: 'bbc, compromise .people() alone (yardstick)',
    stories: predictions.length,
    scores: { people: score(predictions, 'people') },
  };
}
