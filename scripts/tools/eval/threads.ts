/**
 * Scores the thread stage against BBC stories grouped into threads by hand (rules in
 * docs/labelling.md): pairwise precision and recall of "same thread" on the development set,
 * which may be read while tuning, and on the untuned set, which may not; and the seed's threads.
 * The stories are read from the shared corpus and run through the real pipeline, as one day,
 * since the corpus is undated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestSources } from '#ingest/pipeline.ts';
import { defaultNameStage } from '#ingest/names/stage.ts';
import { defaultThreadRules, type ThreadRules } from '#ingest/thread.ts';
import { projectRoot, sharedCorpus } from './labelled.ts';

/** The set read while tuning the stage, and the set it is never tuned on. */
export const THREAD_LABELS = {
  development: join(projectRoot, 'tests/labels/bbc-threads-dev.json'),
  untuned: join(projectRoot, 'tests/labels/bbc-threads.json'),
};

interface ThreadLabels {
  stories: string[];
  threads: { event: string; stories: string[] }[];
}

export interface PairScore {
  stories: number;
  /** Pairs of stories the labels put in one thread. */
  labelledPairs: number;
  /** Pairs the stage put in one thread. */
  foundPairs: number;
  rightPairs: number;
  precision: number;
  recall: number;
  /** `a + b` for every pair the stage joined that the labels keep apart. */
  falseJoins: string[];
  /** `a + b` for every labelled pair the stage kept apart. */
  missedJoins: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a} + ${b}` : `${b} + ${a}`);

function pairsOf(groups: Iterable<readonly string[]>): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) for (const [i, a] of group.entries()) for (const b of group.slice(i + 1)) pairs.add(pairKey(a, b));
  return pairs;
}

/** The labelled stories' threads as the stage finds them, scored pair by pair against the labels. */
export function evaluateThreads(labelsFile: string, rules: ThreadRules = defaultThreadRules()): PairScore {
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as ThreadLabels;
  const dir = join(sharedCorpus, 'bbc');
  const dumpPath = (story: string) => `content/sources/2005-01-01/${story.replace('/', '-')}`;
  const sources = labels.stories.map((story) => ({ path: dumpPath(story), date: '2005-01-01', bytes: readFileSync(join(dir, story)) }));
  const result = ingestSources(sources, undefined, defaultNameStage(), rules);
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.message).join('\n'));
  const storyOf = new Map(labels.stories.map((story) => [dumpPath(story), story]));
  const found = new Map<string, string[]>();
  for (const article of result.articles) {
    const thread = article.frontmatter.thread;
    if (!thread) continue;
    const members = found.get(thread.slug) ?? [];
    found.set(thread.slug, members);
    members.push(storyOf.get(article.frontmatter.source.replace(/#.*$/, ''))!);
  }
  const labelled = pairsOf(labels.threads.map((thread) => thread.stories));
  const given = pairsOf(found.values());
  const right = [...given].filter((pair) => labelled.has(pair)).length;
  return {
    stories: labels.stories.length,
    labelledPairs: labelled.size,
    foundPairs: given.size,
    rightPairs: right,
    precision: given.size === 0 ? 1 : right / given.size,
    recall: labelled.size === 0 ? 1 : right / labelled.size,
    falseJoins: [...given].filter((pair) => !labelled.has(pair)).sort(),
    missedJoins: [...labelled].filter((pair) => !given.has(pair)).sort(),
  };
}

/** The seed dumps' stories, ingested as one day, with their thread slugs in dump order (none for a story alone). */
export function seedThreads(rules: ThreadRules = defaultThreadRules()): { title: string; thread: string | undefined }[] {
  const dir = join(sharedCorpus, 'seed');
  const dumps = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort();
  const result = ingestSources(
    dumps.map((dump) => ({ path: `content/sources/2026-02-07/${dump}`, date: '2026-02-07', bytes: readFileSync(join(dir, dump)) })),
    undefined,
    defaultNameStage(),
    rules,
  );
  return result.articles.map((article) => ({ title: article.frontmatter.title, thread: article.frontmatter.thread?.slug }));
}
