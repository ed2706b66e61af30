import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoryBody } from '#integration/article-loader.ts';
import { SUMMARY_LENGTH, openingParagraph, storyLede, summary } from '#lib/text.ts';
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

describe('summary', () => {
  it('keeps short text whole', () => {
    expect(summary('A short lede.')).toBe('A short lede.');
  });

  it('keeps the whole sentences that fit', () => {
    const first = 'The first sentence ends here.';
    const second = 'The second one "ends" here too.';
    const third = 'A third sentence runs on and on, far past the length that search results and previews show of a page.';
    expect(summary(`${first} ${second} ${third}`)).toBe(`${first} ${second}`);
  });

  it('cuts a long first sentence at a word, with an ellipsis', () => {
    const text = `${'word '.repeat(60)}end.`;
    const cut = summary(text);
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
  });

  it('is never longer than SUMMARY_LENGTH and always starts the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const cut = summary(text);
        expect(cut.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
        expect(text.startsWith(cut.replace(/…$/, ''))).toBe(true);
      }),
    );
  });
});
