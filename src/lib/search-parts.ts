/**
 * The search index is written in parts, each a Pagefind bundle of its own that the browser
 * merges into one search (Pagefind's `mergeIndex`). Pagefind's indexer holds memory in proportion
 * to the stories of the index it writes, so parts bound its memory however large the archive
 * grows; a query fetches a little from every part. Parts fill oldest story
 * first, so a part once full keeps the same stories as days are added. The newest stories, not
 * yet a full part, are cut into parts a fifth that size: adding a day re-indexes at most one of
 * those rather than a full part, and they give way to one full part once they fill it.
 *
 * The indexer and the site's list of parts (`search/parts.json`, the search page) agree on the
 * parts through the story count and the `searchPartStories` setting alone: both call these
 * functions with them.
 */

/** How many times smaller the parts holding the newest stories are. */
const NEWEST_PARTS_DIVISOR = 5;

/** Stories in each part, oldest part first; an empty archive has one empty part. */
function partSizes(stories: number, storiesPerPart: number): number[] {
  const newestPartStories = Math.max(1, Math.floor(storiesPerPart / NEWEST_PARTS_DIVISOR));
  const fullParts = Math.floor(stories / storiesPerPart);
  const newest = stories - fullParts * storiesPerPart;
  const sizes = [
    ...Array<number>(fullParts).fill(storiesPerPart),
    ...Array<number>(Math.floor(newest / newestPartStories)).fill(newestPartStories),
  ];
  if (newest % newestPartStories > 0 || sizes.length === 0) sizes.push(newest % newestPartStories);
  return sizes;
}

export function searchPartCount(stories: number, storiesPerPart: number): number {
  return partSizes(stories, storiesPerPart).length;
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
  let start = 0;
  return partSizes(items.length, storiesPerPart).map((size) => items.slice(start, (start += size)));
}
