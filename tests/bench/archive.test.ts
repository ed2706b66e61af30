import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSources } from '#ingest/pipeline.ts';
import { readDumps } from '#ingest/read.ts';
import { benchStory, generatedCorpus, loadCorpus, STORIES_PER_DAY, writeArchive, type SourceStory } from '#tools/bench/archive.ts';
import { projectRoot } from '#tools/fixture-site.ts';

const COUNT = 75; // two full days and a half day

async function ingestArchive(corpus: readonly SourceStory[], root: string) {
  const days = await writeArchive(join(root, 'content', 'sources'), corpus, COUNT);
  const { sources, errors } = await readDumps(root, join(root, 'content', 'sources'));
  return { days, sources, errors, result: ingestSources(sources) };
}

describe.each([
  ['generated stories', async () => generatedCorpus()],
  ['the corpus beside the repository (BBC stories when present)', async () => (await loadCorpus(projectRoot)).stories],
])('the bench archive from %s', (_, corpus) => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'broadsheet-bench-archive-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it(`ingests N stories to N articles, ${STORIES_PER_DAY} a day on consecutive days`, async () => {
    const { days, sources, errors, result } = await ingestArchive(await corpus(), root);
    expect(errors).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.articles).toHaveLength(COUNT);
    expect(days).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(sources.map((source) => source.date)).toEqual(days);
    const perDay = days.map((day) => result.articles.filter((article) => article.frontmatter.date === day).length);
    expect(perDay).toEqual([30, 30, 15]);
    // Every story keeps its caption and is laid out like the news site's dumps.
    expect(result.articles.every((article) => article.frontmatter.caption?.endsWith(')'))).toBe(true);
    expect(await readFile(join(root, 'content', 'sources', days[0]!, 'bench.txt'), 'utf8')).toContain('\nTT\n');
  });

  it('repeats almost no paragraph, as a real archive would not', async () => {
    const stories = await corpus();
    const paragraphs = Array.from({ length: 3000 }, (_, index) => benchStory(stories, index).paragraphs).flat();
    expect(new Set(paragraphs).size / paragraphs.length).toBeGreaterThan(0.99);
  });

  it('is the same archive every time', async () => {
    const again = await mkdtemp(join(tmpdir(), 'broadsheet-bench-archive-'));
    await writeArchive(join(again, 'content', 'sources'), await corpus(), COUNT);
    const day = join('content', 'sources', '2020-01-02', 'bench.txt');
    expect(await readFile(join(again, day), 'utf8')).toBe(await readFile(join(root, day), 'utf8'));
    await rm(again, { recursive: true, force: true });
  });
});

if (!existsSync(join(projectRoot, '..', 'shared', 'corpus', 'bbc'))) {
  console.warn('bench archive: ../shared/corpus/bbc is absent, so both cases use generated stories');
}
