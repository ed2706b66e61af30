/**
 * Site settings from `content/site.yaml`: what a maintainer changes without touching code.
 * Read by astro.config.mjs and by the site's pages, so both see the same values.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export interface SiteSettings {
  title: string;
  description: string;
  /** BCP 47 language tag for `<html lang>` and feeds. */
  language: string;
  /** IANA time zone in which a digest day starts and ends. */
  timeZone: string;
  storiesPerPage: number;
  /** Stories per part of the search index (see search-parts.ts); optional in the file. */
  searchPartStories: number;
}

/** Pagefind's indexer peaks at about 1.6 GB for a part this size (README, "Performance"). */
const DEFAULT_SEARCH_PART_STORIES = 5000;

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

/** Checks parsed YAML against the settings contract; every problem names the key and the fix. */
export function parseSettings(text: string, file = SETTINGS_FILE): SiteSettings {
  const data: unknown = parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file}: expected keys title, description, language, timeZone, storiesPerPage`);
  }
  const value = data as Record<string, unknown>;
  const problems: string[] = [];
  const requiredText = (key: string): string => {
    const found = value[key];
    if (typeof found === 'string' && found.trim() !== '') return found.trim();
    problems.push(`${key}: expected a non-empty text`);
    return '';
  };
  const settings: SiteSettings = {
    title: requiredText('title'),
    description: requiredText('description'),
    language: requiredText('language'),
    timeZone: requiredText('timeZone'),
    storiesPerPage: typeof value.storiesPerPage === 'number' ? value.storiesPerPage : NaN,
    searchPartStories: value.searchPartStories === undefined ? DEFAULT_SEARCH_PART_STORIES : typeof value.searchPartStories === 'number' ? value.searchPartStories : NaN,
  };
  if (settings.language && !isLanguageTag(settings.language)) problems.push(`language: "${settings.language}" is not a language tag such as en or en-GB`);
  if (settings.timeZone && !isTimeZone(settings.timeZone)) problems.push(`timeZone: "${settings.timeZone}" is not an IANA time zone such as UTC or Europe/London`);
  if (!Number.isInteger(settings.storiesPerPage) || settings.storiesPerPage < 1) problems.push('storiesPerPage: expected a whole number of 1 or more');
  if (!Number.isInteger(settings.searchPartStories) || settings.searchPartStories < 1) problems.push('searchPartStories: expected a whole number of 1 or more');
  const unknown = Object.keys(value).filter((key) => !(key in settings));
  for (const key of unknown) problems.push(`${key}: unknown setting (known: ${Object.keys(settings).join(', ')})`);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return settings;
}

let cached: SiteSettings | undefined;

/** The settings of the project in the current folder (the build's root), read once. */
export function siteSettings(): SiteSettings {
  cached ??= parseSettings(readFileSync(resolve(process.cwd(), SETTINGS_FILE), 'utf8'));
  return cached;
}
