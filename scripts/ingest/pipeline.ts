/**
 * The ingest pipeline as one pure function: read sources in, articles and a report out.
 * read -> decode -> split -> parse -> extract -> resolve -> write; this file wires the middle.
 */
import { createHash } from 'node:crypto';
import { slugify } from '../../src/lib/slug.ts';
import { decode } from './decode.ts';
import { IngestError } from './errors.ts';
import type { Extraction } from './extract.ts';
import { defaultNameStage, extractNames, type NameStage } from './names/stage.ts';
import { resolveArchive } from './resolve.ts';
import { parseBlock, type ParsedArticle } from './parse.ts';
import type { SourceFile } from './read.ts';
import { split } from './split.ts';
import type { ArticleFile } from './write.ts';

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

/** Called after each source, so a long run can show progress without the pipeline doing I/O. */
export type ProgressListener = (done: number, total: number, path: string) => void;

/** Whitespace-insensitive fingerprint of a story, so the same story scraped twice is one article. */
function fingerprint(article: ParsedArticle): string {
  // Each run of whitespace becomes one space; a lone space, most runs, is left alone, which
  // makes this a fifth of the cost of replacing every run.
  const text = [article.title, ...article.body.map((block) => block.text)].join('\n').replace(/[^\S ]\s*| \s+/g, ' ');
  return createHash('sha256').update(text).digest('hex');
}

function uniqueSlug(taken: Set<string>, title: string): string {
  const base = slugify(title) || 'story';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

export function ingestSources(sources: readonly SourceFile[], onProgress?: ProgressListener, names: NameStage = defaultNameStage()): IngestResult {
  const extractions: Extraction[] = [];
  const result: IngestResult = { articles: [], duplicates: [], skipped: [], errors: [], warnings: [] };
  const seen = new Map<string, string>();
  const slugsByDay = new Map<string, Set<string>>();

  for (const [position, source] of sources.entries()) {
    onProgress?.(position + 1, sources.length, source.path);
    let lines: string[];
    try {
      const decoded = decode(source.path, source.bytes);
      lines = decoded.lines;
      if (decoded.encoding !== 'utf-8') result.warnings.push(`${source.path}: not UTF-8, read as ${decoded.encoding}; check its accents and quotes`);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      result.errors.push(error);
      continue;
    }
    let accepted = 0;
    for (const block of split(lines)) {
      const parsed = parseBlock(block);
      for (const skip of parsed.skipped) result.skipped.push({ file: source.path, ...skip });
      // Content that becomes no article is reported line by line, never silently dropped.
      const skipContent = (reason: string) => {
        const content = new Set(parsed.contentLines);
        for (const line of block.lines) {
          if (content.has(line.number)) result.skipped.push({ file: source.path, line: line.number, text: line.text, reason });
        }
      };
      if (parsed.body.length === 0) {
        skipContent('fragment with no body');
        continue;
      }
      accepted++;
      const key = fingerprint(parsed);
      const location = `${source.path}#L${parsed.firstLine}-L${parsed.lastLine}`;
      const firstSeen = seen.get(key);
      if (firstSeen) {
        result.duplicates.push({ file: source.path, firstLine: parsed.firstLine, lastLine: parsed.lastLine, duplicateOf: firstSeen });
        skipContent(`duplicate of ${firstSeen}`);
        continue;
      }
      seen.set(key, location);
      const slugs = slugsByDay.get(source.date) ?? new Set<string>();
      slugsByDay.set(source.date, slugs);
      const slug = uniqueSlug(slugs, parsed.title);
      extractions.push(extractNames(parsed, names));
      const frontmatter: ArticleFile['frontmatter'] = { title: parsed.title, date: source.date, source: location, people: [], countries: [], captionPeople: [], captionCountries: [], roles: {} };
      if (parsed.standfirst !== undefined) frontmatter.standfirst = parsed.standfirst;
      if (parsed.caption !== undefined) frontmatter.caption = parsed.caption;
      if (parsed.credit !== undefined) frontmatter.credit = parsed.credit;
      if (parsed.captionDate !== undefined) frontmatter.captionDate = parsed.captionDate;
      result.articles.push({ path: `${source.date}/${slug}.mdx`, frontmatter, body: parsed.body, contentLines: parsed.contentLines });
    }
    if (accepted === 0) {
      result.errors.push(
        new IngestError(source.path, 1, 'no recognisable article in this dump (no headline followed by paragraphs)', 'check it is a scraped news dump: a headline line, a blank line, then the paragraphs; or delete it'),
      );
    }
  }
  // Names are settled across the whole archive: lone surnames, spelling variants, overrides.
  const ids = result.articles.map((article) => article.path.replace(/\.mdx$/, ''));
  resolveArchive(ids.map((id, index) => ({ id, extraction: extractions[index]! })), names.rules).forEach((mentions, index) => Object.assign(result.articles[index]!.frontmatter, mentions));
  return result;
}
