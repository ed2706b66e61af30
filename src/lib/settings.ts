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

/** Bytes in each unit of a size; powers of 1000, as hosts state their limits. */
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };

/** Bytes in a size written like `1 GB`, `500 MB` or `2.5GB`, or given as a whole number of bytes; undefined if it is neither. */
export function parseSize(size: unknown): number | undefined {
  if (typeof size === 'number') return Number.isSafeInteger(size) && size > 0 ? size : undefined;
  const match = typeof size === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(size) : null;
  const unit = match && SIZE_UNITS[match[2]!.toLowerCase()];
  const bytes = unit ? Math.round(Number(match[1]) * unit) : 0;
  return bytes > 0 ? bytes : undefined;
}

const size = z
  .union([z.number(), z.string()])
  .refine((value) => parseSize(value) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not a size such as 1 GB, 500 MB or a number of bytes`,
  })
  .transform((value) => parseSize(value)!);

/** A mapping with exactly these keys: an unknown one is named with the keys it could have meant. */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, required: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${key}: unknown setting (known: ${Object.keys(shape).join(', ')})`).join('; ')
        : `expected keys ${required}`,
  });
}

/** What the host accepts (see host-limits.ts): the build warns near a limit and fails past one. */
const hostSchema = mapping(
  {
    /** The host's name, as the build's messages call it. */
    name: requiredText,
    /** Most bytes the whole site may take up. */
    maxSize: size,
    /** Most files the site may hold, where the host limits them. */
    maxFiles: positiveCount.optional(),
  },
  'name, maxSize (and optionally maxFiles)',
);
export type HostLimits = z.output<typeof hostSchema>;

/** GitHub Pages refuses a site larger than 1 GB and does not count its files. */
const GITHUB_PAGES: HostLimits = { name: 'GitHub Pages', maxSize: 1e9 };

export const DEFAULT_THREAD_WINDOW_DAYS = 7;

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
  /** A story continues a thread only if the thread's story it is most like is at most this many days older. */
  threadWindowDays: positiveCount.default(DEFAULT_THREAD_WINDOW_DAYS),
  /** The host's limits on the built site; GitHub Pages' by default. */
  host: hostSchema.default(GITHUB_PAGES),
};

const settingsSchema = mapping(settingsShape, 'title, description, language, timeZone, storiesPerPage');
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
