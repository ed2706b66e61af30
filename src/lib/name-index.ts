/**
 * The A to Z index of people, in pages that stay small however many people the archive names:
 * one section per initial, split into pages of at most NAMES_PER_PAGE names, each page known by
 * the first and last names on it, as a dictionary's guide words.
 */
import type { Tag } from './site-index.ts';
import { slugify } from './slug.ts';

/** The most names on one page of the index: enough for few pages, few enough for a page a phone loads fast. */
export const NAMES_PER_PAGE = 800;

/** Where names that start with anything but a letter are filed. */
export const OTHER_INITIAL = 'other';

/** The section a name is filed under: its first letter folded to ASCII (`Ö` under `o`), or OTHER_INITIAL. */
export function initialOf(name: string): string {
  const first = slugify(name)[0] ?? '';
  return /[a-z]/.test(first) ? first : OTHER_INITIAL;
}

/** How an initial is shown: `A`, or `#` for the names under OTHER_INITIAL. */
export function initialLabel(initial: string): string {
  return initial === OTHER_INITIAL ? '#' : initial.toUpperCase();
}

export interface NamePage<T extends Tag = Tag> {
  initial: string;
  /** 1-based, within the initial. */
  page: number;
  pageCount: number;
  tags: T[];
  /** Slugs of the first and last names on the page, what the index's jump box compares against. */
  from: string;
  to: string;
  /** The guide words, e.g. `Mab–Mcd`; just the initial when it fills one page. */
  label: string;
}

/** How many leading characters two slugs share. */
function sharedLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}

/**
 * A guide word: the start of a slug, at least three characters and long enough to tell it from
 * the others given (the page's other end, the name across the page break: `John Sm` against
 * `John Sn`), as the reader would write it.
 */
function guideWord(slug: string, ...others: (string | undefined)[]): string {
  const length = Math.max(3, ...others.map((other) => (other === undefined ? 0 : sharedLength(slug, other) + 1)));
  const head = slug.slice(0, length).replace(/-/g, ' ').trim();
  return head.charAt(0).toUpperCase() + head.slice(1);
}

/** Every page of the index, initial after initial; `tags` must be A to Z. */
export function namePages<T extends Tag>(tags: readonly T[], perPage = NAMES_PER_PAGE): NamePage<T>[] {
  const sections = new Map<string, T[]>();
  for (const tag of tags) {
    const initial = initialOf(tag.name);
    const section = sections.get(initial);
    if (section) section.push(tag);
    else sections.set(initial, [tag]);
  }
  // Letters A to Z, then the rest.
  const initials = [...sections.keys()].sort((a, b) => Number(a === OTHER_INITIAL) - Number(b === OTHER_INITIAL) || a.localeCompare(b));
  return initials.flatMap((initial) => {
    const members = sections.get(initial)!;
    const pageCount = Math.ceil(members.length / perPage);
    const slugAt = (index: number) => (index >= 0 && index < members.length ? slugify(members[index]!.name) : undefined);
    return Array.from({ length: pageCount }, (_, index) => {
      const first = index * perPage;
      const pageTags = members.slice(first, first + perPage);
      const last = first + pageTags.length - 1;
      const from = slugAt(first)!;
      const to = slugAt(last)!;
      const label = `${guideWord(from, slugAt(first - 1), to) || '#'}–${guideWord(to, slugAt(last + 1), from) || '#'}`;
      return { initial, page: index + 1, pageCount, tags: pageTags, from, to, label: pageCount === 1 ? initialLabel(initial) : label };
    });
  });
}
