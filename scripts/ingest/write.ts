/** Stage 7, write: articles to MDX files, atomically, touching only files whose bytes change. */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import type { ArticleFrontmatter } from '../../src/lib/article.ts';
import type { BodyBlock } from './parse.ts';

export interface ArticleFile {
  /** Path inside the articles folder, `YYYY-MM-DD/<slug>.mdx`. */
  path: string;
  frontmatter: ArticleFrontmatter;
  body: BodyBlock[];
}

/**
 * The body as MDX, serialised from an mdast tree so every character of the source shows as
 * text: `{`, `<`, `*`, `#`, `import`, backslashes and entities are escaped by the serializer.
 */
export function bodyToMdx(body: readonly BodyBlock[]): string {
  const children: RootContent[] = body.map((block) =>
    block.kind === 'heading'
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
  );
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { extensions: [mdxToMarkdown()] });
}

export function renderArticle(article: ArticleFile): string {
  // Fixed key order and no line folding keep the output byte-stable across runs.
  const frontmatter = stringify(article.frontmatter, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${frontmatter}---\n\n${bodyToMdx(article.body)}`;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

async function existingArticleFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Makes `dir` hold exactly `articles`: new and changed files are written, stale ones removed. */
export async function writeArticles(dir: string, articles: readonly ArticleFile[]): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
  const wanted = new Set(articles.map((article) => article.path));
  for (const article of articles) {
    const file = join(dir, article.path);
    const content = renderArticle(article);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === content) {
      summary.unchanged.push(article.path);
    } else {
      await writeAtomically(file, content);
      summary.written.push(article.path);
    }
  }
  for (const path of await existingArticleFiles(dir)) {
    if (!wanted.has(path)) {
      await rm(join(dir, path));
      summary.removed.push(path);
    }
  }
  return summary;
}
