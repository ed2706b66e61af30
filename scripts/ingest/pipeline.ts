/**
 * The ingest pipeline as one pure function: read dumps in, articles and a report out.
 * read -> decode -> split -> parse -> extract -> resolve -> thread -> write; this file wires the middle.
 */
import { hash } from 'node:crypto';
import { articleFrontmatterSchema, storyTextSchema } from '#lib/article.ts';
import { slugify } from '#lib/slug.ts';
import { decode } from './decode.ts';
import { IngestError } from './errors.ts';
import { extract, type Extraction } from './extract.ts';
import { defaultNameStage, type NameStage } from './names/stage.ts';
import type { NameRules } from './names/rules.ts';
import { resolveArchive } from './resolve.ts';
import { contentOf, parseStory, type NumberedBlock, type ParsedArticle } from './parse.ts';
import type { DumpFile } from './read.ts';
import { split } from './split.ts';
import {
  defaultThreadRules,
  storyTerms,
  threadArchive,
  unusedThreadCuration,
  type StoryTerms,
  type ThreadCheckpoints,
  type ThreadRules,
} from './thread.ts';
import type { ArticleFile } from './write.ts';
import { bodyHash } from './write-cache.ts';

export interface ReportedSkip {
  file: string;
  line: number;
  text: string;
  reason: string;
}

export interface IngestResult {
  articles: ArticleFile[];
  /** Stories met again (same headline and body) after their first appearance; their lines are also in `skipped`. */
  duplicates: { file: string; firstLine: number; lastLine: number; duplicateOf: string }[];
  skipped: ReportedSkip[];
  errors: IngestError[];
  /** Dumps that were not UTF-8 and were read as windows-1252: worth a look, not an error. */
  warnings: string[];
}

/** Called after each dump, so a long run can show progress without the pipeline doing I/O. */
export type ProgressListener = (done: number, total: number, path: string) => void;

/** A problem that makes a whole dump unusable, kept as data so a worker or a cache can hand it on. */
export interface DumpProblem {
  line: number | undefined;
  problem: string;
  fix: string;
}

/** A story as one dump gives it: its text, its fingerprint for finding it again, and the names it gives. */
export interface DumpStory {
  fingerprint: string;
  extraction: Extraction;
  /** Its distinctive words, which the thread stage compares stories by. */
  terms: StoryTerms;
  /** `bodyHash` of its body: the write stage tells an unchanged article by it. */
  bodyHash: string;
  /** The body already serialised by `bodyToMdx`, when the stage that read the dump did that too (workers do). */
  mdxBody?: string;
}

/** One story of a dump as parsed, with what it gives when it has a body. */
export interface DumpEntry {
  article: ParsedArticle;
  /** Absent for a fragment: story lines with no body, which become no article. */
  story?: DumpStory;
}

/**
 * All one dump gives on its own, before the archive is put together: a pure function of its
 * path and bytes and the name rules, so workers can compute it and a cache can keep it.
 */
export interface DumpResult {
  /** Set when the dump was not UTF-8 and was read in this legacy encoding instead. */
  legacyEncoding?: string;
  entries: DumpEntry[];
  problem?: DumpProblem;
}

/** Whitespace-insensitive fingerprint of a story, so the same story scraped twice is one article. */
function fingerprint(article: ParsedArticle): string {
  // Each run of whitespace becomes one space; a lone space, most runs, is left alone, which
  // costs far less than replacing every run.
  const text = [article.title, ...article.body.map((block) => block.text)].join('\n').replace(/[^\S ]\s*| \s+/g, ' ');
  return hash('sha1', text);
}

/** Stages 2-5 for one dump: decode, split, parse, and the names each story gives. */
export function processDump(source: DumpFile, rules: NameRules): DumpResult {
  let decoded;
  try {
    decoded = decode(source.path, source.bytes);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { entries: [], problem: { line: error.line, problem: error.problem, fix: error.fix } };
  }
  const result: DumpResult = { entries: [] };
  if (decoded.encoding !== 'utf-8') result.legacyEncoding = decoded.encoding;
  for (const lines of split(decoded.lines)) {
    const article = parseStory(lines);
    result.entries.push(
      article.body.length === 0
        ? { article }
        : {
            article,
            story: {
              fingerprint: fingerprint(article),
              extraction: extract(article, rules),
              terms: storyTerms(article),
              bodyHash: bodyHash(article.body),
            },
          },
    );
  }
  if (!result.entries.some((entry) => entry.story)) {
    result.problem = {
      line: 1,
      problem: 'no recognisable article in this dump (no headline followed by paragraphs)',
      fix: 'check it is a scraped news dump: a headline line, a blank line, then the paragraphs; or delete it',
    };
  }
  return result;
}

