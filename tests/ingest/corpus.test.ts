/** The real dumps: the seed against its hand-checked gold parse, and every BBC story. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSources } from '#ingest/pipeline.ts';
import { ingestDumps } from './helpers.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const shared = resolve(repoRoot, '../shared/corpus');
const goldFile = join(shared, 'seed/000_c63f0d568335db90.gold.json');
const bbcDir = join(shared, 'bbc');
const seedDump = readFileSync(join(repoRoot, 'content/sources/2026-02-07/asharq-al-awsat.txt'));

interface GoldArticle {
  title: string;
  caption: string;
  paragraphs: number;
  first_paragraph_starts: string;
  last_paragraph_starts: string;
  caption_date?: string;
}

if (!existsSync(goldFile))
  console.warn(`skipping the seed gold test: ${goldFile} is absent (the shared corpus sits beside the repository)`);
if (!existsSync(bbcDir)) console.warn(`skipping the BBC corpus test: ${bbcDir} is absent (the shared corpus sits beside the repository)`);

describe('seed dump', () => {
  const result = ingestDumps({ 'asharq-al-awsat.txt': seedDump });

  describe.skipIf(!existsSync(goldFile))('against its gold parse', () => {
    const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { articles: GoldArticle[] }).articles : [];

    it('yields exactly the gold articles, in order', () => {
      expect(result.errors).toEqual([]);
      expect(result.articles.map((article) => article.frontmatter.title)).toEqual(gold.map((article) => article.title));
    });

    it.each(gold.map((article, index) => [index, article.title] as const))(
      'article %i (%s): caption, paragraphs, first and last openings',
      (index) => {
        const expected = gold[index]!;
        const article = result.articles[index]!;
        expect(article.frontmatter.caption).toBe(expected.caption);
        expect(article.frontmatter.captionDate).toBe(expected.caption_date);
        expect(article.body).toHaveLength(expected.paragraphs);
        expect(article.body[0]!.text.startsWith(expected.first_paragraph_starts)).toBe(true);
        expect(article.body.at(-1)!.text.startsWith(expected.last_paragraph_starts)).toBe(true);
      },
    );
  });

  it('puts no logo, headline or caption in a body', () => {
    const furniture = new Set([
      'TT',
      ...result.articles.flatMap((article) => [article.frontmatter.title, article.frontmatter.caption ?? '']),
    ]);
    const bodies = result.articles.flatMap((article) => article.body.map((block) => block.text));
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((text) => furniture.has(text))).toEqual([]);
  });
});

describe.skipIf(!existsSync(bbcDir))('BBC corpus (plain layout)', () => {
  const files = existsSync(bbcDir)
    ? readdirSync(bbcDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((folder) =>
          readdirSync(join(bbcDir, folder.name))
            .filter((name) => name.endsWith('.txt'))
            .map((name) => `${folder.name}/${name}`),
        )
        .sort()
    : [];
  // Each story is its own dump, so a story repeated in the corpus is still one article per file.
  const results = files.map((file) => {
    const bytes = readFileSync(join(bbcDir, file));
    return { file, bytes, result: ingestSources([{ path: `bbc/${file}`, date: '2005-01-01', bytes }]) };
  });

  it('holds all 2,225 stories', () => {
    expect(files).toHaveLength(2225);
  });

  it('ingests every story as one article titled by its first line, one block per non-blank line', () => {
    const wrong: string[] = [];
    for (const { file, bytes, result } of results) {
      // Independent of the pipeline: the latin-1 file is the only one that is not UTF-8.
      const text = file === 'sport/199.txt' ? new TextDecoder('latin1').decode(bytes) : new TextDecoder().decode(bytes);
      const [first = '', ...rest] = text.split('\n');
      const expected = { title: first.trim(), blocks: rest.filter((line) => line.trim() !== '').length };
      const article = result.articles[0];
      const actual = { title: article?.frontmatter.title, blocks: article?.body.length };
      if (
        result.errors.length > 0 ||
        result.articles.length !== 1 ||
        actual.title !== expected.title ||
        actual.blocks !== expected.blocks
      ) {
        wrong.push(
          `${file}: expected ${JSON.stringify(expected)}, got ${result.articles.length} article(s) ${JSON.stringify(actual)} ${result.errors.map((error) => error.message).join('; ')}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads the latin-1 story with its non-ASCII characters intact and warns about it', () => {
    const latin = results.find(({ file }) => file === 'sport/199.txt')!;
    const lines = new TextDecoder('latin1')
      .decode(latin.bytes)
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines.join('').match(/[^\x00-\x7f]/g)).not.toBeNull();
    expect(latin.result.articles[0]!.body.map((block) => block.text)).toEqual(lines);
    expect(latin.result.warnings).toEqual([expect.stringContaining('not UTF-8')]);
  });
});
