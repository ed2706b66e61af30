/**
 * The names stages as the pipeline runs them: extraction per article, reused from a cache keyed
 * by the article's text, the extractor's code and the curation; then one resolution pass over
 * the whole archive. A cached extraction is the same value a fresh one would be, so output never
 * depends on whether the cache is warm.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extract, type Extraction, type Mentions } from '../extract.ts';
import type { ParsedArticle } from '../parse.ts';
import { unregisteredNames } from '../resolve.ts';
import { loadCuration } from './curation.ts';
import { compileRules, projectRules, type NameRules } from './rules.ts';

export interface NameStage {
  rules: NameRules;
  /** Extractions by key; entries used in this run are kept in `used` so stale ones can be dropped. */
  cache?: Map<string, Extraction>;
  used?: Map<string, Extraction>;
}

/** The extractor's own source: a change to any rule invalidates every cached extraction. */
const EXTRACTOR_VERSION = (() => {
  const hash = createHash('sha256');
  const here = import.meta.dirname;
  hash.update(readFileSync(join(here, '../extract.ts')));
  for (const file of readdirSync(here).sort()) if (file.endsWith('.ts')) hash.update(readFileSync(join(here, file)));
  return hash.digest('hex');
})();

export function extractionKey(article: ParsedArticle, rules: NameRules): string {
  const text = [article.title, article.standfirst ?? '', article.caption ?? '', ...article.body.map((block) => block.text)].join('\n');
  return createHash('sha256').update(EXTRACTOR_VERSION).update(rules.curation.fingerprint).update(text).digest('hex');
}

export function defaultNameStage(): NameStage {
  return { rules: projectRules() };
}

export function extractNames(article: ParsedArticle, stage: NameStage): Extraction {
  const key = extractionKey(article, stage.rules);
  const extraction = stage.cache?.get(key) ?? extract(article, stage.rules);
  stage.used?.set(key, extraction);
  return extraction;
}

/** Where the cache lives: in the project (not in node_modules, which copies of it may share), git-ignored, safe to delete. */
export function cacheFile(root: string): string {
  return join(root, '.cache', 'broadsheet', 'names.json');
}

export async function loadNameCache(root: string): Promise<Map<string, Extraction>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(cacheFile(root), 'utf8')) as Record<string, Extraction>));
  } catch {
    // A missing or unreadable cache only costs time: every article is extracted afresh.
    return new Map();
  }
}

/** Keeps only this run's extractions, so the file never outgrows the archive. */
export async function saveNameCache(root: string, used: ReadonlyMap<string, Extraction>): Promise<void> {
  const file = cacheFile(root);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(Object.fromEntries(used)));
  await rename(temporary, file);
}

/** The names stage for the project at `root`: its curation (an IngestError if a file is wrong) and its cache. */
export async function openNameStage(root: string): Promise<NameStage> {
  return { rules: compileRules(loadCuration(root)), cache: await loadNameCache(root), used: new Map() };
}

export async function closeNameStage(root: string, stage: NameStage): Promise<void> {
  if (!stage.used) return;
  // Every extraction came from the cache and every cached one was used: the file already says it.
  const unchanged = stage.cache !== undefined && stage.used.size === stage.cache.size && [...stage.used.keys()].every((key) => stage.cache!.has(key));
  if (!unchanged) await saveNameCache(root, stage.used);
}

/** `--report` lines: people the registry does not list yet, for a maintainer to confirm or correct. */
export function namesReport(articles: readonly { path: string; frontmatter: Mentions }[], stage: NameStage): string[] {
  const ids = articles.map((article) => article.path.replace(/\.mdx$/, ''));
  return unregisteredNames(ids, articles.map((article) => article.frontmatter), stage.rules).map(
    (name) => `name  ${name.name}  (${name.articles} ${name.articles === 1 ? 'story' : 'stories'}, first ${name.firstArticle}): not in content/names/people.yaml`,
  );
}