/** The bodies of a dump's stories, read again from its bytes: what the dump cache leaves out. */
export function dumpBodies(source: DumpFile): NumberedBlock[][] {
  return split(decode(source.path, source.bytes).lines).map((lines) => parseStory(lines).body);
}

function uniqueSlug(taken: Set<string>, title: string): string {
  const base = slugify(title) || 'story';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * Stages 6 and 7 and the order-dependent rest: the dumps' stories in path order become articles
 * (the first of a repeated story wins, slugs are numbered by day), names are resolved across
 * them and stories are grouped into threads.
 */
export function assembleArchive(
  sources: readonly DumpFile[],
  dumps: readonly DumpResult[],
  rules: NameRules,
  threadRules: ThreadRules = defaultThreadRules(),
  threadCheckpoints?: ThreadCheckpoints,
): IngestResult {
  const result: IngestResult = { articles: [], duplicates: [], skipped: [], errors: [], warnings: [] };
  const accepted: { path: string; date: string; location: string; parsed: ParsedArticle; story: DumpStory }[] = [];
  const seen = new Map<string, string>();
  const slugsByDay = new Map<string, Set<string>>();

  for (const [position, source] of sources.entries()) {
    const dump = dumps[position]!;
    if (dump.legacyEncoding !== undefined)
      result.warnings.push(`${source.path}: not UTF-8, read as ${dump.legacyEncoding}; check its accents and quotes`);
    for (const { article: parsed, story } of dump.entries) {
      for (const skip of parsed.skipped) result.skipped.push({ file: source.path, ...skip });
      // Content that becomes no article is reported line by line, never silently dropped.
      const skipContent = (reason: string) => {
        for (const line of contentOf(parsed)) result.skipped.push({ file: source.path, line: line.number, text: line.text, reason });
      };
      if (!story) {
        skipContent('fragment with no body');
        continue;
      }
      const location = `${source.path}#L${parsed.firstLine}-L${parsed.lastLine}`;
      const firstSeen = seen.get(story.fingerprint);
      if (firstSeen) {
        result.duplicates.push({ file: source.path, firstLine: parsed.firstLine, lastLine: parsed.lastLine, duplicateOf: firstSeen });
        skipContent(`duplicate of ${firstSeen}`);
        continue;
      }
      seen.set(story.fingerprint, location);
      const slugs = slugsByDay.get(source.date) ?? new Set<string>();
      slugsByDay.set(source.date, slugs);
      accepted.push({ path: `${source.date}/${uniqueSlug(slugs, parsed.title)}.mdx`, date: source.date, location, parsed, story });
    }
    if (dump.problem) result.errors.push(new IngestError(source.path, dump.problem.line, dump.problem.problem, dump.problem.fix));
  }
  // Names are settled across the whole archive: lone surnames, spelling variants, overrides.
  const tags = resolveArchive(
    accepted.map(({ path, story }) => ({ id: path.replace(/\.mdx$/, ''), extraction: story.extraction })),
    rules,
  );
  const threadStories = accepted.map(({ path, date, parsed, story }, index) => ({
    id: path.replace(/\.mdx$/, ''),
    date,
    title: parsed.title,
    terms: story.terms,
    people: tags[index]!.people,
    countries: tags[index]!.countries,
  }));
  const threads = threadArchive(threadStories, threadRules, threadCheckpoints);
  result.warnings.push(...unusedThreadCuration(threadStories, threads, threadRules.curation));
  result.articles = accepted.map(({ path, date, location, parsed, story }, index) => {
    // The schema checks the ingest's own output and puts the keys in the order files are
    // written in; `storyTextSchema` reads only the text fields, not the lazily read body.
    const frontmatter = articleFrontmatterSchema.parse({
      ...storyTextSchema.parse(parsed),
      date,
      source: location,
      ...tags[index],
      ...(threads[index] && { thread: threads[index] }),
    });
    const article: ArticleFile = {
      path,
      frontmatter,
      // Read on use: a cached dump's bodies are parsed again only for articles that are rendered.
      get body() {
        return parsed.body;
      },
      contentLines: parsed.contentLines,
      bodyHash: story.bodyHash,
    };
    if (story.mdxBody !== undefined) article.mdxBody = story.mdxBody;
    return article;
  });
  return result;
}

/** The whole pipeline in one thread, with nothing cached: what tests and the evaluation run. */
export function ingestSources(
  sources: readonly DumpFile[],
  onProgress?: ProgressListener,
  names: NameStage = defaultNameStage(),
  threadRules: ThreadRules = defaultThreadRules(),
): IngestResult {
  const dumps = sources.map((source, position) => {
    onProgress?.(position + 1, sources.length, source.path);
    return processDump(source, names.rules);
  });
  return assembleArchive(sources, dumps, names.rules, threadRules);
}
