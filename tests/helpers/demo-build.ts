/**
 * One build of the demo site per base path, shared by every test file in a run: the quality gates
 * all read the same dist/, and a 2-core machine cannot afford a build per file. The first worker to
 * ask builds it; the others wait for its result (an exit with an error is shared the same way).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { createFixtureSite } from '#tools/fixture-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder where the global setup lets test files share demo builds. */
    demoBuildsDir: string;
  }
}

export const DEMO_SITE_URL = 'https://example.org';

export interface DemoBuild {
  /** The built site folder. */
  dist: string;
  /** The base path it was built for, e.g. `/` or `/digest/`. */
  basePath: string;
  siteUrl: string;
}

interface BuildResult {
  root?: string;
  error?: string;
}

async function build(basePath: string): Promise<BuildResult> {
  const site = await createFixtureSite();
  try {
    await site.npm('build', [], { BASE_PATH: basePath, SITE_URL: DEMO_SITE_URL });
    return { root: site.root };
  } catch (error) {
    await site.remove();
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return { error: `npm run build with BASE_PATH=${basePath} failed:\n${stdout ?? ''}\n${stderr ?? (error as Error).message}` };
  }
}

async function waitForResult(file: string): Promise<BuildResult> {
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text) as BuildResult;
    await sleep(500);
  }
}

export async function demoBuild(basePath = '/'): Promise<DemoBuild> {
  const folder = join(inject('demoBuildsDir'), encodeURIComponent(basePath));
  const resultFile = join(folder, 'result.json');
  const isFirst = await mkdir(folder).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
  if (isFirst) {
    await writeFile(join(folder, 'result.tmp'), JSON.stringify(await build(basePath)));
    // Renamed into place so a waiting worker never reads a half-written file.
    await rename(join(folder, 'result.tmp'), resultFile);
  }
  const result = await waitForResult(resultFile);
  if (result.error !== undefined) throw new Error(result.error);
  return { dist: join(result.root ?? '', 'dist'), basePath, siteUrl: DEMO_SITE_URL };
}
