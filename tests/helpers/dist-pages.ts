/** The pages of a built site, as found on disk: what a static host would serve. */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every HTML file under `dist`, as paths relative to it with `/` separators, sorted. */
export async function htmlFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/** The URL path (relative to the base) a host serves an HTML file at: `a/b/index.html` -> `a/b/`. */
export const pagePath = (file: string): string => file.replace(/(^|\/)index\.html$/, '$1');
