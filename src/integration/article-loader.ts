/**
 * Content loader for the generated articles. The collection stays MDX files (the ingest
 * contract), but a story body is only paragraphs and subheadings of plain text, so it needs no
 * MDX compiler at build time: compiling would make every story its own bundled JavaScript
 * module. The loader reads each body into its blocks of literal text (so a bad file fails here,
 * with its line) but stores only the first paragraph, `data.opening`, for ledes: the whole
 * content store is bundled into the build as one JavaScript module, read, copied and parsed
 * again at every step, so bodies are kept out of it. `StoryBody.astro` reads the body from the
 * article file when its page renders (`storyBlocks`) and renders the blocks as Astro-escaped
 * text. Unchanged files are skipped by their hash across builds, which the store keeps in
 * `.cache/astro` (Astro calls its content hash a digest: `generateDigest`, `entry.digest`), and
 * a file whose size and times are those it had when the stored hash was taken is not even read.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { articleFrontmatterSchema, type ArticleFrontmatter, type Block } from '#lib/article.ts';
import { writeFileAtomicSync } from '#lib/atomic-write.ts';
import { readFrontmatterYaml } from '#lib/frontmatter-yaml.ts';
import { openingParagraph } from '#lib/text.ts';
import { YamlFile } from '#lib/yaml-file.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { mdxToMdast } from 'satteri';
import { YAMLParseError } from 'yaml';

export class ArticleFileError extends Error {
  constructor(file: string, line: number | undefined, problem: string) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}: ${problem}. ` +
        'Fix: run `npm run ingest` to regenerate the articles from content/sources/, and never edit them by hand.',
    );
    this.name = 'ArticleFileError';
  }
}

/** Text of a paragraph or heading whose only children are text, as the ingest writes them. */
function plainText(block: Paragraph | Heading, file: string): string {
  return block.children
    .map((child) => {
      if (child.type !== 'text')
        throw new ArticleFileError(file, child.position?.start.line, `unexpected ${child.type} in a story body (bodies are plain text)`);
      return child.value;
    })
    .join('');
}

const isPlainText = (node: RootContent) =>
  (node.type === 'paragraph' || node.type === 'heading') && node.children.every((child) => child.type === 'text');

/** Longest body read with satteri; past it micromark, linear in length, is the faster. */
const SATTERI_MAX_LENGTH = 64 * 1024;

/**
 * The body's mdast in the grammar the ingest's serializer escapes for: CommonMark + MDX, as
 * micromark reads it. Astro's own MDX parser (satteri, native code) reads a typical body much
 * faster and agrees whenever it finds plain text; where it finds markup (it reads
 * `_` next to some rare characters as emphasis), micromark decides. GFM stays off, or `~~` in
 * a story would become strikethrough.
 */
