/**
 * A maintainer's mistake in content/sources/ fails `npm run build` (so the deploy never runs and
 * the last good site stays online) with a message naming the file to fix.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureSite, projectRoot } from '#tools/fixture-site.ts';

const SEED_DAY = '2026-02-07';

async function seedDump(): Promise<string> {
  const folder = join(projectRoot, 'content/sources', SEED_DAY);
  const [first] = (await readdir(folder)).filter((file) => file.endsWith('.txt'));
  if (first === undefined) throw new Error(`no seed dump in ${folder}`);
  return readFile(join(folder, first), 'utf8');
}

/**
 * Builds a site whose sources are a good dump plus `bad`; returns the exit status and output, and
 * whether any site was written (none may be: the build must stop before producing pages).
 */
async function failedBuildOutput(bad: Record<string, string | Uint8Array>): Promise<string> {
  const site = await createFixtureSite({ [`${SEED_DAY}/good.txt`]: await seedDump(), ...bad });
  try {
    const output = await site.npm('build').then(
      () => 'exit 0',
      (error: { code?: number; stdout?: string; stderr?: string }) => `exit ${error.code}\n${error.stdout}\n${error.stderr}`,
    );
    return `${output}\n${existsSync(site.dist) ? 'dist written' : 'no dist'}`;
  } finally {
    await site.remove();
  }
}

// A PNG header and some bytes: what an image saved with a .txt name looks like.
const PNG_BYTES = Uint8Array.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  ...Array(64).fill(0),
]);

describe('npm run build with a bad dump', () => {
  it('fails on a dump outside a dated folder, naming it and the fix', async () => {
    const output = await failedBuildOutput({ 'february/dump.txt': await seedDump() });
    expect(output).toMatch(/^exit [1-9]/);
    expect(output).toContain('content/sources/february/dump.txt');
    expect(output).toContain('YYYY-MM-DD');
    expect(output).toMatch(/no dist$/);
  });

  it('fails on a binary file saved as a dump, naming it', async () => {
    const output = await failedBuildOutput({ [`${SEED_DAY}/photo.txt`]: PNG_BYTES });
    expect(output).toMatch(/^exit [1-9]/);
    expect(output).toContain(`content/sources/${SEED_DAY}/photo.txt`);
    expect(output).toContain('binary');
    expect(output).toMatch(/no dist$/);
  });
});
