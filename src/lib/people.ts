/** People as the whole project names them: one canonical full name, one URL slug. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { personSchema } from './curation-files.ts';
import { slugify } from './slug.ts';

/** The registry of known people; ingest validates it, so here a malformed entry is only skipped. */
export const PEOPLE_FILE = 'content/names/people.yaml';

let registeredSlugs: Map<string, string> | undefined;

function readRegisteredSlugs(): Map<string, string> {
  let entries: unknown;
  try {
    entries = parse(readFileSync(resolve(process.cwd(), PEOPLE_FILE), 'utf8'));
  } catch {
    return new Map();
  }
  const slugs = new Map<string, string>();
  for (const entry of Array.isArray(entries) ? entries : []) {
    const person = personSchema.safeParse(entry);
    if (person.success) slugs.set(person.data.name, person.data.slug);
  }
  return slugs;
}

/** URL slug of a person's page: the registry's `slug` when it sets one, else made from the name (`Abbas Araghchi` -> `abbas-araghchi`). */
export function personSlug(name: string): string {
  registeredSlugs ??= readRegisteredSlugs();
  return registeredSlugs.get(name) ?? slugify(name);
}
