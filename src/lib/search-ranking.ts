/**
 * How every search ranks stories, shared by the search page and the header box. A story's
 * headline, caption and names are Pagefind metadata, not body text (see scripts/search/records.ts):
 * a metadata match adds its field's weight times the query word's rarity to the body's score.
 * The headline weighs more than Pagefind's default, as it is no longer counted in the body too;
 * the caption and the names, side text, less than the lede.
 */
export const SEARCH_RANKING = { metaWeights: { title: 8, caption: 0.5, names: 0.5 } } as const;
