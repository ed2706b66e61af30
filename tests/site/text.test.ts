import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstParagraph } from '../../src/lib/text.ts';
import { bodyToMdx } from '../../scripts/ingest/write.ts';

describe('firstParagraph', () => {
  it('skips headings and reads the serializer\'s escapes as the characters', () => {
    const body = bodyToMdx([
      { kind: 'heading', text: 'A heading', line: 1 },
      { kind: 'paragraph', text: 'Costs {5} < 6 & *not* bold \\ # here', line: 2 },
      { kind: 'paragraph', text: 'Second.', line: 3 },
    ]);
    expect(firstParagraph(body, 'story.mdx')).toBe('Costs {5} < 6 & *not* bold \\ # here');
  });

  it('is empty for an empty body', () => {
    expect(firstParagraph('', 'story.mdx')).toBe('');
  });

  it('gives back any single-line paragraph the ingest pipeline wrote', () => {
    // Paragraph text as ingest produces it: one line, no edge whitespace.
    const paragraph = fc.string({ unit: 'grapheme', minLength: 1 }).map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
    fc.assert(
      fc.property(paragraph, paragraph, (first, second) => {
        expect(firstParagraph(bodyToMdx([{ kind: 'paragraph', text: first, line: 1 }, { kind: 'paragraph', text: second, line: 2 }]), 'story.mdx')).toBe(first);
      }),
    );
  });
});
