/**
 * The collection lock: a live holder stops us, a dead one is taken over, nothing is left behind;
 * and many ingests started at once on a loaded machine leave one run's collection, every other
 * run refused with the clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockedError } from '#ingest/lock.ts';
import { writeArticles } from '#ingest/write.ts';
import { deadPid, manyStories, tempDirs, tempProjects, type Run, type TempProject } from './project.ts';

const tempDir = tempDirs('broadsheet-lock-');

describe('acquireLock', () => {
  it('holds this process id while held and leaves nothing once released', async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir);
    expect(readdirSync(dir)).toEqual(['.lock']);
    expect(readFileSync(lock.file, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses while a live process holds the lock, and leaves that lock as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lock'), `${process.ppid}\n`);
    const attempt = acquireLock(dir, 'content/articles');
    await expect(attempt).rejects.toBeInstanceOf(LockedError);
    await expect(attempt).rejects.toThrow(
      `another ingest (process ${process.ppid}) is writing content/articles right now. Fix: wait for it to finish and run again; if no ingest is running, delete content/articles/.lock.`,
    );
    expect(readdirSync(dir)).toEqual(['.lock']);
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it.each([
    ['a process that is gone', () => `${deadPid()}\n`],
    ['nothing readable', () => ''],
  ])('takes over a lock holding %s', async (_case, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lock'), content());
    const lock = await acquireLock(dir);
    expect(readdirSync(dir)).toEqual(['.lock']);
    expect(readFileSync(lock.file, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });
});

describe('the sweep of the articles folder', () => {
  it("spares the temporary files of a live process, the lock's among them, and removes a killed run's", async () => {
    const dir = tempDir();
    const dead = deadPid();
    const live = [`..lock.${process.ppid}.0123456789ab.tmp`, `.a.mdx.${process.ppid}.0123456789ab.tmp`];
    for (const name of [...live, `.a.mdx.${dead}.0123456789ab.tmp`, 'stale.mdx']) writeFileSync(join(dir, name), 'x');
    const summary = await writeArticles(dir, []);
    expect(summary.removed).toEqual(['stale.mdx']);
    expect(readdirSync(dir).sort()).toEqual(live.sort());
  });
});

describe('ingests started together', () => {
  const project = tempProjects();
  const RUNS = 8;
  const ROUNDS = 4;
  /** Bounds a round whose winner never comes, so the test fails rather than runs on. */
  const MAX_ATTEMPTS = 200;

  /**
   * RUNS ingests at once; until one of them has won, each one refused starts another, so that
   * attempts land on every step of the winner's run, its sweep of the folder included.
   */
  async function race(site: TempProject): Promise<Run[]> {
    const runs: Run[] = [];
    let won = false;
    const attempt = async (): Promise<void> => {
      const run = await site.ingest();
      runs.push(run);
      won ||= run.code === 0;
      if (!won && run.code === 1 && runs.length < MAX_ATTEMPTS) await attempt();
    };
    await Promise.all(Array.from({ length: RUNS }, attempt));
    return runs;
  }
  const refused =
    /^error another ingest \(process \d+\) is writing content\/articles right now\. Fix: wait for it to finish and run again; if no ingest is running, delete content\/articles\/\.lock\.\n$/;

  it("leave one run's collection, every other run refused with the clear message, under CPU load", async () => {
    // Two collections in turn, so each round's winner writes new files and sweeps stale ones.
    const variants = [{ '2026-02-07/a.txt': manyStories(40) }, { '2026-02-07/a.txt': manyStories(25) }];
    const references = [];
    for (const sources of variants) {
      const reference = project(sources);
      expect((await reference.ingest()).code).toBe(0);
      references.push(reference.snapshot());
    }
    // Busy loops on every core, so the runs' steps interleave as on a loaded machine.
    const load: ChildProcess[] = Array.from({ length: availableParallelism() }, () =>
      spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
    );
    try {
      const site = project();
      for (let round = 0; round < ROUNDS; round++) {
        site.addSource('2026-02-07/a.txt', variants[round % 2]!['2026-02-07/a.txt']);
        if (round % 2 === 1) {
          // What a killed run leaves: its lock and a temporary file, both to be taken over at once.
          mkdirSync(site.articles, { recursive: true });
          const dead = deadPid();
          writeFileSync(join(site.articles, '.lock'), `${dead}\n`);
          writeFileSync(join(site.articles, `.a.mdx.${dead}.0123456789ab.tmp`), 'half');
        }
        const runs = await race(site);
        for (const run of runs) {
          if (run.code === 0) continue;
          expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(refused) });
        }
        expect(runs.filter((run) => run.code === 0).length).toBeGreaterThan(0);
        expect(site.snapshot()).toEqual(references[round % 2]);
      }
    } finally {
      for (const child of load) child.kill('SIGKILL');
    }
  }, 600_000);
});
