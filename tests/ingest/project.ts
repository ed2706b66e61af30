/** A throwaway project folder holding only content/sources/, and the ingest and add commands run on it. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const node = join(repoRoot, 'node_modules/.bin/node');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** SIGKILL the run right after its n-th file system change (see kill-after-writes.mjs). */
  killAfterWrites?: number;
  /** Count the run's file system changes, printed last on stderr (see {@link writesOf}). */
  countWrites?: boolean;
}

const KILL_AFTER_WRITES = join(import.meta.dirname, 'kill-after-writes.mjs');

export function runScript(script: 'ingest' | 'add', args: string[], options: RunOptions = {}): Promise<Run> {
  const cwd = options.cwd ?? repoRoot;
  const counted = options.killAfterWrites !== undefined || options.countWrites === true;
  const preload = counted ? ['--import', KILL_AFTER_WRITES] : [];
  const env = { ...process.env, INIT_CWD: cwd, ...(counted ? { KILL_AFTER_WRITES: String(options.killAfterWrites ?? 0) } : {}) };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [...preload, join(repoRoot, 'scripts', `${script}.ts`), ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** How many file system changes a run made with `countWrites`. */
export function writesOf(run: Run): number {
  const count = /^file system changes: (\d+)$/m.exec(run.stderr)?.[1];
  if (count === undefined) throw new Error(`the run printed no count of file system changes:\n${run.stderr}`);
  return Number(count);
}

export class TempProject {
  readonly root = mkdtempSync(join(tmpdir(), 'broadsheet-ingest-'));
  readonly articles = join(this.root, 'content/articles');

  constructor(sources: Record<string, string | Uint8Array> = {}) {
    mkdirSync(join(this.root, 'content/sources'), { recursive: true });
    for (const [path, content] of Object.entries(sources)) this.addSource(path, content);
  }

  addSource(path: string, content: string | Uint8Array): void {
    const file = join(this.root, 'content/sources', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  ingest(args: string[] = [], options: Omit<RunOptions, 'cwd'> = {}): Promise<Run> {
    return runScript('ingest', ['--root', this.root, ...args], options);
  }

  /** Every file under content/articles/ (hidden ones included) with a hash of its bytes. */
  snapshot(): Record<string, string> {
    const files: Record<string, string> = {};
    let entries: string[];
    try {
      entries = readdirSync(this.articles, { recursive: true, encoding: 'utf8' });
    } catch {
      return files;
    }
    for (const entry of entries.sort()) {
      const file = join(this.articles, entry);
      try {
        files[entry] = createHash('sha256').update(readFileSync(file)).digest('hex');
      } catch {
        // A folder.
      }
    }
    return files;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A site-layout dump of `count` distinct stories. */
export function manyStories(count: number, prefix = 'Story'): string {
  return Array.from({ length: count }, (_, index) => {
    const title = `${prefix} number ${index} about the harbour`;
    const caption = `Boats in the harbour on the morning of story ${index}. (Reuters)`;
    return `${title}\n\n${caption}\n${caption}\nTT\n\n${title}\n\n${caption}\n${caption}\n\nThe first paragraph of story ${index} says what happened.\n\nThe second paragraph of story ${index} adds a quote.\n`;
  }).join('\n\n\n');
}

/** Makes temporary projects for the calling test file and removes them after each of its tests. */
export function tempProjects(): (sources?: Record<string, string | Uint8Array>) => TempProject {
  const created: TempProject[] = [];
  afterEach(() => {
    for (const project of created.splice(0)) project.remove();
  });
  return (sources) => {
    const project = new TempProject(sources);
    created.push(project);
    return project;
  };
}

/** Makes temporary folders for the calling test file and removes them after each of its tests. */
export function tempDirs(prefix: string): () => string {
  const created: string[] = [];
  afterEach(() => {
    for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    created.push(dir);
    return dir;
  };
}

/** The id of a process that has already exited: what a killed run leaves in its files. */
export const deadPid = () =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
