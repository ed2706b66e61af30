import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHostLimits, formatSize, measureFolder } from '#lib/host-limits.ts';

const host = { name: 'Example Pages', maxSize: 1000, maxFiles: 10 };

describe('the host limits check', () => {
  it('says nothing up to 80% of every limit', () => {
    expect(checkHostLimits({ bytes: 800, files: 8 }, host)).toEqual([]);
  });

  it('warns past 80% of a limit, naming the size, the limit, the setting and the way out', () => {
    const [finding, ...rest] = checkHostLimits({ bytes: 850, files: 2 }, host);
    expect(rest).toEqual([]);
    expect(finding?.level).toBe('warning');
    expect(finding?.message).toBe(
      'dist/ takes up 850 bytes, 85% of the 1 kB limit of Example Pages (host.maxSize in content/site.yaml); past it the build fails. ' +
        'Raise host.maxSize if your host allows more, or plan the move to an object store (docs/deploying.md, "Past the host\'s limit").',
    );
  });

  it('fails past a limit, each limit on its own', () => {
    const findings = checkHostLimits({ bytes: 1001, files: 11 }, host);
    expect(findings.map(({ level }) => level)).toEqual(['error', 'error']);
    expect(findings[0]?.message).toMatch(
      /^dist\/ takes up 1 kB \(1,001 bytes\), over the 1 kB limit of Example Pages \(host\.maxSize in content\/site\.yaml\)/,
    );
    expect(findings[1]?.message).toMatch(
      /^dist\/ holds 11 files, over the 10 files limit of Example Pages \(host\.maxFiles in content\/site\.yaml\)/,
    );
    expect(findings[1]?.message).toMatch(
      /Raise host\.maxFiles if your host allows more, or deploy to an object store instead \(docs\/deploying\.md/,
    );
  });

  it('counts no files where the host does not limit them', () => {
    expect(checkHostLimits({ bytes: 1, files: 1_000_000 }, { name: 'GitHub Pages', maxSize: 1e9 })).toEqual([]);
  });

  it('writes sizes in the units the settings use', () => {
    expect([812, 1000, 3_456_789, 1e9, 1_250_000_000].map(formatSize)).toEqual(['812 bytes', '1 kB', '3.5 MB', '1 GB', '1.3 GB']);
  });

  it('measures the bytes and files of a folder and its subfolders', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'broadsheet-measure-'));
    try {
      await mkdir(join(folder, 'a', 'b'), { recursive: true });
      await writeFile(join(folder, 'index.html'), 'x'.repeat(10));
      await writeFile(join(folder, 'a', 'b', 'page.html'), 'y'.repeat(5));
      expect(await measureFolder(folder)).toEqual({ bytes: 15, files: 2 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
