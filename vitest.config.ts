import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Its published source maps point at TypeScript files it does not ship: loaded without
      // them, so Vite does not warn once per module on every run.
      name: 'workflow-parser-without-source-maps',
      enforce: 'pre',
      load: (id) => (id.includes('/@actions/workflow-parser/dist/') && id.endsWith('.js') ? readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '') : null),
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds are CPU-bound; two at a time is what a 2-core runner can take.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Browser checks poll for what a reader would see (search results, the address bar); on a busy
    // 2-core runner Pagefind can take longer than the 1 s default to answer. A test that asserts
    // nothing fails.
    expect: { poll: { timeout: 15_000 }, requireAssertions: true },
    // Lets the link, accessibility, HTML and Lighthouse checks share one demo build per base path.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Fixes fast-check's seed, so every run replays the same generated cases.
    setupFiles: ['tests/helpers/seed.ts'],
    // The workflow parser imports its schema JSON without an import attribute, which only Vite's loader accepts.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
