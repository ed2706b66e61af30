/**
 * The files maintainers edit to correct names, under content/names/: known people, names that
 * are not people, per-article overrides and what the country data lacks. Read once per ingest;
 * a mistake in them is an error naming the file, the line and the fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { cacheKey } from '#lib/cache-key.ts';
import { countryByName, type CountryNameExtras } from '#lib/countries.ts';
import { slugify } from '#lib/slug.ts';
import { IngestError } from '../errors.ts';

export interface KnownPerson {
  name: string;
  slug: string;
  aliases: string[];
  role?: string;
  country?: string;
}

export interface ArticleOverride {
  addPeople: string[];
  removePeople: string[];
  addCountries: string[];
  removeCountries: string[];
}

export interface Curation {
  people: KnownPerson[];
  notPeople: string[];
  /** Keyed by article id, `YYYY-MM-DD/<slug>` (the article's path without `.mdx`). */
  overrides: Record<string, ArticleOverride>;
  countries: CountryNameExtras & { notCountries: string[] };
  /** Changes whenever any curation file does, so cached extractions made under other rules are not reused. */
  fingerprint: string;
}

export const CURATION_FILES = {
  people: 'people.yaml',
  notPeople: 'not-people.yaml',
  overrides: 'overrides.yaml',
  countries: 'countries.yaml',
} as const;

class Reader {
  readonly file: string;
  private readonly lines = new LineCounter();
  readonly root: Node | null;

  constructor(file: string, text: string) {
    this.file = file;
    const document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    const [problem] = document.errors;
    if (problem) {
      throw new IngestError(file, this.lines.linePos(problem.pos[0]).line, `not valid YAML (${problem.message.split('\n')[0]})`, 'correct the YAML syntax at that line');
    }
    this.root = document.contents as Node | null;
  }

  fail(node: Node | null | undefined, problem: string, fix: string): never {
    const offset = node?.range?.[0];
    throw new IngestError(this.file, offset === undefined ? undefined : this.lines.linePos(offset).line, problem, fix);
  }

  string(node: Node | null | undefined, what: string): string {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') this.fail(node, `${what} must be a non-empty text`, `write ${what} as text, e.g. \`Donald Trump\``);
    return node.value.trim();
  }

  strings(node: Node | null | undefined, what: string): string[] {
    if (node === undefined || node === null) return [];
    if (!isSeq(node)) this.fail(node, `${what} must be a list`, `write ${what} as a list, e.g. \`[First, Second]\``);
    return node.items.map((item) => this.string(item as Node, `each entry of ${what}`));
  }

  country(node: Node | null | undefined, what: string): string {
    const name = this.string(node, what);
    if (!countryByName(name)) this.fail(node, `\`${name}\` is not a country's canonical name`, 'use the English short name the site shows, e.g. `United States`, `Türkiye`, `Palestine`');
    return name;
  }
}

function read(dir: string, name: string): Reader {
  const file = join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Reader(`content/names/${name}`, '');
    throw error;
  }
  return new Reader(`content/names/${name}`, text);
}

function readPeople(reader: Reader): KnownPerson[] {
  if (!reader.root) return [];
  if (!isSeq(reader.root)) reader.fail(reader.root, 'the registry must be a list of people', 'start each person with `- name: Full Name`');
  const seen = new Map<string, string>();
  return reader.root.items.map((item) => {
    const node = item as Node;
    if (!isMap(node)) reader.fail(node, 'each person must be a mapping', 'write `- name: Full Name` with optional `aliases`, `slug`, `role`, `country`');
    const field = (key: string) => node.get(key, true) as Node | undefined;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!['name', 'slug', 'aliases', 'role', 'country'].includes(key)) reader.fail(pair.key as Node, `unknown field \`${key}\``, 'use only name, slug, aliases, role and country');
    }
    const name = reader.string(field('name'), '`name`');
    const person: KnownPerson = { name, slug: field('slug') ? reader.string(field('slug'), '`slug`') : slugify(name), aliases: reader.strings(field('aliases'), '`aliases`') };
    if (field('role')) person.role = reader.string(field('role'), '`role`');
    if (field('country')) person.country = reader.country(field('country'), '`country`');
    for (const spelling of [name, ...person.aliases]) {
      const owner = seen.get(spelling.toLowerCase());
      if (owner && owner !== name) reader.fail(node, `\`${spelling}\` is listed for both ${owner} and ${name}`, 'keep each name or alias under one person only');
      seen.set(spelling.toLowerCase(), name);
    }
    return person;
  });
}

