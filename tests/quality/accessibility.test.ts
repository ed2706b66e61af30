/** axe-core's WCAG 2.2 AA rules find nothing on any kind of page, in light or dark colours. */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useServedDemo } from '../helpers/browser.ts';
import { openPage, PAGE_KINDS } from './reader-pages.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const demo = useServedDemo();

  describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
    it.each(PAGE_KINDS)('%s page has no violations', async (kind) => {
      const context = await demo.browser.newContext({ colorScheme });
      try {
        const page = await context.newPage();
        await openPage(page, demo.served.url, demo.build.dist, kind);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        const found = violations.map((violation) => ({
          rule: violation.id,
          help: violation.help,
          where: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
        }));
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
