/** Atomic writes: one temporary name scheme, a target whole or untouched, a live writer's file told from a leftover. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLiveTemporary, replaceAtomically, temporaryPathFor, writeFileAtomic, writeFileAtomicSync } from '#lib/atomic-write.ts';
import { deadPid, tempDirs } from './project.ts';

const tempDir = tempDirs('broadsheet-atomic-');

describe('temporaryPathFor', () => {
  it('names a hidden file beside the target, unique per process and call', () => {
    const first = temporaryPathFor('/x/content/articles/.lock');
    expect(first).toMatch(new RegExp(`^/x/content/articles/\\.\\.lock\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
    expect(temporaryPathFor('/x/content/articles/.lock')).not.toBe(first);
  });
});

describe('isLiveTemporary', () => {
  it('is true only for a temporary name whose process runs', () => {
    expect(isLiveTemporary(`.a.mdx.${process.pid}.0123456789ab.tmp`)).toBe(true);
    expect(isLiveTemporary(`.a.mdx.${deadPid()}.0123456789ab.tmp`)).toBe(false);
    expect(isLiveTemporary(`a.mdx`)).toBe(false);
    expect(isLiveTemporary(`.a.mdx.${process.pid}.tmp`)).toBe(false);
  });
});

describe('atomic writes', () => {
  it('replace the target and leave nothing else, synchronously or not', async () => {
    const dir = tempDir();
    writeFileAtomicSync(join(dir, 'a.txt'), 'one');
    await writeFileAtomic(join(dir, 'b.txt'), 'two');
    await writeFileAtomic(join(dir, 'b.txt'), 'three');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('three');
  });

  it('place a folder whole, and on failure leave the target untouched and no temporary behind', async () => {
    const dir = tempDir();
    await replaceAtomically(join(dir, 'part'), async (temporary) => {
      await mkdir(temporary);
      await writeFile(join(temporary, 'entry.json'), '{}');
    });
    expect(readdirSync(join(dir, 'part'))).toEqual(['entry.json']);
    writeFileSync(join(dir, 'kept.txt'), 'old');
    const failing = replaceAtomically(join(dir, 'kept.txt'), async (temporary) => {
      await writeFile(temporary, 'half');
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(readdirSync(dir).sort()).toEqual(['kept.txt', 'part']);
    expect(readFileSync(join(dir, 'kept.txt'), 'utf8')).toBe('old');
  });
});
