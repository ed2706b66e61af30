/** The dump cache and the worker threads only ever save time: ingest leaves the same files with them or without. */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from './helpers.ts';
import { manyStories, tempProjects, type TempProject } from './project.ts';

const project = tempProjects();

/** Every fixture dump over three days, and one again on a fourth: slugs and duplicates depend on the order across dumps. */
const fixtureSources = () => {
  const files = readdirSync(fixturesDir).sort();
  const sources = Object.fromEntries(
    files.map((file, index) => [`2026-02-0${1 + (index % 3)}/${file}`, readFileSync(join(fixturesDir, file))]),
  );
  return { ...sources, '2026-02-04/again.txt': readFileSync(join(fixturesDir, files[0]!)) };
};

const cacheDir = (site: TempProject) => join(site.root, '.cache/broadsheet/dumps');
/** Each cached dump with the time it was written. */
const cacheEntries = (site: TempProject) =>
  Object.fromEntries(readdirSync(cacheDir(site)).map((file) => [file, statSync(join(cacheDir(site), file)).mtimeMs]));

describe('reading dumps', () => {
  it('in worker threads gives the files reading them in the main thread gives', async () => {
    const inMain = project(fixtureSources());
    expect((await inMain.ingest(['--workers', '0'])).code).toBe(0);
    const inWorkers = project(fixtureSources());
    expect((await inWorkers.ingest(['--workers', '3'])).code).toBe(0);
    expect(inWorkers.snapshot()).toEqual(inMain.snapshot());
    expect(Object.keys(inWorkers.snapshot()).length).toBeGreaterThan(10);
  });

  it('from a warm dump cache gives the files a cold run gives, reading no dump again', async () => {
    const site = project(fixtureSources());
    const first = await site.ingest(['--report']);
    expect(first.stdout).toMatch(/^dup /m);
    const cold = site.snapshot();
    const entries = cacheEntries(site);
    expect(Object.keys(entries)).toHaveLength(Object.keys(fixtureSources()).length);

    // Duplicates and fragments are reported with their text, which a cached dump reads again from its bytes.
    const rerun = await site.ingest(['--report', '--workers', '2']);
    expect(rerun.stdout).toBe(
      first.stdout.replace(/\d+ new or changed, 0 unchanged/, `0 new or changed, ${Object.keys(cold).length} unchanged`),
    );
    expect(site.snapshot()).toEqual(cold);
    expect(cacheEntries(site)).toEqual(entries);

    // With the articles gone, every one is rendered again from a cached dump's bodies.
    rmSync(site.articles, { recursive: true });
    await site.ingest();
    expect(site.snapshot()).toEqual(cold);
  });

  it('reads a changed dump again: over a warm cache the files a cold run gives, and its old entry goes', async () => {
    const site = project({ '2026-02-07/a.txt': manyStories(4), '2026-02-08/b.txt': manyStories(3, 'Other') });
    await site.ingest();
    const before = cacheEntries(site);
    const changed = manyStories(4).replace('story 2 says what happened', 'story 2 says what happened next');
    site.addSource('2026-02-07/a.txt', changed);
    const run = await site.ingest();
    expect(run.stdout).toContain('7 article(s): 1 new or changed, 6 unchanged');
    const after = cacheEntries(site);
    expect(Object.keys(after)).toHaveLength(2);
    expect(Object.entries(after).filter(([file, time]) => before[file] === time)).toHaveLength(1);

    const cold = project({ '2026-02-07/a.txt': changed, '2026-02-08/b.txt': manyStories(3, 'Other') });
    await cold.ingest();
    expect(site.snapshot()).toEqual(cold.snapshot());
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2)],
    ['of another shape', () => '{"key": 1, "dump": []}'],
    ['with entries of another shape', (text: string) => text.replace(/"entries":\[/, '"entries":[null,')],
    ['emptied', () => ''],
  ])('a cache entry %s costs time only: nothing changes on disk', async (_case, spoil) => {
    const site = project(fixtureSources());
    await site.ingest();
    const files = site.snapshot();
    for (const file of readdirSync(cacheDir(site)))
      writeFileSync(join(cacheDir(site), file), spoil(readFileSync(join(cacheDir(site), file), 'utf8')));

    const run = await site.ingest();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 new or changed');
    expect(site.snapshot()).toEqual(files);
  });
});
