/**
 * Builds a throwaway copy of the project around fixture dumps, the way a maintainer's clone
 * would be built: `npm run build` in a temporary folder that shares this checkout's node_modules.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';

const run = promisify(execFile);
export const projectRoot = resolve(import.meta.dirname, '../..');
const PROJECT_PARTS = ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * This process's environment without the variables Vitest sets for its own `import.meta.env`
 * (BASE_URL, MODE, DEV, PROD, SSR): a child build would take them as its own, and an inherited
 * BASE_URL=/ overrides the base path Astro is configured with.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const { BASE_URL, MODE, DEV, PROD, SSR, ...rest } = process.env;
  return rest;
}

export interface FixtureSite {
  root: string;
  dist: string;
  /** Runs an npm script in the site's folder; resolves with its output, rejects on a non-zero exit. */
  npm(script: string, args?: string[], env?: Record<string, string>): Promise<{ stdout: string; stderr: string }>;
  /** Sets one of the copy's settings in its content/site.yaml, keeping the rest and their comments. */
  setSetting(key: string, value: unknown): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A copy of the project whose content/sources/ holds exactly `sources` (paths relative to it,
 * e.g. `2026-02-07/dump.txt`), or the project's own sources when `sources` is omitted.
 */
export async function createFixtureSite(sources?: Record<string, string | Uint8Array>): Promise<FixtureSite> {
  const root = await mkdtemp(join(tmpdir(), 'broadsheet-site-'));
  for (const part of PROJECT_PARTS) {
    await cp(join(projectRoot, part), join(root, part), {
      recursive: true,
      filter: (path) => !path.includes(`${join('content', 'articles')}`) && !(sources && path.includes(join('content', 'sources'))),
    });
  }
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  await mkdir(join(root, 'content', 'sources'), { recursive: true });
  for (const [path, text] of Object.entries(sources ?? {})) {
    const file = join(root, 'content', 'sources', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const settingsFile = join(root, 'content', 'site.yaml');
  return {
    root,
    dist: join(root, 'dist'),
    setSetting: async (key, value) => {
      const settings = parseDocument(await readFile(settingsFile, 'utf8'));
      settings.set(key, value);
      await writeFile(settingsFile, settings.toString());
    },
    npm: (script, args = [], env = {}) =>
      run('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
        cwd: root,
        env: { ...buildEnvironment(), ...env },
        maxBuffer: 64 * 1024 * 1024,
      }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
