/** Stage 7, write: articles to MDX files, atomically, touching only files whose bytes change. */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isLiveTemporary, writeFileAtomicSync } from '#lib/atomic-write.ts';
import { renderArticle, type RenderedArticle } from './mdx.ts';
import { LOCK_FILE } from './lock.ts';
import { WriteCache } from './write-cache.ts';

export interface ArticleFile extends RenderedArticle {
  /** Path inside the articles folder, `YYYY-MM-DD/<slug>.mdx`. */
  path: string;
  /** Line numbers in the dump whose text the article holds (not written; for the nothing-lost report). */
  contentLines: number[];
  /** `bodyHash(body)`, when the stage that parsed the body already took it (a cached dump's body is read only when needed). */
  bodyHash?: string;
}

/**
 * Files under `dir` that no article accounts for: everything but the lock and temporary files of
 * live processes (the lock's own, or a refused ingest's), so leftovers of a killed run go too.
 */
async function sweepable(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !isLiveTemporary(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== LOCK_FILE);
}

/** Day folders left empty once their articles are gone. */
async function removeEmptyFolders(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    await removeEmptyFolders(folder);
    if ((await readdir(folder)).length === 0) await rmdir(folder);
  }
}

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Called after each article, so a long run can show progress. */
export type WriteProgress = (done: number, total: number) => void;

export interface WriteOptions {
  onProgress?: WriteProgress;
  /** The write cache's file (`writeCacheFile(root)`); without it every article is rendered and compared. */
  cacheFile?: string;
}

/**
 * Makes `dir` hold exactly `articles`: new and changed files are written, unchanged ones left
 * untouched, stale ones (and temporary files of an interrupted run) removed. Run under
 * `acquireLock(dir)`; killed at any point, a rerun converges to the same folder.
 */
export async function writeArticles(
  dir: string,
  articles: readonly ArticleFile[],
  { onProgress, cacheFile }: WriteOptions = {},
): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
  await mkdir(dir, { recursive: true });
  const wanted = new Set(articles.map((article) => article.path));
  const cache = await WriteCache.open(cacheFile);
  const folders = new Set<string>();
  for (const [position, article] of articles.entries()) {
    const file = join(dir, article.path);
    const key = cache.key(article);
    // Synchronous, stats and writes alike: awaiting thousands of small calls costs more in scheduling than in work.
    const before = statSync(file, { throwIfNoEntry: false });
    if (cache.reuse(article.path, key, file, before)) {
      summary.unchanged.push(article.path);
    } else {
      const content = renderArticle(article);
      const current = before === undefined ? undefined : await readFile(file, 'utf8').catch(() => undefined);
      if (current === content) {
        summary.unchanged.push(article.path);
      } else {
        if (!folders.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
        folders.add(dirname(file));
        writeFileAtomicSync(file, content);
        summary.written.push(article.path);
      }
      cache.record(article.path, key, statSync(file), content);
    }
    onProgress?.(position + 1, articles.length);
  }
  for (const path of await sweepable(dir)) {
    if (!wanted.has(path)) {
      await rm(join(dir, path), { force: true });
      if (!basename(path).startsWith('.')) summary.removed.push(path);
    }
  }
  await removeEmptyFolders(dir);
  await cache.save();
  return summary;
}
