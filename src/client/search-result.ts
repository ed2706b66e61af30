/**
 * One result of the /search/ page, as a reader scans it: the headline, the date, then where the
 * query matched (the body passage Pagefind quotes, or the lede when the match is elsewhere: the
 * headline above it, the caption, a name), the thread the story is part of, and its people and
 * countries as small tags. Built as elements from text, so nothing in the index becomes markup.
 */
import { searchPath } from '#lib/search-url.ts';
import { TAGS_SHOWN } from '#lib/tags.ts';
import { href } from '#lib/urls.ts';
import type { PagefindResultData } from './pagefind-components.ts';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className !== '') made.className = className;
  made.append(...children);
  return made;
}

function link(url: string, text: string, className = ''): HTMLAnchorElement {
  const made = element('a', className, text);
  made.href = url;
  return made;
}

/**
 * Pagefind's excerpt as text and `<mark>`s: the excerpt escapes `<` and `>` of the story's text
 * and adds no other markup, so every other tag-like run is text.
 */
function excerptNodes(excerpt: string): Node[] {
  const text = (part: string) => document.createTextNode(part.replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
  return excerpt.split(/(<mark>.*?<\/mark>)/).map((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    return marked ? element('mark', '', text(marked[1]!)) : text(part);
  });
}

/**
 * A tag, or the thread, links to the search for its stories rather than to its page: a person's
 * page address can be set in the names files and a thread's is not in the index, so the browser
 * does not have them; and the search, unlike the page, can then be narrowed by a query or another
 * filter.
 */
function searchLink(filter: 'person' | 'country' | 'thread', name: string): HTMLAnchorElement {
  return link(href(searchPath({ query: '', filters: { [filter]: [name] } })), name);
}

function tags(filters: PagefindResultData['filters']): HTMLUListElement | undefined {
  const items: HTMLLIElement[] = [];
  let more = 0;
  for (const filter of ['person', 'country'] as const) {
    const names = filters[filter] ?? [];
    for (const name of names.slice(0, TAGS_SHOWN)) {
      items.push(element('li', '', searchLink(filter, name)));
    }
    more += Math.max(0, names.length - TAGS_SHOWN);
  }
  if (items.length === 0) return undefined;
  if (more > 0) items.push(element('li', 'search-result-more', `and ${more} more`));
  const list = element('ul', 'search-result-tags', ...items);
  list.setAttribute('aria-label', 'People and countries');
  return list;
}

/** The item has no `pf-` class: Pagefind's styles revert every property of an element with one. */
export function renderResult(data: PagefindResultData): HTMLLIElement {
  const { meta, filters } = data;
  const excerpt = excerptNodes(data.excerpt);
  const matchedBody = excerpt.some((node) => node instanceof HTMLElement);
  const item = element('li', 'search-result', element('p', 'pf-result-title', link(data.url, meta.title ?? '', 'pf-result-link')));
  if (meta.date) item.append(element('p', 'search-result-date', meta.date));
  if (matchedBody) item.append(element('p', 'search-result-excerpt', ...excerpt));
  else if (meta.lede) item.append(element('p', 'search-result-lede', meta.lede));
  const thread = filters.thread?.[0];
  if (thread !== undefined) item.append(element('p', 'search-result-thread', 'Part of: ', searchLink('thread', thread)));
  const tagList = tags(filters);
  if (tagList) item.append(tagList);
  return item;
}
