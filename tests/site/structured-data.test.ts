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
  it('describes a story as a NewsArticle with its date, publisher and photo credit', () => {
    const article = newsArticle({
      headline: 'H',
      datePublished: '2026-02-07T00:00:00+00:00',
      publisher: 'P',
      credit: 'EPA',
    });
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'H',
      datePublished: '2026-02-07T00:00:00+00:00',
      publisher: { '@type': 'Organization', name: 'P' },
      image: { '@type': 'ImageObject', creditText: 'EPA' },
    });
  });

  it('describes a tag page as a CollectionPage about its person or country', () => {
    const page = collectionPage({ name: 'Ann Lee', about: { type: 'Person', name: 'Ann Lee' } });
    expect(page).toEqual({
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: 'Ann Lee',
      about: { '@type': 'Person', name: 'Ann Lee' },
    });
  });
});
