import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionPage, jsonForScript, newsArticle } from '#lib/structured-data.ts';

describe('jsonForScript', () => {
  it('keeps a headline holding </script> inside the script element', () => {
    const json = jsonForScript({ headline: 'Why </script><script>alert(1)</script> <!-- matters' });
    expect(json).not.toMatch(/<\/script|<!--|</i);
    expect(JSON.parse(json)).toEqual({ headline: 'Why </script><script>alert(1)</script> <!-- matters' });
  });

  it('reads back as the same data for any text, with no < > & or line separators left', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const json = jsonForScript(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(value);
      }),
    );
  });
});

describe('schema.org objects', () => {
  it('describes a story as a NewsArticle about its people and countries', () => {
    const article = newsArticle({
      headline: 'H',
      url: 'https://x.org/a/',
      datePublished: '2026-02-07T00:00:00+00:00',
      publisher: 'P',
      people: ['Ann Lee'],
      countries: ['Italy'],
      credit: 'EPA',
    });
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'H',
      about: [
        { '@type': 'Person', name: 'Ann Lee' },
        { '@type': 'Country', name: 'Italy' },
      ],
      image: { creditText: 'EPA' },
    });
  });

  it('describes a tag page as a CollectionPage about its person or country', () => {
    const page = collectionPage({ name: 'Ann Lee', url: 'u', description: 'd', about: { type: 'Person', name: 'Ann Lee' } });
    expect(page).toEqual({
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: 'Ann Lee',
      url: 'u',
      description: 'd',
      about: { '@type': 'Person', name: 'Ann Lee' },
    });
  });
});
