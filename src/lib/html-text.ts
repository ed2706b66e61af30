/**
 * Text as the content of an ordinary HTML element. Only `&`, `<` and `>` are escaped: quotes and
 * apostrophes mean nothing there, and Astro's own escaping writes each one of a story's as a
 * five- or six-byte entity. Never for an attribute's value or a `<script>`, `<style>` or `<title>`.
 */
export function textHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
