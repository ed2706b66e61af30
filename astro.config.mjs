// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // A strict Content Security Policy in every page's <meta>: Astro hashes its own inline scripts
  // and styles; 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search index, nothing more.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  integrations: [mdx()],
});
