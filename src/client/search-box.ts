/**
 * Lazy header search. Every page runs only this; Pagefind's Component UI (script, styles,
 * index) is fetched the first time a reader focuses the box or presses `/` or Ctrl/Cmd+K,
 * with the list of the index's parts (`search/parts.json`): pages name only the first part.
 */
import { searchBundlePath } from '#lib/search-parts.ts';
import { SEARCH_RANKING } from '#lib/search-ranking.ts';
import { basePath, href, paths } from '#lib/urls.ts';
// Types only: importing code would add a second file for every page to fetch.
import type {} from './pagefind-components.ts';

const HEADER_INSTANCE = 'header';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function isShortcut(event: KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
}

function load(tag: 'link' | 'script', url: string): Promise<unknown> {
  const element = document.createElement(tag);
  if (element instanceof HTMLLinkElement) Object.assign(element, { rel: 'stylesheet', href: url });
  else Object.assign(element, { src: url, async: true });
  const loaded = new Promise((resolve, reject) => {
    element.addEventListener('load', resolve);
    element.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
  });
  document.head.append(element);
  return loaded;
}

let upgrading: Promise<HTMLInputElement> | undefined;

/** Replaces the plain input with Pagefind's searchbox, keeping what was typed and the focus. */
function upgrade(box: HTMLElement, plain: HTMLInputElement): Promise<HTMLInputElement> {
  upgrading ??= (async () => {
    const bundle = href(searchBundlePath(1));
    const baseUrl = basePath();
    const [bundles] = await Promise.all([
      fetch(href(paths.searchParts())).then(async (response) => {
        if (!response.ok) throw new Error(`could not load the search index's parts (${response.status})`);
        return (await response.json()) as string[];
      }),
      load('link', `${bundle}pagefind-component-ui.css`),
      load('script', `${bundle}pagefind-component-ui.js`),
    ]);
    const config = document.createElement('pagefind-config');
    config.setAttribute('instance', HEADER_INSTANCE);
    config.setAttribute('bundle-path', bundle);
    config.setAttribute('base-url', baseUrl);
    const searchbox = document.createElement('pagefind-searchbox');
    searchbox.setAttribute('instance', HEADER_INSTANCE);
    searchbox.setAttribute('placeholder', plain.placeholder.replace(/\s+\/$/, ''));
    box.append(config);
    // Every part of the index (see src/lib/search-parts.ts), as the search page's searchAllParts does.
    window.PagefindComponents?.getInstanceManager()
      .getInstance(HEADER_INSTANCE)
      .applyOptions({
        ranking: SEARCH_RANKING,
        mergeIndex: bundles.slice(1).map((bundlePath) => ({ bundlePath, baseUrl, ranking: SEARCH_RANKING })),
      });
    plain.replaceWith(searchbox);
    const input = searchbox.querySelector('input');
    if (!input) throw new Error('pagefind-searchbox rendered no input');
    // The form still submits to the full search page (Enter with no result chosen).
    input.name = plain.name;
    input.id = plain.id;
    const focused = document.activeElement === plain || document.activeElement === document.body;
    input.value = plain.value;
    if (focused) input.focus();
    if (input.value !== '') input.dispatchEvent(new Event('input', { bubbles: true }));
    return input;
  })();
  return upgrading;
}

const box = document.querySelector<HTMLElement>('[data-search-box]');
const plain = box?.querySelector<HTMLInputElement>('input[type="search"]');
if (box && plain) {
  plain.addEventListener('focus', () => void upgrade(box, plain), { once: true });
  document.addEventListener('keydown', (event) => {
    if (!isShortcut(event)) return;
    event.preventDefault();
    // The search page's own box takes the shortcut there.
    const target = document.querySelector<HTMLInputElement>('pagefind-input input') ?? (plain.isConnected ? plain : undefined);
    if (target) target.focus();
    else void upgrade(box, plain).then((input) => input.focus());
  });
}
