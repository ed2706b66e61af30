/**
 * The A to Z index of people, in pages that stay small however many people the archive names:
 * one section per initial, split into pages of at most NAMES_PER_PAGE names, each page known by
 * the first and last names on it, as a dictionary's guide words.
 */
import type { Tag } from './site-index.ts';
import { slugify } from './slug.ts';

/** The most names on one page of the index (about 70 KB of HTML). */
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

const guideWord = (slug: string) => {
  const head = slug.replace(/-/g, '').slice(0, 3);
  return head.charAt(0).toUpperCase() + head.slice(1);
};

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
    return Array.from({ length: pageCount }, (_, index) => {
      const pageTags = members.slice(index * perPage, (index + 1) * perPage);
      const from = slugify(pageTags[0]!.name);
      const to = slugify(pageTags.at(-1)!.name);
      return {
        initial,
        page: index + 1,
        pageCount,
        tags: pageTags,
        from,
        to,
        label: pageCount === 1 ? initialLabel(initial) : `${guideWord(from) || '#'}–${guideWord(to) || '#'}`,
      };
    });
  });
}
