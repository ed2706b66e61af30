/**
 * The files maintainers edit to correct names, under content/names/: known people, names that
 * are not people, per-article overrides and what the country data lacks. Read once per ingest;
 * a mistake in them is an error naming the file, the line and the fix.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { countryByName, type CountryNameExtras } from '#lib/countries.ts';
import { slugify } from '#lib/slug.ts';
import { YamlFile } from '#lib/yaml-file.ts';
import { IngestError } from '../errors.ts';

/** A schema error message that carries its fix on a second line, for `parseFile` to split. */
const says = (problem: string, fix: string) => `${problem}\n${fix}`;

const text = (what: string) => {
  const problem = says(`${what} must be a non-empty text`, `write ${what} as text, e.g. \`Donald Trump\``);
  return z.string({ error: problem }).trim().min(1, { error: problem, abort: true });
};

const country = (what: string) =>
  text(what).refine((name) => countryByName(name) !== undefined, {
    error: (issue) => says(`\`${String(issue.input)}\` is not a country's canonical name`, 'use the English short name the site shows, e.g. `United States`, `Türkiye`, `Palestine`'),
  });

/** A list of `item`s that may be left out or empty. */
const list = (what: string, item: (what: string) => z.ZodType<string> = text) =>
  z
    .array(item(`each entry of ${what}`), { error: says(`${what} must be a list`, `write ${what} as a list, e.g. \`[First, Second]\``) })
    .nullish()
    .transform((items) => items ?? []);

const personSchema = z
  .strictObject(
    { name: text('`name`'), slug: text('`slug`').optional(), aliases: list('`aliases`'), role: text('`role`').optional(), country: country('`country`').optional() },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says(`unknown field \`${issue.keys[0]}\``, 'use only name, slug, aliases, role and country')
          : says('each person must be a mapping', 'write `- name: Full Name` with optional `aliases`, `slug`, `role`, `country`'),
    },
  )
  .transform(({ name, slug, ...rest }) => ({ name, slug: slug ?? slugify(name), ...rest }));
export type KnownPerson = z.output<typeof personSchema>;

const peopleSchema = z
  .array(personSchema, { error: says('the registry must be a list of people', 'start each person with `- name: Full Name`') })
  .nullish()
  .transform((people) => people ?? [])
  .superRefine((people, context) => {
    const seen = new Map<string, string>();
    people.forEach(({ name, aliases }, index) => {
      for (const spelling of [name, ...aliases]) {
        const owner = seen.get(spelling.toLowerCase());
        if (owner && owner !== name) context.addIssue({ code: 'custom', path: [index], message: says(`\`${spelling}\` is listed for both ${owner} and ${name}`, 'keep each name or alias under one person only') });
        seen.set(spelling.toLowerCase(), name);
      }
    });
  });

const CHANGES = 'list `add_people`, `remove_people`, `add_countries` or `remove_countries` under the id';

const overrideSchema = z
  .strictObject(
    { add_people: list('`add_people`'), remove_people: list('`remove_people`'), add_countries: list('`add_countries`', country), remove_countries: list('`remove_countries`', country) },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says(`unknown change \`${issue.keys[0]}\``, 'use add_people, remove_people, add_countries or remove_countries')
          : says(`the changes for ${String(issue.path?.at(-1))} must be a mapping`, CHANGES),
    },
  )
  .transform((changes) => ({ addPeople: changes.add_people, removePeople: changes.remove_people, addCountries: changes.add_countries, removeCountries: changes.remove_countries }));
export type ArticleOverride = z.output<typeof overrideSchema>;

const articleId = text('the article id').regex(/^\d{4}-\d{2}-\d{2}\/[^/]+$/, {
  error: (issue) => says(`\`${String(issue.input)}\` is not an article id`, 'use the article path without `.mdx`, e.g. `2026-02-07/italy-fm-rules-out-joining-trump-s-board-of-peace`'),
});

const overridesSchema = z
  .record(articleId, overrideSchema, { error: says('overrides must map article ids to changes', 'write `YYYY-MM-DD/article-slug:` then `add_people`, `remove_people`, `add_countries` or `remove_countries` lists') })
  .nullish()
  .transform((overrides) => overrides ?? {});

const countriesSchema = z
  .object(
    {
      names: z
        .record(country('each key of `names`'), list('the names of a country'), { error: says('`names` must map countries to lists of names', 'write `Country name: [Alias, Demonym]`') })
        .nullish()
        .transform((names) => names ?? {}),
      ignore: list('`ignore`'),
      not_countries: list('`not_countries`'),
    },
    { error: says('expected `names`, `ignore` and `not_countries`', 'see the comments at the top of the file') },
  )
  .nullish()
  .transform((countries) => ({ names: countries?.names ?? {}, ignore: countries?.ignore ?? [], notCountries: countries?.not_countries ?? [] }));

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

/** content/names/<name> under `dir` read with `schema`; a missing file is an empty one. */
function parseFile<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const file = `content/names/${name}`;
  let source = '';
  try {
    source = readFileSync(join(dir, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const yaml = new YamlFile(source);
  if (yaml.syntaxError) throw new IngestError(file, yaml.syntaxError.line, `not valid YAML (${yaml.syntaxError.message})`, 'correct the YAML syntax at that line');
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data;
  const issue = yaml.firstIssue(result.error.issues);
  // A bad key's own message is nested under the record's.
  const [problem, fix] = (issue.code === 'invalid_key' ? issue.issues[0]! : issue).message.split('\n');
  throw new IngestError(file, yaml.lineOf(issue), problem!, fix ?? 'see the comments at the top of the file');
}

/** Reads content/names/ under `root`; a missing file is an empty one. */
export function loadCuration(root: string): Curation {
  const dir = join(root, 'content', 'names');
  const curation = {
    people: parseFile(dir, CURATION_FILES.people, peopleSchema),
    notPeople: parseFile(dir, CURATION_FILES.notPeople, list('the not-people list')),
    overrides: parseFile(dir, CURATION_FILES.overrides, overridesSchema),
    countries: parseFile(dir, CURATION_FILES.countries, countriesSchema),
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(curation)).digest('hex');
  return { ...curation, fingerprint };
}
