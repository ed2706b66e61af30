/**
 * The search index is written in parts, each a Pagefind bundle of its own that the browser
 * merges into one search (Pagefind's `mergeIndex`). Pagefind's indexer holds about 0.3 MB per
 * story while it writes an index, so a part of a few thousand stories bounds its memory however
 * large the archive grows; a query fetches a little from every part. Parts fill oldest story
 * first, so a part once full keeps the same stories as days are added.
 *
 * The indexer and the pages agree on the parts through the story count and the
 * `searchPartStories` setting alone: both call these functions with them.
 */

export function searchPartCount(stories: number, storiesPerPart: number): number {
  return Math.max(1, Math.ceil(stories / storiesPerPart));
}

/** Site-relative folder of part `part` (1-based): `pagefind/`, then `pagefind-2/`, `pagefind-3/`… */
export function searchBundlePath(part: number): string {
  return part === 1 ? 'pagefind/' : `pagefind-${part}/`;
}

/** Is this top-level folder name one of the parts' (`pagefind`, `pagefind-2`…)? */
export function isSearchBundleFolder(name: string): boolean {
  return /^pagefind(?:-[1-9]\d*)?$/.test(name);
}

/** Every part's folder, the first one holding the search UI the pages load. */
export function searchBundlePaths(stories: number, storiesPerPart: number): string[] {
  return Array.from({ length: searchPartCount(stories, storiesPerPart) }, (_, index) => searchBundlePath(index + 1));
}

/** `items` (oldest first) cut into the parts the bundles hold, in bundle order. */
export function searchParts<T>(items: readonly T[], storiesPerPart: number): T[][] {
  return Array.from({ length: searchPartCount(items.length, storiesPerPart) }, (_, index) => items.slice(index * storiesPerPart, (index + 1) * storiesPerPart));
}
