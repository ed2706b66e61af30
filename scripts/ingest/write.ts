/** Stage 7, write: articles to MDX files, atomically, touching only files whose bytes change. */
import { createHash, hash } from 'node:crypto';
import { link, mkdir, readFile, readdir, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import type { ArticleFrontmatter } from '#lib/article.ts';
import type { BodyBlock } from './parse.ts';

export interface ArticleFile {
  /** Path inside the articles folder, `YYYY-MM-DD/<slug>.mdx`. */
  path: string;
  frontmatter: ArticleFrontmatter;
  body: BodyBlock[];
  /** Source line numbers whose text the article holds (not written; for the nothing-lost report). */
  contentLines: number[];
  /** `bodyToMdx(body)`, when a worker already serialised it. */
  mdxBody?: string;
  /** `bodyDigest(body)`, when the stage that parsed the body already took it (a cached dump's body is read only when needed). */
  bodyDigest?: string;
}

/** Identifies a body's blocks (kind, text, line): what the write cache compares instead of the body itself. */
export function bodyDigest(body: readonly BodyBlock[]): string {
  return hash('sha1', JSON.stringify(body));
}

/**
 * A line starting `import ` or `export ` is JavaScript to MDX, run at build time; the serializer
 * does not escape it, so its first letter is written as a character reference.
 */
const MDX_ESM_AT_LINE_START = [
  { character: 'i', atBreak: true, after: 'mport ' },
  { character: 'e', atBreak: true, after: 'xport ' },
];

/**
 * Text the serializer writes unchanged in a paragraph or a heading, so the tree is not needed
 * for it: a letter, quote, bracket or currency sign first, then letters, digits, spaces and
 * punctuation that is never markup (`!` is, only before `[`), no space last, and not a line of
 * JavaScript (MDX_ESM_AT_LINE_START). A property test holds both ways equal.
 */
const LITERAL_TEXT = /^(?!(?:import|export) )[\p{L}"'‘’“”(£$€][\p{L}\p{M}\p{N} ,.;:!?'"()%£$€‘’“”–—/-]*(?<! )$/u;

/**
 * The body as MDX, serialised from an mdast tree so every character of the source shows as
 * text: `{`, `<`, `*`, `#`, `import`, backslashes and entities are escaped by the serializer.
 */
export function serialisedBody(body: readonly BodyBlock[]): string {
  const children: RootContent[] = body.map((block) =>
    block.kind === 'heading'
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
  );
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { extensions: [mdxToMarkdown()], unsafe: MDX_ESM_AT_LINE_START });
}

/** The MDX of one block, without the serializer when its text is literal (nineteen blocks in twenty). */
function blockMdx(block: BodyBlock): string {
  if (!LITERAL_TEXT.test(block.text)) return serialisedBody([block]).slice(0, -'\n'.length);
  return block.kind === 'heading' ? `## ${block.text}` : block.text;
}

/** `serialisedBody(body)`: blocks are serialised one by one and joined by a blank line, as the serializer joins them. */
export function bodyToMdx(body: readonly BodyBlock[]): string {
  return body.length === 0 ? serialisedBody(body) : `${body.map(blockMdx).join('\n\n')}\n`;
}

/** Options that make `yaml` write frontmatter byte-stable: double-quoted values, plain keys, no line folding. */
const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

/**
 * `"text"` as `yaml` double-quotes it, or undefined when that takes more than JSON: `yaml` builds
 * double-quoted scalars from JSON.stringify and rewrites only the escapes of control characters
 * other than tab.
 */
function doubleQuoted(text: unknown): string | undefined {
  return typeof text === 'string' && !/[\u0000-\u0008\u000a-\u001f]/.test(text) ? JSON.stringify(text) : undefined;
}

