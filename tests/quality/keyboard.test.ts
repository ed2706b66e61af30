/**
 * A keyboard reader can reach every link, button and field with Tab, always sees where focus is,
 * and can jump past the header with the skip link.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedDemo } from '../helpers/browser.ts';
import { openPage, PAGE_KINDS } from './reader-pages.ts';

const INTERACTIVE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

interface FocusStop {
  /** The element's number from labelInteractive, or null on the page body or an unnumbered element. */
  id: string | null;
  onBody: boolean;
  description: string;
  /** Whether the focused element shows an outline or a box shadow (a focus ring). */
  hasRing: boolean;
}

/** Numbers every visible interactive element; returns how each is described in a failure message. */
async function labelInteractive(page: Page): Promise<Map<string, string>> {
  const entries = await page.evaluate((selector) => {
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.checkVisibility({ visibilityProperty: true }) && !element.closest('[inert]'))
      .map((element, index) => {
        // By id where there is one: a widget that swaps in its own element on focus (the
        // lazily loaded search box) keeps the id, not our mark.
        element.dataset.keyboardStop = element.id ? `#${element.id}` : String(index);
        const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return [element.dataset.keyboardStop, `<${element.tagName.toLowerCase()}> "${label}"`] as [string, string];
      });
  }, INTERACTIVE);
  return new Map(entries);
}

/**
 * Where focus is after a Tab. A focus ring counts as visible when the element has its own outline
 * or box shadow, or else when focus changes how it or an ancestor is drawn (outline, shadow,
 * border, background, also on ::before and ::after): the way a card around a search result lights
 * up while its link has focus.
 */
async function focusStop(page: Page): Promise<FocusStop> {
  const stop = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) return { id: null, onBody: true, description: 'body', hasRing: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      id: element.dataset.keyboardStop ?? (element.id ? `#${element.id}` : null),
      onBody: false,
      description: element.outerHTML.slice(0, 80),
      hasRing: outline || shadow,
    };
  });
  if (stop.onBody || stop.hasRing) return stop;
  await page.evaluate(() => document.activeElement?.setAttribute('data-keyboard-focused', ''));
  const appearance = () =>
    page.evaluate(() => {
      const drawn: string[] = [];
      for (let node = document.querySelector('[data-keyboard-focused]'); node && node !== document.body; node = node.parentElement) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(node, pseudo);
          drawn.push(style.outline, style.boxShadow, style.borderColor, style.backgroundColor);
        }
      }
      return drawn.join('|');
    });
  const focused = await appearance();
  // Blurring keeps Chromium's sequential focus starting point, so the next Tab still moves on from here.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const unfocused = await appearance();
  await page.evaluate(() => document.querySelector('[data-keyboard-focused]')?.removeAttribute('data-keyboard-focused'));
  return { ...stop, hasRing: focused !== unfocused };
}

/** Presses Tab through the page once; returns what Tab never reached and what it focused without a ring. */
async function tabThrough(page: Page): Promise<{ interactive: number; unreached: string[]; withoutRing: string[] }> {
  const interactive = await labelInteractive(page);
  const reached = new Set<string>();
  const seen = new Set<string>();
  const withoutRing: string[] = [];
  // Bounded: a focus trap or an element Tab never leaves fails instead of looping.
  for (let press = 0; press < interactive.size + 10; press++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop.onBody) {
      if (seen.size > 0) break;
      continue;
    }
    const key = stop.id ?? stop.description;
    if (seen.has(key)) break;
    seen.add(key);
    if (stop.id !== null) reached.add(stop.id);
    if (!stop.hasRing) withoutRing.push(stop.description);
  }
  const unreached = [...interactive].filter(([id]) => !reached.has(id)).map(([, description]) => description);
  return { interactive: interactive.size, unreached, withoutRing };
}

describe('keyboard', () => {
  const demo = useServedDemo();

  it.each(PAGE_KINDS)('%s page: Tab reaches every interactive element, each with a visible focus ring', async (kind) => {
    const page = await demo.browser.newPage();
    try {
      await openPage(page, demo.served.url, demo.build.dist, kind);
      const { interactive, unreached, withoutRing } = await tabThrough(page);
      expect(interactive, 'a page with nothing to focus').toBeGreaterThan(0);
      expect(unreached, 'not reachable with Tab').toEqual([]);
      expect(withoutRing, 'focused without a visible focus ring').toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('would catch a link hidden from Tab and a focus ring styled away', async () => {
    const page = await demo.browser.newPage();
    try {
      await page.setContent(
        '<style>a:focus { outline: none }</style><a href="#a">ringless</a> <a href="#b" tabindex="-1">untabbable</a> <button>fine</button>',
      );
      const { unreached, withoutRing } = await tabThrough(page);
      expect(unreached).toEqual(['<a> "untabbable"']);
      expect(withoutRing).toEqual([expect.stringContaining('ringless')]);
    } finally {
      await page.close();
    }
  });

  it('skip link is the first stop, shows when focused, and moves focus to the main content', async () => {
    const page = await demo.browser.newPage();
    try {
      await openPage(page, demo.served.url, demo.build.dist, 'story');
      await page.keyboard.press('Tab');
      const skipLink = page.locator(':focus');
      expect(await skipLink.getAttribute('href')).toBe('#main');
      const box = await skipLink.boundingBox();
      const viewport = page.viewportSize();
      expect(box, 'skip link has a box').not.toBeNull();
      expect(box!.width * box!.height).toBeGreaterThan(0);
      expect(
        box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= viewport!.width && box!.y + box!.height <= viewport!.height,
        'skip link on screen when focused',
      ).toBe(true);
      await page.keyboard.press('Enter');
      // Following the link moves focus as part of the navigation to #main: waited for, not read once.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab lands inside the content, past the header's links.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
