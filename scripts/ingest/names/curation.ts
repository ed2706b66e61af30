/**
 * The files maintainers edit to correct names, under content/names/: known people, names that
 * are not people, per-article overrides and what the country data lacks. Read once per ingest;
 * a mistake in them is an error naming the file, the line and the fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import type { CountryNameExtras } from '#lib/countries.ts';
import {
  countriesSchema,
  notPeopleSchema,
  overridesSchema,
  peopleSchema,
  problemAndFix,
  type ArticleOverride,
  type KnownPerson,
} from '#lib/curation-files.ts';
import { DEFAULT_THREAD_WINDOW_DAYS, parseSettings, SETTINGS_FILE, type SiteSettings } from '#lib/settings.ts';
import { YamlFile } from '#lib/yaml-file.ts';
import { cacheKey } from '#lib/cache-key.ts';
import { IngestError } from '../errors.ts';

export interface Curation {
  people: KnownPerson[];
  notPeople: string[];
  /** The publisher's names from content/site.yaml: never a person either. */
  publisherNames: string[];
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

/** The curation file `file` (project-relative) under `root` read with `schema`; a missing file is an empty one. */
export function readCurationFile<T>(root: string, file: string, schema: z.ZodType<T>): T {
  let source = '';
  try {
    source = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const yaml = new YamlFile(source);
  if (yaml.syntaxError)
    throw new IngestError(
      file,
      yaml.syntaxError.line,
      `not valid YAML (${yaml.syntaxError.message})`,
      'correct the YAML syntax at that line',
    );
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data;
  const issue = yaml.firstIssue(result.error.issues);
  const { problem, fix } = problemAndFix(issue);
  throw new IngestError(file, yaml.lineOf(issue), problem, fix);
}

/** The settings of content/site.yaml under `root` the ingest uses; their defaults without the file. */
export function readIngestSettings(root: string): Pick<SiteSettings, 'publisherNames' | 'threadWindowDays'> {
  let text: string;
  try {
    text = readFileSync(join(root, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { publisherNames: [], threadWindowDays: DEFAULT_THREAD_WINDOW_DAYS };
    throw error;
  }
  try {
    return parseSettings(text);
  } catch (error) {
    const problem = (error as Error).message.replace(/^[^:]+(?::\d+)?: /, '');
    throw new IngestError(SETTINGS_FILE, undefined, problem, 'correct the setting as the message says');
  }
}

/** Reads content/names/ and the publisher's names under `root`; a missing file is an empty one. */
export function loadCuration(root: string): Curation {
  const file = (name: string) => `content/names/${name}`;
  const curation = {
    publisherNames: readIngestSettings(root).publisherNames,
    people: readCurationFile(root, file(CURATION_FILES.people), peopleSchema),
    notPeople: readCurationFile(root, file(CURATION_FILES.notPeople), notPeopleSchema),
    overrides: readCurationFile(root, file(CURATION_FILES.overrides), overridesSchema),
    countries: readCurationFile(root, file(CURATION_FILES.countries), countriesSchema),
  };
  const fingerprint = cacheKey(curation);
  return { ...curation, fingerprint };
}
