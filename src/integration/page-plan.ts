/**
 * Which pages a build renders. `npm run build` keeps `dist/` from its last build while the code
 * that renders it is the same (scripts/build-site.ts), and leaves that build's record of every
 * page and its key (page-keys.ts) as `previous.json`; a route's `getStaticPaths` then returns only
 * the paths whose key changed or that have none, so Astro neither renders nor walks the rest; the
 * record is of a build that finished, so its files are all in `dist/`. Every build records its
 * own pages and keys, route by route, in `next/`: the next build's record, the files to delete
 * that this build no longer makes, and the sitemap's list.
 * A plain `astro build` has no `previous.json` and renders every page.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGE_PLAN = join('.cache', 'broadsheet', 'pages');
/** The last finished build's pages; moved aside while a build runs, so a failed one leaves none. */
export const PAGE_RECORD = join(PAGE_PLAN, 'record.json');
export const PREVIOUS_RECORD = join(PAGE_PLAN, 'previous.json');
export const NEXT_RECORDS = join(PAGE_PLAN, 'next');

/** The file a site path is written to: `people/x/` → `people/x/index.html`; `rss.xml` as it is. */
export const fileOf = (path: string) => (path === '' || path.endsWith('/') ? `${path}index.html` : path);

/** A build's pages: the code version they were rendered by, and each keyed route's files and keys. */
export interface PageRecord {
  code: string;
  /** Output file (relative to `dist/`) → cache key, null for a page rendered every build. */
  files: Record<string, string | null>;
}

let previous: PageRecord['files'] | undefined;
let nextCleared = false;

function previousFiles(root: string): PageRecord['files'] {
  if (previous === undefined) {
    const file = join(root, PREVIOUS_RECORD);
    previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PageRecord).files : {};
  }
  return previous;
}

/**
 * The paths of `route` this build must render, out of all of them; records all of them with their
 * keys. `pathOf` gives a path's site-relative address (`people/x/`, `people/x/rss.xml`).
 */
export function plannedPaths<P extends { cacheKey?: string | undefined }>(
  route: string,
  paths: readonly P[],
  pathOf: (path: P) => string,
): P[] {
  const root = process.cwd();
  const next = join(root, NEXT_RECORDS);
  if (!nextCleared) {
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    nextCleared = true;
  }
  const before = previousFiles(root);
  const files: PageRecord['files'] = {};
  const planned = paths.filter((path) => {
    const file = fileOf(pathOf(path));
    const key = path.cacheKey ?? null;
    files[file] = key;
    return key === null || before[file] !== key;
  });
  writeFileSync(routeRecordFile(root, route), JSON.stringify(files));
  return planned;
}

/** Where this build records `route`'s files and keys. */
export function routeRecordFile(root: string, route: string): string {
  return join(root, NEXT_RECORDS, `${route.replaceAll('/', '_')}.json`);
}

/** The files and keys `route` recorded, or undefined if its record is not there. */
export function routeRecord(root: string, route: string): PageRecord['files'] | undefined {
  const file = routeRecordFile(root, route);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PageRecord['files']) : undefined;
}

/** Every page file this build recorded (its keyed routes'), merged. */
export function recordedFiles(root: string): PageRecord['files'] {
  const next = join(root, NEXT_RECORDS);
  if (!existsSync(next)) return {};
  return Object.assign(
    {},
    ...readdirSync(next)
      .sort()
      .map((name) => JSON.parse(readFileSync(join(next, name), 'utf8')) as PageRecord['files']),
  ) as PageRecord['files'];
}
