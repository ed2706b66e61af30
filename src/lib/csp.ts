/**
 * The Content Security Policy every page carries in a `<meta>` (src/layouts/Base.astro): scripts
 * and styles only from the site's own files, none inline (the build inlines none), no `eval`;
 * `'wasm-unsafe-eval'` (WebAssembly compilation, not JavaScript eval) only for Pagefind, whose
 * search runs as WebAssembly in a worker and falls back to the page where workers fail; no
 * plugins, and `<base>` and form targets only on the site itself. Written here rather than by
 * Astro's `security.csp`, which adds hashes for island scripts this site never uses to every page.
 * Styles come under `default-src 'self'`: the policy is on every page, so it says nothing twice.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
].join(';');
