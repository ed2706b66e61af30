/** MDX serialising of articles: the body as escaped markdown text under the frontmatter's YAML. */
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { Root, RootContent } from 'mdast';
import type { ArticleFrontmatter } from '#lib/article.ts';
import { writeFrontmatterYaml } from '#lib/frontmatter-yaml.ts';
import type { NumberedBlock } from './parse.ts';

/** What an article file is rendered from; `mdxBody` is `bodyToMdx(body)` when a worker already serialised it. */
export interface RenderedArticle {
  frontmatter: ArticleFrontmatter;
  body: readonly NumberedBlock[];
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
export function serialisedBody(body: readonly NumberedBlock[]): string {
  const children: RootContent[] = body.map((block) =>
    block.kind === 'heading'
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
  );
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { extensions: [mdxToMarkdown()], unsafe: MDX_ESM_AT_LINE_START });
}

/** The MDX of one block, without the serializer when its text is literal, as most blocks are. */
function blockMdx(block: NumberedBlock): string {
  if (!LITERAL_TEXT.test(block.text)) return serialisedBody([block]).slice(0, -'\n'.length);
  return block.kind === 'heading' ? `## ${block.text}` : block.text;
}

/** `serialisedBody(body)`: blocks are serialised one by one and joined by a blank line, as the serializer joins them. */
export function bodyToMdx(body: readonly NumberedBlock[]): string {
  return body.length === 0 ? serialisedBody(body) : `${body.map(blockMdx).join('\n\n')}\n`;
}

export function renderArticle(article: RenderedArticle): string {
  return `---\n${writeFrontmatterYaml(article.frontmatter)}---\n\n${article.mdxBody ?? bodyToMdx(article.body)}`;
}
