/**
 * Keys for every cache the project keeps: a cache entry is reused only while its key, a hash of
 * everything its content is made from, stays the same.
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * A hash of `parts` in a canonical form (JSON of the list): equal parts give equal keys, and
 * parts cannot run into each other. SHA-1: keys guard against accidents, not adversaries.
 */
export function cacheKey(...parts: unknown[]): string {
  return hash('sha1', JSON.stringify(parts));
}

/** Every file under `path` (or `path` itself) in `root`, as paths relative to `root` in a fixed order. */
function filesUnder(root: string, path: string): string[] {
  const absolute = join(root, path);
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((entry) => relative(root, join(absolute, entry)).split(sep).join('/'))
    .filter((file) => statSync(join(root, file)).isFile())
    .sort();
}

/**
 * The version of the code a cache's content comes from: the files and folders in `paths`
 * (relative to the project folder) and the installed packages, as npm's record of the installed
 * tree names them. Undefined without that record: then nothing can vouch for a cache entry, and
 * the cache is not used. Bundled into the site, this module has no folder of its own: the site
 * passes the project folder as `root`.
 */
export function codeVersion(paths: readonly string[], root = resolve(import.meta.dirname, '../..')): string | undefined {
  let installed: string;
  try {
    installed = readFileSync(join(root, 'node_modules/.package-lock.json'), 'utf8');
  } catch {
    return undefined;
  }
  const files = paths.flatMap((path) => filesUnder(root, path));
  return cacheKey(installed, ...files.flatMap((file) => [file, readFileSync(join(root, file), 'utf8')]));
}
