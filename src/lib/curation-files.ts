/**
 * The contract of the files maintainers edit under content/names/, as zod schemas: the people
 * registry, names that are not people, per-article overrides and what the country data lacks.
 * Each error message is the problem and, on a second line, its fix (`says`), so the reader of a
 * file can name both with the line.
 */
import { z } from 'astro/zod';
import { countryByName } from './countries.ts';
import { slugify } from './slug.ts';

/** A schema error message that carries its fix on a second line. */
const says = (problem: string, fix: string) => `${problem}\n${fix}`;

const text = (what: string, example = 'Donald Trump') => {
  const problem = says(`${what} must be a non-empty text`, `write ${what} as text, e.g. \`${example}\``);
  return z.string({ error: problem }).trim().min(1, { error: problem, abort: true });
};

const country = (what: string) =>
  text(what).refine((name) => countryByName(name) !== undefined, {
    error: (issue) =>
      says(
        `\`${String(issue.input)}\` is not a country's canonical name`,
        'use the English short name the site shows, e.g. `United States`, `Türkiye`, `Palestine`',
      ),
  });

/** A list of `item`s that may be left out or empty. */
const list = (what: string, item: (what: string) => z.ZodType<string> = text) =>
  z
    .array(item(`each entry of ${what}`), { error: says(`${what} must be a list`, `write ${what} as a list, e.g. \`[First, Second]\``) })
    .nullish()
    .transform((items) => items ?? []);

export const personSchema = z
  .strictObject(
    {
      name: text('`name`'),
      slug: text('`slug`').optional(),
      aliases: list('`aliases`'),
      role: text('`role`').optional(),
      country: country('`country`').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says(`unknown field \`${issue.keys[0]}\``, 'use only name, slug, aliases, role and country')
          : says('each person must be a mapping', 'write `- name: Full Name` with optional `aliases`, `slug`, `role`, `country`'),
    },
  )
  .transform(({ name, slug, ...rest }) => ({ name, slug: slug ?? slugify(name), ...rest }));
export type KnownPerson = z.output<typeof personSchema>;

export const peopleSchema = z
  .array(personSchema, { error: says('the registry must be a list of people', 'start each person with `- name: Full Name`') })
  .nullish()
  .transform((people) => people ?? [])
  .superRefine((people, context) => {
    const seen = new Map<string, string>();
    people.forEach(({ name, aliases }, index) => {
      for (const spelling of [name, ...aliases]) {
        const owner = seen.get(spelling.toLowerCase());
        if (owner && owner !== name)
          context.addIssue({
            code: 'custom',
            path: [index],
            message: says(`\`${spelling}\` is listed for both ${owner} and ${name}`, 'keep each name or alias under one person only'),
          });
        seen.set(spelling.toLowerCase(), name);
      }
    });
  });

const overrideSchema = z
  .strictObject(
    {
      add_people: list('`add_people`'),
      remove_people: list('`remove_people`'),
      add_countries: list('`add_countries`', country),
      remove_countries: list('`remove_countries`', country),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says(`unknown change \`${issue.keys[0]}\``, 'use add_people, remove_people, add_countries or remove_countries')
          : says(
              `the changes for ${String(issue.path?.at(-1))} must be a mapping`,
              'list `add_people`, `remove_people`, `add_countries` or `remove_countries` under the id',
            ),
    },
  )
  .transform((changes) => ({
    addPeople: changes.add_people,
    removePeople: changes.remove_people,
    addCountries: changes.add_countries,
    removeCountries: changes.remove_countries,
  }));
export type ArticleOverride = z.output<typeof overrideSchema>;

/** The article id the fix hints show, the seed's Italy story. */
const EXAMPLE_ID = '2026-02-07/italy-fm-rules-out-joining-trump-s-board-of-peace';
const articleId = text('the article id', EXAMPLE_ID).regex(/^\d{4}-\d{2}-\d{2}\/[^/]+$/, {
  error: (issue) =>
    says(`\`${String(issue.input)}\` is not an article id`, `use the article path without \`.mdx\`, e.g. \`${EXAMPLE_ID}\``),
});

export const overridesSchema = z
  .record(articleId, overrideSchema, {
    error: says(
      'overrides must map article ids to changes',
      'write `YYYY-MM-DD/article-slug:` then `add_people`, `remove_people`, `add_countries` or `remove_countries` lists',
    ),
  })
  .nullish()
  .transform((overrides) => overrides ?? {});

/**
 * Corrections to story threads (content/threads.yaml), by article id: `join` puts a story in
 * the thread of an earlier one (merging two threads), `apart` starts a thread at a story
 * (splitting one), `titles` names the thread a story starts.
 */
export const threadCurationSchema = z
  .strictObject(
    {
      join: z
        .record(articleId, articleId, {
          error: says('`join` must map article ids to article ids', 'write `YYYY-MM-DD/later-story: YYYY-MM-DD/earlier-story`'),
        })
        .nullish()
        .transform((join) => join ?? {}),
      apart: z
        .array(articleId, { error: says('`apart` must be a list of article ids', 'write `apart: [YYYY-MM-DD/article-slug]`') })
        .nullish()
        .transform((apart) => apart ?? []),
      titles: z
        .record(articleId, text('a thread title', 'Iran-US talks'), {
          error: says('`titles` must map article ids to titles', 'write `YYYY-MM-DD/first-story: Title of the thread`'),
        })
        .nullish()
        .transform((titles) => titles ?? {}),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? says(`unknown field \`${issue.keys[0]}\``, 'use only join, apart and titles')
          : says('expected `join`, `apart` and `titles`', 'see the comments at the top of the file'),
    },
  )
  .nullish()
  .transform((threads) => ({ join: threads?.join ?? {}, apart: threads?.apart ?? [], titles: threads?.titles ?? {} }));
export type ThreadCuration = z.output<typeof threadCurationSchema>;

export const countriesSchema = z
  .object(
    {
      names: z
        .record(country('each key of `names`'), list('the names of a country'), {
          error: says('`names` must map countries to lists of names', 'write `Country name: [Alias, Demonym]`'),
        })
        .nullish()
        .transform((names) => names ?? {}),
      ignore: list('`ignore`'),
      not_countries: list('`not_countries`'),
    },
    { error: says('expected `names`, `ignore` and `not_countries`', 'see the comments at the top of the file') },
  )
  .nullish()
  .transform((countries) => ({
    names: countries?.names ?? {},
    ignore: countries?.ignore ?? [],
    notCountries: countries?.not_countries ?? [],
  }));

export const notPeopleSchema = list('the not-people list');

/** The problem and the fix a schema issue's message carries; a bad key's own message is nested under the record's. */
export function problemAndFix(issue: z.core.$ZodIssue): { problem: string; fix: string } {
  const [problem, fix] = (issue.code === 'invalid_key' ? issue.issues[0]! : issue).message.split('\n');
  return { problem: problem!, fix: fix ?? 'see the comments at the top of the file' };
}
