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
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

const byName = new Map(COUNTRIES.map((country) => [country.name, country]));

/** The country with this canonical name, if there is one. */
export function countryByName(name: string): Country | undefined {
  return byName.get(name);
}
