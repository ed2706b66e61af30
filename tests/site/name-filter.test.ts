/**
 * The people A to Z in Chromium: the index's box opens the page a name is filed on, a page's box
 * hides the names that do not match, and without JavaScript the boxes stay hidden and the
 * initials are the way in.
 */
import { describe, expect, it } from 'vitest';
import { useServedDemo } from '../helpers/browser.ts';

describe('the name box of the people A to Z', () => {
  const demo = useServedDemo();

  it('opens the page a name is filed on from the index, showing only the names that match', async () => {
    const page = await demo.browser.newPage();
    try {
      await page.goto(`${demo.served.url}people/`);
      await page.getByLabel('Find a person by name').fill('donald');
      await page.keyboard.press('Enter');
      await page.waitForURL(/people\/by-name\/d\/\?name=donald$/);
      await expect
        .poll(() => page.locator('main .tag-index li:visible').allTextContents())
        .toEqual(['Donald Trump · 4'.replace(' · ', ' ')]);
      expect(await page.getByLabel('Filter the names on this page').inputValue()).toBe('donald');
      await expect.poll(() => page.locator('main output').textContent()).toBe('1 of 1 names on this page.');
    } finally {
      await page.close();
    }
  });

  it('filters the names on a page as the reader types, accents and case aside', async () => {
    const page = await demo.browser.newPage();
    try {
      await page.goto(`${demo.served.url}people/by-name/a/`);
      const names = () => page.locator('main .tag-index li:visible a').allTextContents();
      await expect.poll(names).toEqual(['Abbas Araghchi', 'Ali Khamenei', 'Antonio Tajani']);
      await page.getByLabel('Filter the names on this page').pressSequentially('KHÁ');
      await expect.poll(names).toEqual(['Ali Khamenei']);
      await expect.poll(() => page.locator('main output').textContent()).toBe('1 of 3 names on this page.');
      await page.getByLabel('Filter the names on this page').fill('');
      await expect.poll(names).toHaveLength(3);
    } finally {
      await page.close();
    }
  });

  it('stays hidden without JavaScript, leaving the initials as links', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${demo.served.url}people/`);
      expect(await page.getByLabel('Find a person by name').isVisible()).toBe(false);
      expect(await page.locator('.initials-index > li > a').first().getAttribute('href')).toMatch(/people\/by-name\/a\/$/);
    } finally {
      await context.close();
    }
  });
});
