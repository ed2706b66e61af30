/**
 * Scores the person pages a reader meets: the names stage runs over the bench archive (the same
 * seeded stories `npm run bench` builds), person pages are drawn at random with a fixed seed,
 * and each is looked up in the hand verdicts of `tests/labels/person-pages.json`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestSources } from '#ingest/pipeline.ts';
import type { DumpFile } from '#ingest/read.ts';
import { openNameStage } from '#ingest/names/stage.ts';
import { archiveDumps, type SourceStory } from '../bench/archive.ts';
import { projectRoot } from './labelled.ts';

export const PERSON_PAGE_LABELS = join(projectRoot, 'tests/labels/person-pages.json');
/** The draw the verdicts were made for; a new draw judges whatever names it adds. */
export const PAGES_SEED = 22;
export const PAGES_COUNT = 200;
export const PAGES_ARCHIVE = 10_000;
/** A second draw, judged once and never read while changing the rules: it tells fitting from generalising. */
export const UNTUNED_PAGE_LABELS = join(projectRoot, 'tests/labels/person-pages-untuned.json');
export const UNTUNED_PAGES_SEED = 23;
export const UNTUNED_PAGES_COUNT = 100;

export type Verdict = 'person' | 'not-person' | 'duplicate';

export interface PersonPage {
  name: string;
  /** Up to three sentences naming the person, with the story's title: what a judge reads. */
  evidence: string[];
  stories: number;
}

export interface PagesReport {
  drawn: number;
  judged: number;
  people: number;
  notPeople: string[];
  duplicates: string[];
  unjudged: PersonPage[];
}

/** Every person page of the bench archive of `count` stories, ingested under the project's names files. */
export function benchPersonPages(corpus: readonly SourceStory[], count = PAGES_ARCHIVE): PersonPage[] {
  const encoder = new TextEncoder();
  const sources: DumpFile[] = [...archiveDumps(corpus, count)].map(({ day, text }) => ({
    path: `${day}/bench.txt`,
    date: day,
    bytes: encoder.encode(text),
  }));
  const result = ingestSources(sources, undefined, openNameStage(projectRoot));
  const pages = new Map<string, PersonPage>();
  for (const { frontmatter, body } of result.articles) {
    const text = [frontmatter.caption ?? '', ...body.map((block) => block.text)].join(' ');
    const sentences = text.split(/(?<=[.!?"])\s+/);
    for (const name of new Set(frontmatter.people)) {
      const page = pages.get(name) ?? { name, evidence: [], stories: 0 };
      page.stories++;
      const surname = name.split(' ').at(-1)!;
      const sentence = sentences.find((text) => text.includes(name)) ?? sentences.find((text) => text.includes(surname));
      if (sentence && page.evidence.length < 3) page.evidence.push(`[${frontmatter.title}] ${sentence.trim()}`);
      pages.set(name, page);
    }
  }
  return [...pages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `count` pages drawn with `seed`: those whose names hash lowest under the seed. A page keeps its
 * place in the draw while it exists, so a rule change swaps only the pages it removes or adds
 * and the verdicts already made keep counting.
 */
export function drawPages(pages: readonly PersonPage[], seed = PAGES_SEED, count = PAGES_COUNT): PersonPage[] {
  const rank = (page: PersonPage) => createHash('sha1').update(`${seed}:${page.name}`).digest('hex');
  return pages
    .map((page) => ({ page, rank: rank(page) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, count)
    .map(({ page }) => page);
}

export interface Verdicts {
  verdicts: Record<string, Verdict>;
  /** For each duplicate, the other page of the same person. */
  duplicateOf: Record<string, string>;
}

export function readVerdicts(file = PERSON_PAGE_LABELS): Verdicts {
  if (!existsSync(file)) return { verdicts: {}, duplicateOf: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as Verdicts;
}

/** The drawn pages scored against the verdicts; `pages` are all the build's, to tell whether a duplicate's other page is still there. */
export function scorePages(drawn: readonly PersonPage[], { verdicts, duplicateOf }: Verdicts, pages: readonly PersonPage[]): PagesReport {
  const names = new Set(pages.map((page) => page.name));
  const report: PagesReport = { drawn: drawn.length, judged: 0, people: 0, notPeople: [], duplicates: [], unjudged: [] };
  for (const page of drawn) {
    const verdict = verdicts[page.name];
    if (verdict === undefined) {
      report.unjudged.push(page);
      continue;
    }
    report.judged++;
    // A duplicate whose other page a later build merged into it is now the person's one page.
    if (verdict === 'person' || (verdict === 'duplicate' && !names.has(duplicateOf[page.name] ?? ''))) report.people++;
    else if (verdict === 'duplicate') report.duplicates.push(page.name);
    else report.notPeople.push(page.name);
  }
  return report;
}
