/** People as the whole project names them: one canonical full name, one URL slug. */
import { slugify } from './slug.ts';

/** URL slug of a person's page (`Abbas Araghchi` -> `abbas-araghchi`). */
export function personSlug(name: string): string {
  return slugify(name);
}
