/**
 * Site settings from `content/site.yaml`: what a maintainer changes without touching code.
 * Read by astro.config.mjs and by the site's pages, so both see the same values.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { YamlFile } from './yaml-file.ts';

export const SETTINGS_FILE = 'content/site.yaml';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const NOT_TEXT = 'expected a non-empty text';
const NOT_COUNT = 'expected a whole number of 1 or more';
const requiredText = z.string({ error: NOT_TEXT }).trim().min(1, { error: NOT_TEXT, abort: true });
const positiveCount = z.number({ error: NOT_COUNT }).int({ error: NOT_COUNT }).min(1, { error: NOT_COUNT });

const settingsShape = {
  title: requiredText,
  description: requiredText,
  /** BCP 47 language tag for `<html lang>` and feeds. */
  language: requiredText.refine(isLanguageTag, { error: (issue) => `"${String(issue.input)}" is not a language tag such as en or en-GB` }),
  /** IANA time zone in which a digest day starts and ends. */
  timeZone: requiredText.refine(isTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as UTC or Europe/London`,
  }),
  storiesPerPage: positiveCount,
  /** Stories per part of the search index (see search-parts.ts): the default keeps the indexer's memory in bounds (README, "Performance"). */
  searchPartStories: positiveCount.default(5000),
  /** The names the dumps' own publisher goes by: its stories quote it (`told Asharq Al-Awsat`), but it is never a person. */
  publisherNames: z.array(requiredText, { error: 'expected a list of names, e.g. [Asharq Al-Awsat, Aawsat]' }).default([]),
};

const settingsSchema = z.strictObject(settingsShape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${key}: unknown setting (known: ${Object.keys(settingsShape).join(', ')})`).join('; ')
      : 'expected keys title, description, language, timeZone, storiesPerPage',
});
export type SiteSettings = z.output<typeof settingsSchema>;

/** Checks the text of a settings file against the contract; every problem names the key and the fix. */
export function parseSettings(text: string, file = SETTINGS_FILE): SiteSettings {
  const yaml = new YamlFile(text);
  if (yaml.syntaxError) throw new Error(`${file}:${yaml.syntaxError.line}: not valid YAML (${yaml.syntaxError.message})`);
  const result = settingsSchema.safeParse(yaml.data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
  );
  throw new Error(`${file}: ${problems.join('; ')}`);
}

let cached: SiteSettings | undefined;

/** The settings of the project in the current folder (the build's root), read once. */
export function siteSettings(): SiteSettings {
  cached ??= parseSettings(readFileSync(resolve(process.cwd(), SETTINGS_FILE), 'utf8'));
  return cached;
}
