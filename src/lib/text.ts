/** Plain text out of the MDX bodies the ingest pipeline writes. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/**
 * The body's first paragraph as plain text: the lede shown on digest pages and in feeds.
 * Parsed, not cut by hand, so the serializer's escapes (`\{`, `&#x3C;`) read as the characters.
 */
export function firstParagraph(body: string): string {
  for (const block of body.split(/\n{2,}/)) {
    const tree = fromMarkdown(block);
    const paragraph = tree.children.find((node) => node.type === 'paragraph');
    if (paragraph) return toString(paragraph);
  }
  return '';
}
