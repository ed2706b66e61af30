/**
 * `npm run build` measures the site it built against the host's limits in content/site.yaml:
 * past one it fails, naming the limit and the way out; near one it warns and succeeds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSize, measureFolder, WARN_SHARE } from '#lib/host-limits.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from '#tools/fixture-site.ts';

let site: FixtureSite;

beforeAll(async () => {
  site = await createFixtureSite({
    '2026-02-07/plain.txt': await readFile(join(projectRoot, 'tests/fixtures/dumps/plain-layout.txt')),
  });
});
afterAll(() => site?.remove());

// The second build reuses the first's fixture site and caches, as a maintainer's next build would.
describe('the build against the host limits', () => {
  it('fails past a limit, naming each limit passed, the measured size and the way out', async () => {
    await site.setSetting('host', { name: 'Tiny Pages', maxSize: '1 kB', maxFiles: 1 });
    const failure = (await site.npm('build').then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; stderr?: string } | undefined;
    expect(failure?.code).not.toBe(0);
    const { bytes, files } = await measureFolder(site.dist);
    expect(failure?.stderr).toContain(
      `build: dist/ takes up ${formatSize(bytes)} (${bytes.toLocaleString('en')} bytes), over the 1 kB limit of Tiny Pages (host.maxSize in content/site.yaml)`,
    );
    expect(failure?.stderr).toContain(
      `build: dist/ holds ${files.toLocaleString('en')} files, over the 1 files limit of Tiny Pages (host.maxFiles`,
    );
    expect(failure?.stderr).toMatch(
      /Raise host\.maxSize if your host allows more, or deploy to an object store instead \(docs\/deploying\.md/,
    );
  });

  it('warns, and succeeds, past 80% of a limit', async () => {
    const { bytes } = await measureFolder(site.dist);
    // Rounded down, so the share is never just under the ninety-odd per cent the message must show.
    const limit = Math.floor(bytes / ((WARN_SHARE + 1) / 2));
    await site.setSetting('host', { name: 'Tiny Pages', maxSize: limit });
    const { stderr } = await site.npm('build');
    expect(stderr).toMatch(
      new RegExp(
        `build: warning: dist/ takes up .*, 9\\d% of the .* limit of Tiny Pages \\(host\\.maxSize in content/site\\.yaml\\); past it the build fails`,
      ),
    );
    expect(await measureFolder(site.dist)).toMatchObject({ bytes });
  });
});
