import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcronym, isCapitalised, tokenize } from '#ingest/names/text.ts';

/** Words of every kind: plain ASCII, any characters, whole graphemes (accents, emoji, other scripts). */
const word = fc.oneof(
  fc.constantFrom(
    'BBC',
    'IRNA',
    'US',
    'USs',
    'U.S.',
    'AT&T',
    'Smith',
    'al-Sabah',
    'van-Dijk',
    'el-X',
    'İstanbul',
    'Ünal',
    'ẞ',
    'ǅemal',
    '',
    'x',
    "Trump's",
    'Jones’',
    "''s",
    'ss’',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.stringMatching(/^[A-Za-z.&'’-]{0,6}$/),
);

describe('word tests without regular expressions for ASCII', () => {
  it('isCapitalised is its definition: a capital first, or a capital after a lowercase particle', () => {
    fc.assert(
      fc.property(word, (text) => {
        const definition =
          /^\p{Lu}/u.test(text) || (text.includes('-') && /^(?:al|el|bin|ibn|de|da|van|von|di|du|le|la)-\p{Lu}/u.test(text));
        expect(isCapitalised(text)).toBe(definition);
      }),
      { numRuns: 3000 },
    );
  });

  it('isAcronym is its definition: two or more capitals once full stops, ampersands and hyphens are gone', () => {
    fc.assert(
      fc.property(word, (text) => {
        expect(isAcronym(text)).toBe(/^\p{Lu}{2,}s?$/u.test(text.replace(/[.&-]/g, '')));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tokenize', () => {
  it('strips a possessive or a trailing apostrophe only at the end of a word', () => {
    const texts = tokenize("Trump's rock'n'roll Jones’ ss’ James's x''s o'clock Iran’s").map((token) => [token.text, token.possessive]);
    expect(texts).toEqual([
      ['Trump', true],
      ["rock'n'roll", false],
      ['Jones', true],
      ['ss', true],
      ['James', true],
      ['x', true],
      ["o'clock", false],
      ['Iran', true],
    ]);
  });

  it('gives every word its lowercase form', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        for (const token of tokenize(words.join(' '))) expect(token.lower).toBe(token.text.toLowerCase());
      }),
    );
  });
});