function readOverrides(reader: Reader): Record<string, ArticleOverride> {
  const overrides: Record<string, ArticleOverride> = {};
  if (!reader.root) return overrides;
  if (!isMap(reader.root)) reader.fail(reader.root, 'overrides must map article ids to changes', 'write `YYYY-MM-DD/article-slug:` then `add_people`, `remove_people`, `add_countries` or `remove_countries` lists');
  for (const pair of reader.root.items) {
    const id = reader.string(pair.key as Node, 'the article id');
    if (!/^\d{4}-\d{2}-\d{2}\/[^/]+$/.test(id)) reader.fail(pair.key as Node, `\`${id}\` is not an article id`, 'use the article path without `.mdx`, e.g. `2026-02-07/italy-fm-rules-out-joining-trump-s-board-of-peace`');
    const changes = pair.value as Node;
    if (!isMap(changes)) reader.fail(changes, `the changes for ${id} must be a mapping`, 'list `add_people`, `remove_people`, `add_countries` or `remove_countries` under the id');
    for (const change of changes.items) {
      const key = isScalar(change.key) ? String(change.key.value) : '';
      if (!['add_people', 'remove_people', 'add_countries', 'remove_countries'].includes(key)) reader.fail(change.key as Node, `unknown change \`${key}\``, 'use add_people, remove_people, add_countries or remove_countries');
    }
    const list = (key: string) => changes.get(key, true) as Node | undefined;
    const countries = (key: string) => (isSeq(list(key)) ? (list(key) as { items: Node[] }).items.map((item) => reader.country(item, `each entry of \`${key}\``)) : reader.strings(list(key), `\`${key}\``));
    overrides[id] = {
      addPeople: reader.strings(list('add_people'), '`add_people`'),
      removePeople: reader.strings(list('remove_people'), '`remove_people`'),
      addCountries: countries('add_countries'),
      removeCountries: countries('remove_countries'),
    };
  }
  return overrides;
}

function readCountries(reader: Reader): Curation['countries'] {
  const extras: Curation['countries'] = { names: {}, ignore: [], notCountries: [] };
  if (!reader.root) return extras;
  if (!isMap(reader.root)) reader.fail(reader.root, 'expected `names`, `ignore` and `not_countries`', 'see the comments at the top of the file');
  const names = reader.root.get('names', true) as Node | undefined;
  if (names) {
    if (!isMap(names)) reader.fail(names, '`names` must map countries to lists of names', 'write `Country name: [Alias, Demonym]`');
    const byCountry: Record<string, string[]> = {};
    for (const pair of names.items) byCountry[reader.country(pair.key as Node, 'each key of `names`')] = reader.strings(pair.value as Node, 'the names of a country');
    extras.names = byCountry;
  }
  extras.ignore = reader.strings(reader.root.get('ignore', true) as Node | undefined, '`ignore`');
  extras.notCountries = reader.strings(reader.root.get('not_countries', true) as Node | undefined, '`not_countries`');
  return extras;
}

/** Reads content/names/ under `root`; a missing file is an empty one. */
export function loadCuration(root: string): Curation {
  const dir = join(root, 'content', 'names');
  const readers = Object.fromEntries(Object.entries(CURATION_FILES).map(([key, name]) => [key, read(dir, name)])) as Record<keyof typeof CURATION_FILES, Reader>;
  const notPeople = readers.notPeople.root ? readers.notPeople.strings(readers.notPeople.root, 'the not-people list') : [];
  const curation = {
    people: readPeople(readers.people),
    notPeople,
    overrides: readOverrides(readers.overrides),
    countries: readCountries(readers.countries),
  };
  const fingerprint = cacheKey(curation);
  return { ...curation, fingerprint };
}
