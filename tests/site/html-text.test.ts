import fc from 'fast-check';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { textHtml } from '#lib/html-text.ts';

describe('textHtml', () => {
  it('reads back as the same text inside an element, and opens no tag or entity of its own', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const html = textHtml(text);
        expect(html).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
        expect(parseHtml(`<p>${html}</p>`).querySelector('p')?.text).toBe(text);
      }),
    );
  });

  it('leaves quotes and apostrophes as they are', () => {
    expect(textHtml(`"Don't" <b>&`)).toBe(`"Don't" &lt;b&gt;&amp;`);
  });
});
