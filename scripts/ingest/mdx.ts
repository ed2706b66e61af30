/** MDX serialising of articles: the body as escaped markdown text, the frontmatter as YAML. */
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import type { ArticleFrontmatter } from '#lib/article.ts';
import type { BodyBlock } from './parse.ts';

/** What an article file is rendered from; `mdxBody` is `bodyToMdx(body)` when a worker already serialised it. */
export interface RenderedArticle {
  frontmatter: ArticleFrontmatter;
  body: readonly BodyBlock[];
  mdxBody?: string;
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

/** The MDX of one block, without the serializer when its text is literal, as most blocks are. */
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
 * every value is text of the kinds above, as `yaml` is slow enough to weigh on a whole ingest
 * (see docs/performance.md); anything else is left to `yaml`. A property test holds the two equal.
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

export function renderArticle(article: RenderedArticle): string {
  return `---\n${frontmatterYaml(article.frontmatter)}---\n\n${article.mdxBody ?? bodyToMdx(article.body)}`;
}
