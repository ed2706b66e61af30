/** The collection lock, in-process: a live holder stops us, a dead one is taken over, nothing is left behind. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockedError } from '#ingest/write.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

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
    await expect(attempt).rejects.toThrow(`another ingest (process ${process.ppid}) is writing content/articles right now. Fix: wait for it to finish and run again; if no ingest is running, delete content/articles/.lock.`);
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
