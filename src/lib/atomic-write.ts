/**
 * Writes that never leave half a file: content goes to a temporary name beside the target, then is
 * renamed over it, so a reader or a killed run sees the old file or the new one, nothing between.
 * Every temporary name follows one scheme, `.<name>.<pid>.<random>.tmp`: hidden so no loader picks it
 * up, in the target's folder so the rename stays on one file system, and carrying its writer's
 * process id so a sweep can tell a live writer's file from a killed run's leftover.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, renameSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** A fresh temporary path beside `target`, unique to this process and this call. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether process `pid` exists; EPERM means it does, under another user. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True for a file name of the temporary scheme whose writer still runs: a sweep of leftovers must
 * spare it, as that process is about to rename or remove it. One of a killed run is fair game.
 */
export function isLiveTemporary(name: string): boolean {
  const pid = TEMPORARY_NAME.exec(name)?.[1];
  return pid !== undefined && isRunning(Number(pid));
}

/** Writes `content` to `target` atomically. Synchronous, for loops of many small files. */
export function writeFileAtomicSync(target: string, content: string | Uint8Array): void {
  const temporary = temporaryPathFor(target);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Makes `target` (a file or a folder) by having `fill` create the temporary path it is given,
 * then renaming that into place; on failure the temporary is removed and the target untouched.
 */
export async function replaceAtomically(target: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await fill(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Writes `content` to `target` atomically. */
export function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  return replaceAtomically(target, (temporary) => writeFile(temporary, content));
}
