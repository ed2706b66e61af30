/**
 * The collection lock: one ingest at a time writes content/articles/. The lock is a file holding
 * its owner's process id, so a killed run's lock is known stale at once and taken over, and a
 * refused run can name the ingest it waits for.
 */
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, temporaryPathFor } from '#lib/atomic-write.ts';

/** Name of the lock file inside the folder it guards. */
export const LOCK_FILE = '.lock';

/** Another ingest holds the lock: a clear message instead of two runs writing one folder. */
export class LockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `another ingest (process ${pid}) is writing ${dir} right now. ` +
        `Fix: wait for it to finish and run again; if no ingest is running, delete ${join(dir, LOCK_FILE)}.`,
    );
    this.name = 'LockedError';
  }
}

async function lockHolder(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A live process other than this one. */
const isOther = (pid: number | undefined): pid is number => pid !== undefined && pid !== process.pid && isRunning(pid);

export interface Lock {
  file: string;
  /** Releases the lock; safe to call twice, and synchronous so signal handlers can use it. */
  release(): void;
}

/**
 * Takes `<dir>/.lock`, holding this process's id. The id is written to a temporary file first and
 * hard-linked into place, which fails if a lock exists, so a lock is never seen half-written. Its
 * temporary files follow the atomic-write scheme, which `writeArticles` leaves alone while their
 * process lives. `shownDir` is how messages name `dir`.
 */
export async function acquireLock(dir: string, shownDir = dir): Promise<Lock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const temporary = temporaryPathFor(file);
  await writeFile(temporary, `${process.pid}\n`);
  try {
    for (;;) {
      try {
        await link(temporary, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await lockHolder(file);
      if (isOther(holder)) throw new LockedError(shownDir, holder);
      // Stale. Moved aside rather than deleted: if another ingest took it over meanwhile, what
      // was moved is that ingest's live lock, which goes back.
      const aside = temporaryPathFor(file);
      if (
        !(await rename(file, aside).then(
          () => true,
          () => false,
        ))
      )
        continue;
      const moved = await lockHolder(aside);
      if (moved !== holder && isOther(moved)) {
        // Fails only if a third ingest took the lock in the instant it was aside: then two runs
        // hold it, a window plain files cannot close without a kernel lock.
        await link(aside, file).catch(() => undefined);
        await unlink(aside);
        throw new LockedError(shownDir, moved);
      }
      await unlink(aside);
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