/** Keys `yaml` surely writes plain: a letter first, no indicator, no trailing space, not a boolean or null, short. */
const PLAIN_KEY = /^\p{L}[\p{L}\p{M}\p{N} '’.-]{0,200}(?<! )$/u;
const KEYWORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const plainKey = (key: string) => PLAIN_KEY.test(key) && !KEYWORDS.has(key);

/** One top-level key and its value as `yaml` writes them, or undefined when it is not all plain text. */
function entryYaml(key: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    const quoted = doubleQuoted(value);
    return quoted === undefined ? undefined : `${key}: ${quoted}\n`;
  }
  const items = Array.isArray(value) ? value.map((item: unknown) => ['-', doubleQuoted(item)]) : Object.entries(value).map(([name, item]) => [plainKey(name) ? `${name}:` : undefined, doubleQuoted(item)]);
  if (items.length === 0) return `${key}: ${Array.isArray(value) ? '[]' : '{}'}\n`;
  let yaml = `${key}:\n`;
  for (const [lead, quoted] of items) {
    if (lead === undefined || quoted === undefined) return undefined;
    yaml += `  ${lead} ${quoted}\n`;
  }
  return yaml;
}

/**
 * The frontmatter, byte for byte as `yaml` stringifies it with YAML_OPTIONS. Written directly when
 * every value is text of the kinds above, at a hundredth of the cost; anything else is left to
 * `yaml`. A property test holds the two equal.
 */
export function frontmatterYaml(frontmatter: ArticleFrontmatter): string {
  let yaml = '';
  for (const [key, value] of Object.entries(frontmatter)) {
    if (value === undefined) continue;
    const entry = entryYaml(key, value);
    if (entry === undefined) return stringify(frontmatter, YAML_OPTIONS);
    yaml += entry;
  }
  return yaml;
}

export function renderArticle(article: Pick<ArticleFile, 'frontmatter' | 'body' | 'mdxBody'>): string {
  return `---\n${frontmatterYaml(article.frontmatter)}---\n\n${article.mdxBody ?? bodyToMdx(article.body)}`;
}

/** Name of the lock file that keeps two ingests from writing the collection at once. */
export const LOCK_FILE = '.lock';

/** A fresh hidden temporary name beside `file`: hidden so no loader sees it, unique per process. */
function temporaryPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

/**
 * Write to a temporary file, then rename: a reader or a killed run never sees half a file.
 * Synchronous, like the stats: ten thousand awaited opens, writes and closes cost more in
 * scheduling than in writing. `folders` remembers the folders already made.
 */
function writeAtomically(file: string, content: string, folders: Set<string>): void {
  const folder = dirname(file);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  const temporary = temporaryPathFor(file);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/** Every file under `dir` but the lock, including temporary files a killed run left behind. */
async function existingFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
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

/**
 * What an article's bytes depend on besides its frontmatter and body: this file's code and the
 * installed serializers with everything they use (npm's record of the installed tree). Without
 * that record nothing can vouch for a file unread, so the write cache is not used.
 */
const WRITER_VERSION = (() => {
  try {
    const installed = readFileSync(join(import.meta.dirname, '../../node_modules/.package-lock.json'));
    return createHash('sha256').update(readFileSync(import.meta.filename)).update(installed).digest('hex');
  } catch {
    return undefined;
  }
})();

/** What the last run wrote to one path: the key of the article it rendered, and the file it left. */
interface WrittenFile {
  key: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** Where `writeArticles` remembers what it wrote: beside the names cache, git-ignored, safe to delete. */
export function writeCacheFile(root: string): string {
  return join(root, '.cache', 'broadsheet', 'written.json');
}

async function loadWriteCache(file: string | undefined): Promise<Map<string, WrittenFile>> {
  if (file === undefined || WRITER_VERSION === undefined) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, WrittenFile>));
  } catch {
    // A missing or unreadable cache only costs time: every article is rendered and compared.
    return new Map();
  }
}

async function saveWriteCache(file: string, entries: ReadonlyMap<string, WrittenFile>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(Object.fromEntries(entries)));
  await rename(temporary, file);
}

function inputKey(version: string, article: Pick<ArticleFile, 'frontmatter' | 'body' | 'bodyDigest'>): string {
  // SHA-1 in one call: a third of SHA-256's cost here, and a collision needs an adversary.
  return hash('sha1', `${version}${JSON.stringify(article.frontmatter)}\n${article.bodyDigest ?? bodyDigest(article.body)}`);
}

