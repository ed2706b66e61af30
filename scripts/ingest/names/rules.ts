/** The curation compiled into lookups the extractor uses per article: built once per ingest. */
import { resolve } from 'node:path';
import { countryNameIndex } from '#lib/countries.ts';
import { loadCuration, type Curation } from './curation.ts';
import { tokenize } from './text.ts';

export interface NameRules {
  /** Every country name, alias, demonym and place, mapped to the canonical country. */
  countryNames: Map<string, string>;
  /** Country names and phrases that are not about a country, as word sequences by their first word. */
  countryPhrases: PhraseIndex;
  notCountryPhrases: PhraseIndex;
  /** Registry names and aliases, lowercased, to the canonical name. */
  knownPeople: Map<string, string>;
  notPeople: Set<string>;
  curation: Curation;
}

/** Phrases as the tokenizer splits them, longest first under each first word: matching walks words, not characters. */
export type PhraseIndex = Map<string, { words: string[]; phrase: string }[]>;

function phraseIndex(phrases: Iterable<string>): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const words = tokenize(phrase).map((token) => token.text);
    if (words.length === 0) continue;
    const entries = index.get(words[0]!) ?? [];
    entries.push({ words, phrase });
    index.set(words[0]!, entries);
  }
  for (const entries of index.values()) entries.sort((a, b) => b.words.length - a.words.length || a.phrase.localeCompare(b.phrase));
  return index;
}

/** The longest phrase of `index` starting at `tokens[at]`, as the number of words it covers. */
export function phraseAt(index: PhraseIndex, words: readonly string[], at: number): { length: number; phrase: string } | undefined {
  const entries = index.get(words[at]!);
  if (entries === undefined) return undefined;
  for (const entry of entries) {
    if (entry.words.every((word, offset) => words[at + offset] === word)) return { length: entry.words.length, phrase: entry.phrase };
  }
  return undefined;
}

/** Plural nouns for a country's people (`Iranians`, `Omanis`) from demonyms ending in -an or -i. */
function withPlurals(names: Map<string, string>): Map<string, string> {
  const all = new Map(names);
  for (const [name, country] of names) {
    if (/(?:an|i)$/.test(name) && !all.has(`${name}s`)) all.set(`${name}s`, country);
  }
  return all;
}

export function compileRules(curation: Curation): NameRules {
  const countryNames = withPlurals(countryNameIndex(curation.countries));
  const knownPeople = new Map<string, string>();
  for (const person of curation.people) {
    for (const spelling of [person.name, ...person.aliases]) knownPeople.set(spelling.toLowerCase(), person.name);
  }
  return {
    countryNames,
    countryPhrases: phraseIndex(countryNames.keys()),
    notCountryPhrases: phraseIndex(curation.countries.notCountries),
    knownPeople,
    notPeople: new Set([...curation.notPeople, ...curation.publisherNames].map((name) => name.toLowerCase())),
    curation,
  };
}

let projectDefault: NameRules | undefined;

/** The rules from this project's own content/names/, for callers that name no other project. */
export function projectRules(): NameRules {
  projectDefault ??= compileRules(loadCuration(resolve(import.meta.dirname, '../../..')));
  return projectDefault;
}
