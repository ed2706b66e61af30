/** `npm run ingest` and `npm run add` as a maintainer meets them: errors, reruns, kills and a second ingest at once. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manyStories, runScript, tempProjects, TempProject, writesOf } from './project.ts';

const goodDump = manyStories(3);
/** How many points the interrupted-ingest test kills a run at. */
const KILL_POINTS = 8;
const project = tempProjects();

describe('ingest on bad input', () => {
  // One good collection, copied for each case: the bad dump must leave it exactly as it was.
  let ingested: TempProject;
  beforeAll(async () => {
    ingested = new TempProject({ '2026-02-07/good.txt': goodDump });
    expect((await ingested.ingest()).code).toBe(0);
  });
  afterAll(() => ingested.remove());

  it.each([
    ['an empty file', '2026-02-07/empty.txt', '', /content\/sources\/2026-02-07\/empty\.txt:1: the file is empty\. Fix: /],
    [
      'a binary file',
      '2026-02-07/photo.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0x01]),
      /photo\.txt:2: the file is binary.*Fix: export the dump as plain text/,
    ],
    ['a dump with no article', '2026-02-07/notes.txt', 'just a note\n', /notes\.txt:1: no recognisable article.*Fix: /],
    [
      'a dump outside a dated folder',
      'notes.txt',
      goodDump,
      /content\/sources\/notes\.txt:1: source is not inside a dated folder\. Fix: move it to .*YYYY-MM-DD/,
    ],
    ['a dump in a nested folder', 'misc/2026-02-07/a.txt', goodDump, /misc\/2026-02-07\/a\.txt:1: source is not inside a dated folder/],
    [
      'a day that does not exist',
      '2026-02-30/a.txt',
      goodDump,
      /2026-02-30\/a\.txt:1: folder `2026-02-30` is not a real day\. Fix: rename/,
    ],
  ])('%s: exits 1, names file, line and fix, and writes nothing', async (_case, path, content, message) => {
    const site = project();
    cpSync(ingested.root, site.root, { recursive: true });
    const before = site.snapshot();
    expect(Object.keys(before).filter((file) => file.endsWith('.mdx'))).toHaveLength(3);

    site.addSource(path, content);
    const run = await site.ingest();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expect(site.snapshot()).toEqual(before);
  });
});

