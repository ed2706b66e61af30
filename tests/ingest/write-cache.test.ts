/** The write cache only ever saves time: warm, cold, stale or broken, ingest leaves the same files. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteCache } from '#ingest/write-cache.ts';
import { manyStories, tempProjects, TempProject } from './project.ts';

const project = tempProjects();

const cacheFile = (site: TempProject) => join(site.root, '.cache/broadsheet/written.json');

describe('the write cache', () => {
  it('a changed dump gives, over a warm cache, the files a cold run gives', async () => {
    const warm = project({ '2026-02-07/a.txt': manyStories(6) });
    await warm.ingest();
    expect(statSync(cacheFile(warm)).size).toBeGreaterThan(0);
    const changed = manyStories(6).replace('story 3 says what happened', 'story 3 says what happened next');
    warm.addSource('2026-02-07/a.txt', changed);
    const run = await warm.ingest();
    expect(run.stdout).toContain('6 article(s): 1 new or changed, 5 unchanged');

    const cold = project({ '2026-02-07/a.txt': changed });
    await cold.ingest();
    expect(warm.snapshot()).toEqual(cold.snapshot());
  });

  it('an article edited by hand is restored, even with its size and modification time put back', async () => {
    const site = project({ '2026-02-07/a.txt': manyStories(4) });
    await site.ingest();
    const files = site.snapshot();
    const article = join(
      site.articles,
      Object.keys(files).find((file) => file.endsWith('.mdx'))!,
    );
    const original = statSync(article, { bigint: true });
    writeFileSync(article, readFileSync(article, 'utf8').replace('first paragraph', 'FIRST paragraph'));
    // Node sets file times to the microsecond only; touch sets them to the nanosecond.
    const seconds = original.mtimeNs / 1_000_000_000n;
    const nanoseconds = String(original.mtimeNs % 1_000_000_000n).padStart(9, '0');
    spawnSync('touch', ['-d', `@${seconds}.${nanoseconds}`, article]);
    expect(statSync(article, { bigint: true }).mtimeNs).toBe(original.mtimeNs);
    expect(statSync(article, { bigint: true }).size).toBe(original.size);

    const run = await site.ingest();
    expect(run.stdout).toContain('4 article(s): 1 new or changed, 3 unchanged');
    expect(site.snapshot()).toEqual(files);
  });

  it.each([
    ['an empty cache', ''],
    ['a cache cut short', '{"2026-02-07/'],
    ['a cache of another shape', '[1, null, "x"]'],
    ['cache entries of another shape', '{"2026-02-07/story-number-0-about-the-harbour.mdx": {"key": 1}}'],
  ])('%s costs time only: nothing changes on disk', async (_case, content) => {
    const site = project({ '2026-02-07/a.txt': manyStories(4) });
    await site.ingest();
    const files = site.snapshot();
    writeFileSync(cacheFile(site), content);

    const run = await site.ingest();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('4 article(s): 0 new or changed, 4 unchanged, 0 removed');
    expect(site.snapshot()).toEqual(files);
  });

  describe('read back by a later run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-cache-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const cache = join(dir, 'written.json');
    const article = join(dir, 'a.mdx');

    /** Writes `content` as the article and a cache that remembers it, then opens the cache again. */
    async function written(content: string): Promise<WriteCache> {
      writeFileSync(article, content);
      rmSync(cache, { force: true });
      const first = await WriteCache.open(cache);
      first.record('a.mdx', 'key', statSync(article), content);
      await first.save();
      return WriteCache.open(cache);
    }

    it('takes a file restored with other times but the same bytes, as from CI’s cache, for the one it wrote', async () => {
      const cache = await written('---\ntitle: A\n---\n\nBody.\n');
      chmodSync(article, 0o600);
      expect(cache.reuse('a.mdx', 'key', article, statSync(article))).toBe(true);
    });

    it('does not take a file whose bytes changed, even at the same size and times', async () => {
      const cache = await written('---\ntitle: A\n---\n\nBody.\n');
      const { mtimeNs } = statSync(article, { bigint: true });
      writeFileSync(article, '---\ntitle: B\n---\n\nBody.\n');
      spawnSync('touch', ['-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, article]);
      expect(cache.reuse('a.mdx', 'key', article, statSync(article))).toBe(false);
      expect(cache.reuse('a.mdx', 'other key', article, statSync(article))).toBe(false);
    });
  });
});