function parseMdx(mdx: string): Root {
  // satteri's time grows with the square of a paragraph's length, so a huge body goes
  // straight to micromark.
  const fast = mdx.length <= SATTERI_MAX_LENGTH ? mdxToMdast(mdx, { features: { gfm: false, frontmatter: false } }) : undefined;
  if (fast?.type === 'root' && fast.children.every(isPlainText)) return fast;
  return fromMarkdown(mdx, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}

/** A story body as MDX back to its blocks of literal text, or an error naming the line. */
export function parseStoryBody(mdx: string, file: string, lineOffset = 0): Block[] {
  return parseMdx(mdx).children.map((node: RootContent) => {
    if (node.type === 'paragraph') return { kind: 'paragraph', text: plainText(node, file) };
    if (node.type === 'heading') return { kind: 'heading', text: plainText(node, file) };
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    throw new ArticleFileError(file, line, `unexpected ${node.type} in a story body (bodies hold paragraphs and subheadings only)`);
  });
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** An article file's frontmatter data and MDX body; `bodyLine` is the body's line offset, for errors. */
function splitFrontmatter(contents: string, file: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const match = FRONTMATTER.exec(contents);
  if (!match) throw new ArticleFileError(file, 1, 'no `---` frontmatter block at the top');
  const yaml = match[1]!;
  let data: unknown;
  try {
    data = readFrontmatterYaml(yaml);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // The frontmatter starts on the file's second line, after `---`.
    const line = yaml.slice(0, error.pos[0]).split('\n').length + 1;
    throw new ArticleFileError(file, line, `the frontmatter is not valid YAML (${error.message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ArticleFileError(file, 2, 'the frontmatter is not a YAML mapping');
  return { data: data as Record<string, unknown>, body: contents.slice(match[0].length), bodyLine: match[0].split('\n').length - 1 };
}

/**
 * An article file's frontmatter data and its body read into blocks, errors naming `file` and
 * the file's own line: how the content loader and the search index both read an article.
 */
export function readArticleFile(contents: string, file: string): { data: Record<string, unknown>; blocks: Block[] } {
  const { data, body, bodyLine } = splitFrontmatter(contents, file);
  return { data, blocks: parseStoryBody(body, file, bodyLine) };
}

/**
 * An article file's frontmatter checked against the contract, and its body's blocks: how the
 * search index reads an article, outside the content collection that checks the site's copy.
 */
export function readArticle(contents: string, file: string): { frontmatter: ArticleFrontmatter; blocks: Block[] } {
  const { data, blocks } = readArticleFile(contents, file);
  const checked = articleFrontmatterSchema.safeParse(data);
  if (checked.success) return { frontmatter: checked.data, blocks };
  const [issue] = checked.error.issues;
  // Found again only for the error: the frontmatter starts on the file's second line.
  const line = new YamlFile(FRONTMATTER.exec(contents)![1]!).lineOf(issue!);
  throw new ArticleFileError(
    file,
    line === undefined ? undefined : line + 1,
    `frontmatter \`${issue!.path.join('.')}\`: ${issue!.message}`,
  );
}

/**
 * A stored article's body, read from its file as its page renders (the store keeps only the
 * opening paragraph). `filePath` is relative to the project root, where Astro builds.
 */
export function storyBlocks(entry: { id: string; filePath?: string | undefined }): Block[] {
  if (entry.filePath === undefined) throw new Error(`article ${entry.id}: the content store gives no file to read its body from`);
  return readArticleFile(readFileSync(entry.filePath, 'utf8'), entry.filePath).blocks;
}

/** The `.mdx` files under `dir` (none if it is missing), as sorted `/`-separated relative paths. */
export async function mdxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * How the loader turns a file into a store entry. Part of each entry's hash, so a store kept
 * from a build whose loader stored entries another way is not reused: change it with the shape.
 */
const ENTRY_FORMAT = 'frontmatter + opening paragraph, 2';

/**
 * Each file's size, modification and change times when the loader last hashed it, with that hash:
 * a file that matches them and whose stored entry has that hash is unchanged without reading it
 * (the ingest replaces a file it rewrites, so its change time moves). Only an optimisation:
 * deleting it costs one read of every file.
 */
const SEEN_FILE = join('.cache', 'broadsheet', 'articles-seen.json');
type Seen = Record<string, [size: number, mtimeMs: number, ctimeMs: number, digest: string]>;

function readSeen(path: string): Seen {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { format: string; files: Seen };
    return saved.format === ENTRY_FORMAT ? saved.files : {};
  } catch {
    return {};
  }
}

/** Loads `<base>/**\/*.mdx`; an entry's id is its path without `.mdx`, e.g. `2026-02-07/<slug>`. */
export function articleLoader({ base }: { base: string }): Loader {
  return {
    name: 'broadsheet-article-loader',
    async load({ config, store, parseData, generateDigest, logger }: LoaderContext) {
      const root = fileURLToPath(config.root);
      const dir = join(root, base);
      const files = await mdxFiles(dir);
      const stale = new Set(store.keys());
      const seenPath = join(root, SEEN_FILE);
      const seen = readSeen(seenPath);
      const nowSeen: Seen = {};
      let parsed = 0;
      let read = 0;
      for (const file of files) {
        const id = file.replace(/\.mdx$/, '');
        stale.delete(id);
        const path = join(dir, file);
        const { size, mtimeMs, ctimeMs } = statSync(path);
        const before = seen[id];
        const stored = store.get(id)?.digest;
        if (before && before[0] === size && before[1] === mtimeMs && before[2] === ctimeMs && before[3] === stored) {
          nowSeen[id] = before;
          continue;
        }
        read++;
        const filePath = relative(root, path).split(sep).join('/');
        const contents = readFileSync(path, 'utf8');
        const hash = generateDigest(`${ENTRY_FORMAT}\n${contents}`);
        nowSeen[id] = [size, mtimeMs, ctimeMs, hash];
        if (stored === hash) continue;
        const { data, blocks } = readArticleFile(contents, filePath);
        store.set({
          id,
          data: await parseData({ id, data: { ...data, opening: openingParagraph(blocks) }, filePath }),
          filePath,
          digest: hash,
        });
        parsed++;
      }
      for (const id of stale) store.delete(id);
      if (read > 0 || stale.size > 0 || !existsSync(seenPath)) {
        mkdirSync(dirname(seenPath), { recursive: true });
        writeFileAtomicSync(seenPath, JSON.stringify({ format: ENTRY_FORMAT, files: nowSeen }));
      }
      logger.info(`${files.length} article(s): ${parsed} parsed, ${files.length - parsed} unchanged, ${stale.size} removed`);
    },
  };
}