describe('ingest runs', () => {
  it('is idempotent: a second run changes no byte and touches no file', async () => {
    const site = project({ '2026-02-07/a.txt': manyStories(20), '2026-02-08/b.txt': manyStories(5, 'Other') });
    const first = await site.ingest();
    expect(first.stdout).toContain('2 source(s) -> 25 article(s): 25 new or changed, 0 unchanged');
    const files = site.snapshot();
    const mtimes = Object.keys(files).map((file) => statSync(join(site.articles, file)).mtimeMs);
    const second = await site.ingest();
    expect(second.stdout).toContain('25 article(s): 0 new or changed, 25 unchanged, 0 removed');
    expect(site.snapshot()).toEqual(files);
    expect(Object.keys(files).map((file) => statSync(join(site.articles, file)).mtimeMs)).toEqual(mtimes);
  });

  it('removes the articles of a removed dump, and its empty day folder', async () => {
    const site = project({ '2026-02-07/a.txt': manyStories(2), '2026-02-08/b.txt': manyStories(2, 'Other') });
    await site.ingest();
    spawnSync('rm', [join(site.root, 'content/sources/2026-02-08/b.txt')]);
    const run = await site.ingest();
    expect(run.stdout).toContain('2 removed');
    expect(existsSync(join(site.articles, '2026-02-08'))).toBe(false);
  });

  it('prints the skip list with --report and the summary counts', async () => {
    const site = project({ '2026-02-07/a.txt': `${manyStories(2)}\n\n\n${manyStories(1)}` });
    const run = await site.ingest(['--report']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^skip {2}content\/sources\/2026-02-07\/a\.txt:5 {2}\[logo\] {2}TT$/m);
    expect(run.stdout).toMatch(
      /^dup {3}content\/sources\/2026-02-07\/a\.txt#L\d+-L\d+ {2}same story as content\/sources\/2026-02-07\/a\.txt#L1-L14$/m,
    );
    expect(run.stdout).toContain('1 duplicate(s) merged');
  });

  it('explains itself with --help and rejects unknown options', async () => {
    const help = await runScript('ingest', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run ingest/);
    expect(help.stdout).toContain('--report');
    const wrong = await runScript('ingest', ['--nope']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Unknown option '--nope'");
    const badCount = await runScript('ingest', ['--report', '--names', 'many']);
    expect(badCount.code).toBe(1);
    expect(badCount.stderr).toContain('--names takes a whole number, 0 or more, or `all` (got `many`)');
  });
});

describe('crash safety and the lock', () => {
  it('killed at any point, a rerun gives what an uninterrupted run gives', async () => {
    const sources = { '2026-02-07/a.txt': manyStories(40), '2026-02-08/b.txt': manyStories(10, 'Other') };
    // One thread, so the count of file system changes is the same on every run.
    const args = ['--workers', '0'];
    const reference = project(sources);
    const uninterrupted = await reference.ingest(args, { countWrites: true });
    expect(uninterrupted.code).toBe(0);
    const expected = reference.snapshot();
    const writes = writesOf(uninterrupted);

    // Kill points by count of changes, spread from the first (taking the lock) to the one before the
    // last (releasing it), so every kill leaves work undone.
    const killPoints = [
      ...new Set(Array.from({ length: KILL_POINTS }, (_, index) => 1 + Math.round((index * (writes - 2)) / (KILL_POINTS - 1)))),
    ];
    for (const killAfterWrites of killPoints) {
      const site = project(sources);
      const killed = await site.ingest(args, { killAfterWrites });
      expect(killed.signal, `killed after change ${killAfterWrites} of ${writes}`).toBe('SIGKILL');
      const rerun = await site.ingest(args);
      expect(rerun.code, `rerun after a kill at change ${killAfterWrites}:\n${rerun.stderr}`).toBe(0);
      expect(site.snapshot(), `rerun after a kill at change ${killAfterWrites} of ${writes}`).toEqual(expected);
    }
  });

  it('refuses to run beside a live ingest, with a clear message, and leaves its lock alone', async () => {
    const site = project({ '2026-02-07/a.txt': goodDump });
    mkdirSync(site.articles, { recursive: true });
    const lock = join(site.articles, '.lock');
    writeFileSync(lock, `${process.pid}\n`);
    const run = await site.ingest();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `another ingest (process ${process.pid}) is writing content/articles right now. Fix: wait for it to finish`,
    );
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    expect(Object.keys(site.snapshot())).toEqual(['.lock']);
  });

  it('two ingests started at once leave the collection as one run would', async () => {
    const sources = { '2026-02-07/a.txt': manyStories(300) };
    const reference = project(sources);
    await reference.ingest();
    const site = project(sources);
    const runs = await Promise.all([site.ingest(), site.ingest()]);
    for (const run of runs) {
      if (run.code !== 0) expect(run.stderr).toContain('another ingest');
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    expect(site.snapshot()).toEqual(reference.snapshot());
  });
});

describe('npm run add', () => {
  it('files a dump under the given day, keeping its bytes', async () => {
    const site = project();
    const dump = join(site.root, 'download.txt');
    writeFileSync(dump, goodDump);
    const run = await runScript('add', ['download.txt', '--date', '2026-02-08', '--root', site.root], { cwd: site.root });
    expect(run.code).toBe(0);
    expect(readFileSync(join(site.root, 'content/sources/2026-02-08/download.txt'), 'utf8')).toBe(goodDump);
    const again = await runScript('add', [dump, '--date', '2026-02-08', '--root', site.root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('content/sources/2026-02-08/download.txt already exists. Fix:');
  });

  it("files under today's date by default", async () => {
    const site = project();
    const dump = join(site.root, 'today.txt');
    writeFileSync(dump, goodDump);
    expect((await runScript('add', [dump, '--root', site.root])).code).toBe(0);
    expect(existsSync(join(site.root, 'content/sources', format(new Date(), 'yyyy-MM-dd'), 'today.txt'))).toBe(true);
  });

  it.each([
    ['a day that does not exist', ['--date', '2026-02-30'], goodDump, '--date 2026-02-30 is not a real day. Fix:'],
    ['a day in another shape', ['--date', '07/02/2026'], goodDump, '--date 07/02/2026 is not a real day. Fix:'],
    ['a binary file', [], new Uint8Array([1, 0, 2]), 'the file is binary'],
    ['an empty file', [], '', 'the file is empty'],
  ])('refuses %s', async (_case, args, content, message) => {
    const site = project();
    const dump = join(site.root, 'dump.txt');
    writeFileSync(dump, content);
    const run = await runScript('add', [dump, '--root', site.root, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(site.snapshot()).toEqual({});
  });
});
