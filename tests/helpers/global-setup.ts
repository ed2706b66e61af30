/**
 * Vitest global setup: gives test files a folder to share demo builds in (see demo-build.ts) and
 * removes those builds when the run ends. Nothing is built here, so runs without browser or
 * link checks pay nothing.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const demoBuildsDir = await mkdtemp(join(tmpdir(), 'broadsheet-demo-builds-'));
  project.provide('demoBuildsDir', demoBuildsDir);
  return async () => {
    for (const folder of await readdir(demoBuildsDir)) {
      const result = await readFile(join(demoBuildsDir, folder, 'result.json'), 'utf8').catch(() => '{}');
      const { root } = JSON.parse(result) as { root?: string };
      if (root !== undefined) await rm(root, { recursive: true, force: true });
    }
    await rm(demoBuildsDir, { recursive: true, force: true });
  };
}
