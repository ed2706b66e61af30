import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The suite in tiers, one Vitest project each; `npm test` runs them in this order, so a demo
 * site built for one tier is reused by the next (tests/helpers/global-setup.ts).
 *  - unit: no site build, no browser.
 *  - site: real `npm run ingest` and `npm run build` runs of throwaway project copies.
 *  - browser: real Chromium against built sites; Lighthouse last and alone, its scores being
 *    timing-sensitive.
 * A test file not listed under site, browser or lighthouse is a unit test.
 */
const SITE = [
  'tests/ingest/cli.test.ts',
  'tests/ingest/dump-cache.test.ts',
  'tests/ingest/literal-site.test.ts',
  'tests/ingest/lock.test.ts',
  'tests/ingest/write-cache.test.ts',
  'tests/publish/bad-dump.test.ts',
  'tests/publish/host-limits-build.test.ts',
  'tests/publish/links.test.ts',
  'tests/quality/html-validate.test.ts',
  'tests/site/demo-site.test.ts',
  'tests/site/tagged-site.test.ts',
  'tests/site/threads.test.ts',
  'tests/trust/pipeline-fuzz.test.ts',
  'tests/trust/reproducible.test.ts',
  'tests/trust/site-fuzz.test.ts',
];
const BROWSER = [
  'tests/publish/deploy-s3.test.ts',
  'tests/quality/accessibility.test.ts',
  'tests/quality/chromium.test.ts',
  'tests/quality/keyboard.test.ts',
  'tests/search/parts.test.ts',
  'tests/search/search.test.ts',
  'tests/site/name-filter.test.ts',
  'tests/trust/hostile-site.test.ts',
];
const LIGHTHOUSE = ['tests/quality/lighthouse.test.ts'];

export default defineConfig({
  plugins: [
    {
      // Its published source maps point at TypeScript files it does not ship: loaded without
      // them, so Vite does not warn once per module on every run.
      name: 'workflow-parser-without-source-maps',
      enforce: 'pre',
      load: (id) =>
        id.includes('/@actions/workflow-parser/dist/') && id.endsWith('.js')
          ? readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '')
          : null,
    },
  ],
  test: {
    // Site builds and Chromium are CPU-bound; two at a time is what a 2-core runner can take.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Browser checks poll for what a reader would see (search results, the address bar); on a busy
    // 2-core runner Pagefind can take longer than Vitest's default poll to answer. A test that
    // asserts nothing fails.
    expect: { poll: { timeout: 15_000 }, requireAssertions: true },
    // Serves the demo builds that the site, browser and Lighthouse checks share.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Fixes fast-check's seed, so every run replays the same generated cases.
    setupFiles: ['tests/helpers/seed.ts'],
    // The workflow parser imports its schema JSON without an import attribute, which only Vite's loader accepts.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...SITE, ...BROWSER, ...LIGHTHOUSE], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'site', include: SITE, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'browser', include: BROWSER, sequence: { groupOrder: 2 } } },
      { extends: true, test: { name: 'lighthouse', include: LIGHTHOUSE, maxWorkers: 1, sequence: { groupOrder: 3 } } },
    ],
  },
});
