/** Stage 5, extract: candidate names of people and places in an article's text. */
import type { ParsedArticle } from './parse.ts';

export interface Mentions {
  people: string[];
  countries: string[];
  captionPeople: string[];
  captionCountries: string[];
  roles: Record<string, string>;
}

export function extract(_article: ParsedArticle): Mentions {
  return { people: [], countries: [], captionPeople: [], captionCountries: [], roles: {} };
}
