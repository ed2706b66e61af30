/**
 * JSON-LD for search engines: `NewsArticle` on story pages, `CollectionPage` on tag pages. Each
 * carries what the page's visible text and meta tags do not: its type, date and publisher. The
 * story's people and countries are its visible links, its address the canonical link, and its
 * description a meta tag.
 */

/**
 * JSON that is safe inside `<script>`: `<` is written as `\u003c`, so a headline holding
 * `</script>` or `<!--` cannot end or alter the script element; U+2028/2029 are escaped for
 * old JavaScript parsers. The value still parses to exactly the same data.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface NewsArticleInput {
  headline: string;
  datePublished: string;
  publisher: string;
  /** Photo credit, e.g. a news agency. */
  credit?: string;
}

export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    datePublished: input.datePublished,
    publisher: { '@type': 'Organization', name: input.publisher },
    ...(input.credit ? { image: { '@type': 'ImageObject', creditText: input.credit } } : {}),
  };
}

export interface CollectionPageInput {
  name: string;
  /** A thread is about one developing story: an Event, in schema.org's words. */
  about: { type: 'Person' | 'Country' | 'Event'; name: string };
}

/** The page's stories are its links; listing them again as an ItemList would double their bytes. */

export function collectionPage(input: CollectionPageInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: input.name,
    about: { '@type': input.about.type, name: input.about.name },
  };
}
