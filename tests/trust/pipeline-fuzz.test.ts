/**
 * Whatever a dump holds, ingest reports or skips what it cannot use and never throws; every
 * story it accepts serialises to MDX that the MDX parser reads back as exactly the source text.
 */
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decode } from '#ingest/decode.ts';
import { IngestError } from '#ingest/errors.ts';
import { ingestSources, type IngestResult } from '#ingest/pipeline.ts';
import type { DumpFile } from '#ingest/read.ts';
import { readArticleFile } from '#integration/article-loader.ts';
import { renderArticle } from '#ingest/mdx.ts';
import type { ArticleFile } from '#ingest/write.ts';
import { dump, dumpBytes, fuzzRuns, printableText, storyLines, type GeneratedDump } from './dumps.ts';

const DAYS = ['2026-02-07', '2026-02-08'];

function sourcesOf(dumps: readonly GeneratedDump[]): DumpFile[] {
  return dumps.map((generated, index) => ({
    path: `content/sources/${DAYS[index % DAYS.length]}/dump-${index}.txt`,
    date: DAYS[index % DAYS.length]!,
    bytes: dumpBytes(generated),
  }));
}

interface ReadBack {
  /** The frontmatter as the writer's YAML library reads it, and as the site's loader does. */
  frontmatter: Record<'yaml' | 'site', unknown>;
  /** The body as the reference MDX parser reads it, and as the site reads it to render the story. */
  blocks: Record<'micromark' | 'site', { kind: string; text: string }[]>;
}

function readBack(mdx: string): ReadBack {
  const match = /^---\n([\s\S]*?\n)---\n\n/.exec(mdx);
  if (!match) throw new Error(`no frontmatter in:\n${mdx.slice(0, 200)}`);
  const body = mdx.slice(match[0].length);
  const tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const site = readArticleFile(mdx, 'generated.mdx');
  return {
    frontmatter: { yaml: parseYaml(match[1]!), site: site.data },
    blocks: {
      micromark: tree.children.map((node) => ({ kind: node.type, text: toString(node) })),
      site: site.blocks.map(({ kind, text }) => ({ kind, text })),
    },
  };
}

function expectRoundTrip(article: ArticleFile): void {
  const { frontmatter, blocks } = readBack(renderArticle(article));
  expect(frontmatter).toEqual({ yaml: article.frontmatter, site: article.frontmatter });
  const expected = article.body.map((block) => ({ kind: block.kind, text: block.text }));
  expect(blocks).toEqual({ micromark: expected, site: expected });
}

/** Every non-blank source line ends up in a story or in the report: nothing is lost silently. */
function expectNothingLost(sources: readonly DumpFile[], result: IngestResult): void {
  for (const source of sources) {
    const failed = result.errors.some((error) => error.file === source.path);
    if (failed) continue;
    const { lines } = decode(source.path, source.bytes);
    const accounted = new Set<number>();
    for (const skip of result.skipped) if (skip.file === source.path) accounted.add(skip.line);
    for (const duplicate of result.duplicates) {
      if (duplicate.file !== source.path) continue;
      for (let line = duplicate.firstLine; line <= duplicate.lastLine; line++) accounted.add(line);
    }
    for (const article of result.articles) {
      const [file, range] = article.frontmatter.source.split('#');
      if (file !== source.path) continue;
      const [first, last] = range!.slice(1).split('-L').map(Number);
      const texts = new Set([
        article.frontmatter.title,
        article.frontmatter.standfirst,
        article.frontmatter.caption,
        ...article.body.map((block) => block.text),
      ]);
      for (let line = first!; line <= last!; line++) if (texts.has(lines[line - 1]!.trim())) accounted.add(line);
    }
    lines.forEach((line, index) => {
      if (line.trim() !== '')
        expect(accounted, `${source.path}:${index + 1} ${JSON.stringify(line)} is in no story and not reported`).toContain(index + 1);
    });
  }
}

function ingestWithoutThrowing(sources: readonly DumpFile[]): IngestResult {
  const result = ingestSources(sources);
  for (const error of result.errors) expect(error).toBeInstanceOf(IngestError);
  return result;
}

describe('ingest on hostile dumps', () => {
  it('never throws, loses no line, and writes MDX that reads back as the source text', () => {
    fc.assert(
      fc.property(fc.array(dump, { minLength: 1, maxLength: 3 }), (dumps) => {
        const sources = sourcesOf(dumps);
        const result = ingestWithoutThrowing(sources);
        for (const article of result.articles) expectRoundTrip(article);
        expectNothingLost(sources, result);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it('turns random bytes into stories or reported errors, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = ingestWithoutThrowing([{ path: 'content/sources/2026-02-07/random.txt', date: '2026-02-07', bytes }]);
        for (const article of result.articles) expectRoundTrip(article);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('keeps a 1 MB single paragraph whole', () => {
    const paragraph = fc
      .sample(printableText, { numRuns: 40_000, seed: 9 })
      .join(' ')
      .slice(0, 1024 * 1024);
    const lines = storyLines({ title: 'One very long paragraph', caption: undefined, body: [paragraph, 'And a short one.'] });
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const result = ingestWithoutThrowing([{ path: 'content/sources/2026-02-07/long.txt', date: '2026-02-07', bytes }]);
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]!.body[0]!.text).toBe(paragraph.trim());
    expectRoundTrip(result.articles[0]!);
  });

  it('keeps every one of 10,000 tiny articles', () => {
    const lines = Array.from({ length: 10_000 }, (_, n) => [
      ...storyLines({ title: `Story number ${n}`, caption: undefined, body: [`Body ${n}.`] }),
      '',
      '',
    ]).flat();
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const result = ingestWithoutThrowing([{ path: 'content/sources/2026-02-07/tiny.txt', date: '2026-02-07', bytes }]);
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(10_000);
    expect(new Set(result.articles.map((article) => article.path)).size).toBe(10_000);
    expect(result.articles.map((article) => article.body.map((block) => block.text).join())).toEqual(
      Array.from({ length: 10_000 }, (_, n) => `Body ${n}.`),
    );
  });
});
