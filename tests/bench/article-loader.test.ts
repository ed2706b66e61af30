import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyToMdx } from '#ingest/mdx.ts';
import { ArticleFileError, parseStoryBody } from '#integration/article-loader.ts';

// A line as the ingest keeps it: trimmed, non-empty, one line; drawn from characters that mean
// something in MDX or HTML as well as any other text.
const special = fc.constantFrom(
  ...'{}<>*_#`\\&[]!:|~-+=.()"\'/;'.split(''),
  ' ',
  '&amp;',
  '&#x3C;',
  '1.',
  '</p>',
  'import x',
  'export',
  '  ',
);
const line = fc
  .array(fc.oneof(special, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 20 })
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((text) => text.length > 0);
const blocks = fc.array(fc.record({ kind: fc.constantFrom('paragraph' as const, 'heading' as const), text: line }), {
  minLength: 1,
  maxLength: 6,
});

describe('story bodies read back from the MDX the ingest writes', () => {
  it('give back every block with its text unchanged', () => {
    fc.assert(
      fc.property(blocks, (body) => {
        const withLines = body.map((block, index) => ({ ...block, line: index + 1 }));
        expect(parseStoryBody(bodyToMdx(withLines), 'story.mdx')).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });

  it('reject markup the ingest never writes, naming the file, the line and the fix', () => {
    const attempt = () => parseStoryBody('First paragraph.\n\n<Chart data={x} />\n', 'content/articles/2020-01-01/a.mdx', 12);
    expect(attempt).toThrow(ArticleFileError);
    expect(attempt).toThrow(/content\/articles\/2020-01-01\/a\.mdx:15: .*mdxJsxFlowElement.*npm run ingest/);
    expect(() => parseStoryBody('Some *emphasis* here.\n', 'a.mdx')).toThrow(/a\.mdx:1: unexpected emphasis/);
  });
});
