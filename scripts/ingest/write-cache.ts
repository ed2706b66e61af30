/**
 * The write cache: what the last ingest wrote to each article path, so an unchanged article is
 * not rendered again. Only ever an optimisation: a file that differs in any way from what was
 * remembered is rendered and compared as without it.
 */
import { hash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import type { NumberedBlock } from './parse.ts';
import type { RenderedArticle } from './mdx.ts';

/** What an article's bytes depend on besides its frontmatter and body: the writing code and the installed serializers. */
const WRITER_VERSION = codeVersion([
  'scripts/ingest/mdx.ts',
  'scripts/ingest/write.ts',
  'scripts/ingest/write-cache.ts',
  'src/lib/frontmatter-yaml.ts',
]);

/** Identifies a body's blocks (kind, text, line): what the write cache compares instead of the body itself. */
export function bodyHash(body: readonly NumberedBlock[]): string {
  return cacheKey(body);
}

/** Where `writeArticles` remembers what it wrote: beside the names cache, git-ignored, safe to delete. */
export function writeCacheFile(root: string): string {
  return join(root, '.cache', 'broadsheet', 'written.json');
}

/** What the last run wrote to one path: the key of the article it rendered, and the file it left. */
interface WrittenFile {
  key: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** SHA-1 of the bytes, hex. */
  sha1: string;
}

const sha1 = (bytes: string | Uint8Array) => hash('sha1', bytes);

/** The write cache of one run: the entries it found, and those it will leave. */
export class WriteCache {
  private readonly file: string | undefined;
  private readonly remembered: ReadonlyMap<string, WrittenFile>;
  private readonly remember = new Map<string, WrittenFile>();
  private reused = 0;

  private constructor(file: string | undefined, remembered: ReadonlyMap<string, WrittenFile>) {
    this.file = file;
    this.remembered = remembered;
  }

  /** The cache kept in `file`; without a file, or without a code version, one that never matches. */
  static async open(file: string | undefined): Promise<WriteCache> {
    if (file === undefined || WRITER_VERSION === undefined) return new WriteCache(undefined, new Map());
    try {
      return new WriteCache(file, new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, WrittenFile>)));
    } catch {
      // A missing or unreadable cache only costs time: every article is rendered and compared.
      return new WriteCache(file, new Map());
    }
  }

  /** The key of an article's inputs, or undefined when the cache is not used. */
  key(article: RenderedArticle & { bodyHash?: string }): string | undefined {
    if (this.file === undefined) return undefined;
    return cacheKey(WRITER_VERSION, article.frontmatter, article.bodyHash ?? bodyHash(article.body));
  }

  /**
   * True, and the entry kept, when `file` on disk holds what the last run wrote to `path` for
   * these same inputs: untouched since by anyone, or with other times but the same bytes, as a
   * file restored from an archive (CI's cache) is, which is read and hashed rather than rendered.
   */
  reuse(path: string, key: string | undefined, file: string, stats: Stats | undefined): boolean {
    const entry = this.remembered.get(path);
    if (key === undefined || stats === undefined || entry?.key !== key || entry.size !== stats.size) return false;
    if (entry.mtimeMs === stats.mtimeMs && entry.ctimeMs === stats.ctimeMs) {
      this.remember.set(path, entry);
      this.reused++;
      return true;
    }
    if (typeof entry.sha1 !== 'string' || sha1(readFileSync(file)) !== entry.sha1) return false;
    // Kept with its new times, so the next run need not read it.
    this.remember.set(path, { ...entry, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs });
    return true;
  }

  /** Records the file just written (or found equal) for `path`: its times and its bytes' hash. */
  record(path: string, key: string | undefined, stats: Stats, content: string): void {
    if (key !== undefined)
      this.remember.set(path, { key, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, sha1: sha1(content) });
  }

  /**
   * Saves the entries recorded, last thing in a run: a run killed before leaves files the old
   * entries no longer match. Skipped when every entry was reused and none dropped.
   */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    if (this.reused === this.remember.size && this.remember.size === this.remembered.size) return;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.remember)));
  }
}
