/**
 * Generated hostile dumps, many at once, through one real build: every story ingest accepts
 * gets its page, and the page shows the story's text exactly (after the documented whitespace
 * normalisation), whatever markup, MDX or Unicode the text holds.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSources } from '#ingest/pipeline.ts';
import { paths } from '#lib/urls.ts';
import type { ArticleFile } from '#ingest/write.ts';
import { createFixtureSite, type FixtureSite } from '#tools/fixture-site.ts';
import { SEED } from '../helpers/seed.ts';
import { dump, dumpBytes, fuzzRuns, readerText, NOT_XML_CHARACTER, printableText, storyLines } from './dumps.ts';

const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];

function generatedSources(): Record<string, Uint8Array> {
  // One dump per ten property cases: 24 in `npm test`, a few hundred in `npm run fuzz`.
  const dumps = fc.sample(dump, { numRuns: Math.ceil(fuzzRuns(240) / 10), seed: SEED });
  const sources: Record<string, Uint8Array> = {};
  dumps.forEach((generated, index) => {
    sources[`${DAYS[index % DAYS.length]}/dump-${String(index).padStart(4, '0')}.txt`] = dumpBytes(generated);
  });
  // The MDX compiler slows more than linearly on one huge paragraph, so `npm test` builds a
  // quarter of the longest; `npm run fuzz` and the pipeline fuzz take it whole.
  const longLength = process.env.FUZZ_RUNS ? 1024 * 1024 : 256 * 1024;
  const longParagraph = fc.sample(printableText, { numRuns: 40_000, seed: SEED }).join(' ').slice(0, longLength);
  const longStory = storyLines({
    title: 'A story of one very long paragraph',
    caption: undefined,
    body: [longParagraph, 'Then a short one.'],
  });
  sources[`${DAYS[0]}/long.txt`] = new TextEncoder().encode(longStory.join('\n'));
  return sources;
}

/** The text a reader sees in a page's main content, whitespace normalised. */
function mainText(html: string): string {
  const main = parseHtml(html).querySelector('main');
  return readerText(main?.text ?? '');
}

/** Each text appears in `page`, in order. */
function expectInOrder(page: string, texts: readonly string[], where: string): void {
  let from = 0;
  for (const text of texts) {
    const wanted = readerText(text);
    const at = page.indexOf(wanted, from);
    expect(at, `${where}: ${JSON.stringify(wanted.slice(0, 200))} missing or out of order`).toBeGreaterThanOrEqual(0);
    from = at + wanted.length;
  }
}

describe(`a build of generated hostile dumps (seed ${SEED}; rerun with FC_SEED=${SEED})`, () => {
  let site: FixtureSite;
  let articles: ArticleFile[];

  beforeAll(async () => {
    const sources = generatedSources();
    const result = ingestSources(
      Object.entries(sources).map(([path, bytes]) => ({ path: `content/sources/${path}`, date: path.slice(0, 10), bytes })),
    );
    // Dumps that are all errors would stop the build; they are the pipeline fuzz's business.
    const failing = new Set(result.errors.map((error) => error.file));
    const usable = Object.fromEntries(Object.entries(sources).filter(([path]) => !failing.has(`content/sources/${path}`)));
    articles = ingestSources(
      Object.entries(usable).map(([path, bytes]) => ({ path: `content/sources/${path}`, date: path.slice(0, 10), bytes })),
    ).articles;
    site = await createFixtureSite(usable);
    await site.npm('build');
  });

  afterAll(() => site?.remove());

  it('writes exactly the stories ingest accepts', async () => {
    const entries = await readdir(join(site.root, 'content', 'articles'), { recursive: true });
    const written = entries.filter((entry) => entry.endsWith('.mdx')).sort();
    expect(articles.length).toBeGreaterThan(20);
    expect(written).toEqual(articles.map((article) => article.path).sort());
  });

  it('writes every feed as well-formed XML', async () => {
    const feeds = (await readdir(site.dist, { recursive: true })).filter((file) => file.endsWith('.xml'));
    expect(feeds).toContain('rss.xml');
    for (const feed of feeds) {
      const xml = await readFile(join(site.dist, feed), 'utf8');
      expect(XMLValidator.validate(xml), feed).toBe(true);
      expect(NOT_XML_CHARACTER.exec(xml)?.[0], `${feed}: a character XML forbids`).toBeUndefined();
    }
  });

  it('gives every story a page showing its text as the source has it', async () => {
    for (const article of articles) {
      const [day, file] = article.path.split('/') as [string, string];
      const page = `${paths.story({ day, slug: file.replace(/\.mdx$/, '') })}index.html`;
      const html = await readFile(join(site.dist, page), 'utf8');
      const { title, standfirst, caption } = article.frontmatter;
      expectInOrder(mainText(html), [title, ...article.body.map((block) => block.text)], page);
      for (const extra of [standfirst, caption]) if (extra !== undefined) expectInOrder(mainText(html), [extra], page);
    }
  });
});
