/** The curation compiled into lookups the extractor uses per article: built once per ingest. */
import { resolve } from 'node:path';
import { countryNameIndex } from '../../../src/lib/countries.ts';
import { loadCuration, type Curation } from './curation.ts';

export interface NameRules {
  /** Every country name, alias, demonym and place, mapped to the canonical country. */
  countryNames: Map<string, string>;
  /** Finds any of `countryNames` as whole words, longest first. */
  countryPattern: RegExp;
  /** Finds phrases whose country word is not about the country (`American football`). */
  notCountryPattern: RegExp | undefined;
  /** Registry names and aliases, lowercased, to the canonical name. */
  knownPeople: Map<string, string>;
  notPeople: Set<string>;
  curation: Curation;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWords(phrases: Iterable<string>, flags: string): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags);
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
    countryPattern: wholeWords(countryNames.keys(), 'gu'),
    notCountryPattern: curation.countries.notCountries.length > 0 ? wholeWords(curation.countries.notCountries, 'gu') : undefined,
    knownPeople,
    notPeople: new Set(curation.notPeople.map((name) => name.toLowerCase())),
    curation,
  };
}

let projectDefault: NameRules | undefined;

/** The rules from this project's own content/names/, for callers that name no other project. */
export function projectRules(): NameRules {
  projectDefault ??= compileRules(loadCuration(resolve(import.meta.dirname, '../../..')));
  return projectDefault;
}
