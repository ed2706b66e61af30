/**
 * Countries as the whole project names them: the English short name of `world-countries`
 * (ISO 3166, e.g. `United States`, `Türkiye`, `Palestine`) is the canonical name everywhere.
 */
import worldCountries from 'world-countries';
import { slugify } from './slug.ts';

export interface Country {
  /** Canonical name, e.g. `United States`. */
  name: string;
  slug: string;
  /** ISO 3166-1 alpha-2 code, e.g. `US`. */
  code: string;
  /** ISO 3166-1 numeric code, as used by world-atlas geometries. */
  numericCode: string;
  flag: string;
  officialName: string;
  capitals: string[];
  /** English demonym, e.g. `American`. */
  demonym: string | undefined;
  altSpellings: string[];
  region: string;
  subregion: string;
  /** Approximate centre as [latitude, longitude]. */
  latlng: [number, number];
}

const ENGLISH_ORDER = new Intl.Collator('en');

export const COUNTRIES: readonly Country[] = worldCountries
  .map((country) => ({
    name: country.name.common,
    slug: slugify(country.name.common),
    code: country.cca2,
    numericCode: country.ccn3,
    flag: country.flag,
    officialName: country.name.official,
    capitals: country.capital,
    demonym: country.demonyms?.eng?.m,
    altSpellings: country.altSpellings,
    region: country.region,
    subregion: country.subregion,
    latlng: country.latlng,
  }))
  // One collator: localeCompare with a locale builds one per call, slow for this sort at every start.
  .sort((a, b) => ENGLISH_ORDER.compare(a.name, b.name));

const byName = new Map(COUNTRIES.map((country) => [country.name, country]));

/** The country with this canonical name, if there is one. */
export function countryByName(name: string): Country | undefined {
  return byName.get(name);
}

/** The English names of the languages the countries speak (`English`, `Russian`, `Persian (Farsi)`). */
export const LANGUAGE_NAMES: ReadonlySet<string> = new Set(worldCountries.flatMap((country) => Object.values(country.languages ?? {})));

/** What world-countries lacks or gets wrong for news text, from content/names/countries.yaml. */
export interface CountryNameExtras {
  /** More names per canonical country: aliases (`Britain`), demonyms (`Briton`), places inside it (`Gaza`). */
  names: Readonly<Record<string, readonly string[]>>;
  /** Names from the data that mislead in news text (`Victoria`, the Seychelles' capital) and are never matched. */
  ignore: readonly string[];
}

/** Latin-script names only: the scraped English text never uses the local scripts the data also lists. */
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u;

function dataNames(country: (typeof worldCountries)[number]): string[] {
  const demonyms = country.demonyms?.eng;
  return (
    [
      country.name.common,
      country.name.official,
      ...country.altSpellings.filter((name) => name.length > 2),
      // A country of two parts has a demonym of each: `Bosnian, Herzegovinian`, `Kittitian or Nevisian`.
      ...(demonyms ? [demonyms.m, demonyms.f].flatMap((demonym) => demonym.split(/, | or /)) : []),
      ...country.capital,
    ]
      // News abbreviates Saint: `St Kitts`, `St Lucia`.
      .flatMap((name) => (name.startsWith('Saint ') ? [name, name.replace(/^Saint /, 'St '), name.replace(/^Saint /, 'St. ')] : [name]))
      .filter((name) => LATIN_NAME.test(name))
  );
}

/**
 * Every way news text names a country, mapped to its canonical name. A name the data gives to two
 * countries (`Congolese`) is left out unless the extras say which one it means.
 */
export function countryNameIndex(extras: CountryNameExtras): Map<string, string> {
  const index = new Map<string, string>();
  const ambiguous = new Set<string>();
  const ignored = new Set(extras.ignore);
  for (const country of worldCountries) {
    for (const name of dataNames(country)) {
      if (ignored.has(name)) continue;
      const known = index.get(name);
      if (known !== undefined && known !== country.name.common) ambiguous.add(name);
      else index.set(name, country.name.common);
    }
  }
  for (const name of ambiguous) index.delete(name);
  for (const [country, names] of Object.entries(extras.names)) {
    if (!byName.has(country)) throw new Error(`countries extras name \`${country}\`, which is not a world-countries common name`);
    for (const name of names) index.set(name, country);
  }
  return index;
}
