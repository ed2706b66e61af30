import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoryBody } from '#integration/article-loader.ts';
import { openingParagraph, storyLede } from '#lib/text.ts';
import { bodyToMdx } from '#ingest/mdx.ts';

/** The lede of a body the ingest pipeline wrote, as the content loader reads it back. */
const ledeOf = (mdx: string, standfirst?: string) => storyLede(standfirst, openingParagraph(parseStoryBody(mdx, 'story.mdx')));

describe('storyLede', () => {
  it("skips headings and reads the serializer's escapes as the characters", () => {
    const body = bodyToMdx([
      { kind: 'heading', text: 'A heading', line: 1 },
      { kind: 'paragraph', text: 'Costs {5} < 6 & *not* bold \\ # here', line: 2 },
      { kind: 'paragraph', text: 'Second.', line: 3 },
    ]);
    expect(ledeOf(body)).toBe('Costs {5} < 6 & *not* bold \\ # here');
  });

  it('is the standfirst when there is one', () => {
    expect(ledeOf(bodyToMdx([{ kind: 'paragraph', text: 'First.', line: 1 }]), 'The standfirst.')).toBe('The standfirst.');
  });

  it('is empty for an empty body, or one of headings only', () => {
    expect(ledeOf('')).toBe('');
    expect(ledeOf(bodyToMdx([{ kind: 'heading', text: 'Only a heading', line: 1 }]))).toBe('');
  });

  it('gives back any single-line paragraph the ingest pipeline wrote', () => {
    // Paragraph text as ingest produces it: one line, no edge whitespace.
    const paragraph = fc
      .string({ unit: 'grapheme', minLength: 1 })
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(paragraph, paragraph, (first, second) => {
        expect(
          ledeOf(
            bodyToMdx([
              { kind: 'paragraph', text: first, line: 1 },
              { kind: 'paragraph', text: second, line: 2 },
            ]),
          ),
        ).toBe(first);
      }),
    );
  });
});