function writtenFile(key: string, stats: Stats): WrittenFile {
  return { key, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

/** The file on disk is the one the last run wrote for these same inputs: untouched since, by anyone. */
function isAsWritten(remembered: WrittenFile | undefined, key: string, stats: Stats | undefined): boolean {
  return remembered !== undefined && stats !== undefined && remembered.key === key && remembered.size === stats.size && remembered.mtimeMs === stats.mtimeMs && remembered.ctimeMs === stats.ctimeMs;
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
  /**
   * Remembers each file's inputs and size and times as written, so an unchanged article is
   * neither rendered nor read next run. Only ever an optimisation: a file that differs in any
   * way from what was remembered is rendered and compared as without it.
   */
  cacheFile?: string;
}

/**
 * Makes `dir` hold exactly `articles`: new and changed files are written, unchanged ones left
 * untouched, stale ones (and temporary files of an interrupted run) removed. Run under
 * `acquireLock(dir)`; killed at any point, a rerun converges to the same folder.
 */
export async function writeArticles(dir: string, articles: readonly ArticleFile[], { onProgress, cacheFile }: WriteOptions = {}): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
  await mkdir(dir, { recursive: true });
  const wanted = new Set(articles.map((article) => article.path));
  const remembered = await loadWriteCache(cacheFile);
  const remember = new Map<string, WrittenFile>();
  let reused = 0;
  const folders = new Set<string>();
  for (const [position, article] of articles.entries()) {
    const file = join(dir, article.path);
    const key = WRITER_VERSION === undefined ? undefined : inputKey(WRITER_VERSION, article);
    // Synchronous: a stat is quick, and thousands of them cost more in scheduling when awaited.
    const before = statSync(file, { throwIfNoEntry: false });
    if (key !== undefined && isAsWritten(remembered.get(article.path), key, before)) {
      summary.unchanged.push(article.path);
      remember.set(article.path, remembered.get(article.path)!);
      reused++;
    } else {
      const content = renderArticle(article);
      const current = before === undefined ? undefined : await readFile(file, 'utf8').catch(() => undefined);
      if (current === content) {
        summary.unchanged.push(article.path);
      } else {
        writeAtomically(file, content, folders);
        summary.written.push(article.path);
      }
      if (key !== undefined) remember.set(article.path, writtenFile(key, statSync(file)));
    }
    onProgress?.(position + 1, articles.length);
  }
  for (const path of await existingFiles(dir)) {
    if (!wanted.has(path)) {
      await rm(join(dir, path));
      if (!basename(path).startsWith('.')) summary.removed.push(path);
    }
  }
  await removeEmptyFolders(dir);
  // Saved last: a run killed before this leaves files the old entries no longer match. Not
  // saved when every entry was reused and none dropped: the file already says it.
  const unchanged = reused === remember.size && remember.size === remembered.size;
  if (cacheFile !== undefined && WRITER_VERSION !== undefined && !unchanged) await saveWriteCache(cacheFile, remember);
  return summary;
}

/** Another ingest holds the lock: a clear message instead of two runs writing one folder. */
export class LockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `another ingest (process ${pid}) is writing ${dir} right now. ` +
        `Fix: wait for it to finish and run again; if no ingest is running, delete ${join(dir, LOCK_FILE)}.`,
    );
    this.name = 'LockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockHolder(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export interface Lock {
  file: string;
  /** Releases the lock; safe to call twice, and synchronous so signal handlers can use it. */
  release(): void;
}

/**
 * Takes `<dir>/.lock`, holding this process's id. The id is written to a temporary file that
 * is then hard-linked into place, so the lock never exists half-written; a lock whose process
 * is gone (a killed run) is stale and taken over.
 */
export async function acquireLock(dir: string, shownDir = dir): Promise<Lock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const temporary = temporaryPathFor(file);
  await writeFile(temporary, `${process.pid}\n`);
  try {
    for (;;) {
      try {
        await link(temporary, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await lockHolder(file);
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
        throw new LockedError(shownDir, holder);
      }
      // Stale. Move it aside rather than delete it: if another ingest took it over meanwhile,
      // what was moved is that ingest's live lock, which goes back.
      const aside = `${file}.${process.pid}.stale`;
      if (!(await rename(file, aside).then(() => true, () => false))) continue;
      const moved = await lockHolder(aside);
      if (moved !== undefined && moved !== holder && moved !== process.pid && isRunning(moved)) {
        await link(aside, file).catch(() => undefined);
        await unlink(aside);
        throw new LockedError(shownDir, moved);
      }
      await unlink(aside);
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
