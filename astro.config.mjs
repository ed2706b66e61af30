// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteSettings } from './src/lib/settings.ts';
import { basePath } from './src/lib/urls.ts';
import { sitemap } from './src/integration/sitemap.ts';
import { cardCache } from './src/integration/card-cache.ts';

// Read here first so a mistake in content/site.yaml stops the build before any page renders.
siteSettings();

// Origin and base path come from the environment so one repo serves from a root, a custom
// domain or `https://user.github.io/repo/` (see docs/deploying.md).
export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: basePath(process.env.BASE_PATH || '/'),
  trailingSlash: 'always',
  // The content store lives with the project, not in a node_modules that copies of it may share;
  // CI can cache this folder to skip re-parsing unchanged articles.
  cacheDir: './.cache/astro',
  // Stories never hold code (ingest escapes fences), and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [mdx(), sitemap(), cardCache()],
  // Bundled into the build rather than loaded from node_modules when pages render: Node would
  // resolve each of date-fns's modules through its large exports map (docs/performance.md).
  // Scripts are never inlined: the header's search script, inlined, was repeated in every page;
  // as a file it is fetched once and cached, and the CSP (src/lib/csp.ts) allows no inline script.
  // A component's script is named after the component alone (`SearchBox.<hash>.js`), not Vite's
  // long module id: every page links it.
  // `npm run build` keeps the last build's `dist/` when it renders only the pages that changed
  // (src/integration/page-plan.ts); it says so here, and otherwise Astro starts from an empty one.
  vite: {
    resolve: { noExternal: ['date-fns'] },
    build: {
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      emptyOutDir: process.env.BROADSHEET_KEEP_DIST !== '1',
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: (chunk) => `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '')}.[hash].js`,
            },
          },
        },
      },
    },
  },
  // Four pages in flight, so rendering goes on while earlier pages are written.
  // No stylesheet is inlined: the pages' Content Security Policy (src/lib/csp.ts) allows none.
  build: { concurrency: 4, inlineStylesheets: 'never' },
});
