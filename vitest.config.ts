import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds are CPU-bound; two at a time is what a 2-core runner can take.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Lets the link, accessibility, HTML and Lighthouse checks share one demo build per base path.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // The workflow parser imports its schema JSON without an import attribute, which only Vite's loader accepts.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
