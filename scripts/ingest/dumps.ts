/**
 * Stages 2-5 (`processDump`) for every dump, each at most once: a dump seen before with the same
 * bytes, path, ingest code and curation comes from the dump cache; the rest are read in worker
 * threads when there are enough of them to pay for starting workers, else in this thread. The
 * result is the same value either way, so output never depends on the cache or the workers.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isLiveTemporary, writeFileAtomicSync } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import { allGivenNames } from './names/lexicon.ts';
import type { NameRules } from './names/rules.ts';
import type { NumberedBlock } from './parse.ts';
import { dumpBodies, processDump, type DumpResult, type ProgressListener } from './pipeline.ts';
import { dumpSha1, type DumpFile } from './read.ts';

/** What a dump's reading depends on besides its path and bytes: the code and word lists of every ingest stage, and the shared code they use. */
const READER_VERSION = codeVersion(['scripts/ingest', 'src/lib/countries.ts', 'src/lib/slug.ts']);

/** Where dumps are cached, one file each, named by their key: git-ignored, safe to delete. */
export function dumpCacheDir(root: string): string {
  return join(root, '.cache', 'broadsheet', 'dumps');
}

/** A dump to read: its place in the list of dumps, and the name its result is cached under. */
export interface DumpTask {
  position: number;
  source: DumpFile;
  key: string | undefined;
}

function dumpKey(source: DumpFile, rules: NameRules): string | undefined {
  return READER_VERSION === undefined ? undefined : cacheKey(READER_VERSION, rules.curation.fingerprint, source.path, dumpSha1(source));
}

/**
 * The cached dump, its bodies to be parsed again from its bytes on first use: most articles of
 * a rerun are never rendered, and leaving the bodies out keeps the cache small.
 */
function cachedDump(dir: string, task: DumpTask & { key: string }): DumpResult | undefined {
  let entry: { key?: unknown; dump?: DumpResult };
  try {
    entry = JSON.parse(readFileSync(join(dir, `${task.key}.json`), 'utf8')) as typeof entry;
  } catch {
    return undefined;
  }
  // A file of another shape (cut short, edited, another version's) only costs a fresh read.
  const entries: unknown = entry.dump?.entries;
  if (
    entry.key !== task.key ||
    !Array.isArray(entries) ||
    !entries.every((dumpEntry: { article?: unknown }) => typeof dumpEntry?.article === 'object')
  )
    return undefined;
  let bodies: NumberedBlock[][] | undefined;
  entry.dump!.entries.forEach(({ article }, index) => {
    Object.defineProperty(article, 'body', { enumerable: true, get: () => (bodies ??= dumpBodies(task.source))[index] });
  });
  return entry.dump;
}

function saveDump(dir: string, key: string, dump: DumpResult): void {
  const withoutBodies = {
    ...dump,
    entries: dump.entries.map(({ article: { body: _body, ...article }, story }) => (story ? { article, story } : { article })),
  };
  writeFileAtomicSync(join(dir, `${key}.json`), JSON.stringify({ key, dump: withoutBodies }));
}

/** Reads one dump and caches what it gives: the work of a worker, or of this thread for small runs. */
export function processAndCache(task: DumpTask, rules: NameRules, cacheDir: string | undefined): DumpResult {
  const dump = processDump(task.source, rules);
  if (cacheDir !== undefined && task.key !== undefined) saveDump(cacheDir, task.key, dump);
  return dump;
}

/**
 * What a worker is told once, at start. The rules come compiled: compiling them in the worker runs
 * the tokenizer over the country names first, and V8 then optimises it for those strings rather
 * than the dumps'.
 */
export interface WorkerSetup {
  rules: NameRules;
  cacheDir: string | undefined;
  /** Every known given name, read once here rather than by each worker from its data packages. */
  givenNames: string[];
}

/** Below this many bytes of dumps to read, starting workers (each loads the ingest modules) costs more than it saves. */
const PARALLEL_FROM_BYTES = 4_000_000;
/** Dumps go to workers in chunks of at most about this size: few messages, and no worker left idle long at the end. */
const CHUNK_BYTES = 512_000;
const MAX_WORKERS = 4;

/** Consecutive tasks in chunks, at least four per worker so the work spreads evenly. */
function chunked(tasks: readonly DumpTask[], workers: number): DumpTask[][] {
  const bytes = tasks.reduce((sum, task) => sum + task.source.bytes.length, 0);
  const chunkBytes = Math.min(CHUNK_BYTES, bytes / (workers * 4));
  const chunks: DumpTask[][] = [];
  let size = 0;
  for (const task of tasks) {
    if (chunks.length === 0 || size >= chunkBytes) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(task);
    size += task.source.bytes.length;
  }
  return chunks;
}

/** Runs the tasks on `count` worker threads, each taking the next chunk when done with one. */
async function processInWorkers(
  tasks: readonly DumpTask[],
  count: number,
  setup: WorkerSetup,
  onRead: (task: DumpTask, dump: DumpResult) => void,
): Promise<void> {
  const chunks = chunked(tasks, count);
  const workers = Array.from(
    { length: Math.min(count, chunks.length) },
    () => new Worker(new URL('./dump-worker.ts', import.meta.url), { workerData: setup }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current: DumpTask[] = [];
            const next = () => {
              current = chunks.shift() ?? [];
              if (current.length === 0) resolve();
              else worker.postMessage(current);
            };
            worker.on('message', (dumps: DumpResult[]) => {
              current.forEach((task, index) => onRead(task, dumps[index]!));
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a dump reader thread stopped early (exit code ${code})`)));
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export interface ProcessDumpsOptions {
  rules: NameRules;
  /** The dump cache's folder (`dumpCacheDir(root)`); without it every dump is read afresh. */
  cacheDir?: string;
  onProgress?: ProgressListener;
  /**
   * Worker threads to read dumps in: 0 reads them all in this thread. By default one per core
   * (at most MAX_WORKERS), and none below PARALLEL_FROM_BYTES of dumps left to read.
   */
  workers?: number;
}

/** Drops what this run did not use (dumps changed or gone, older code) and temporary files of a killed run. */
function pruneCache(dir: string, keys: ReadonlySet<string | undefined>): void {
  for (const file of readdirSync(dir))
    if (!keys.has(file.replace(/\.json$/, '')) && !isLiveTemporary(file)) rmSync(join(dir, file), { force: true });
}

/** `processDump` of every dump, in path order; the cache keeps exactly the dumps of this run. */
export async function processDumps(
  sources: readonly DumpFile[],
  { rules, cacheDir, onProgress, workers }: ProcessDumpsOptions,
): Promise<DumpResult[]> {
  const dumps: DumpResult[] = [];
  const tasks: DumpTask[] = sources.map((source, position) => ({
    position,
    source,
    key: cacheDir === undefined ? undefined : dumpKey(source, rules),
  }));
  let done = 0;
  const onRead = (task: DumpTask, dump: DumpResult) => {
    dumps[task.position] = dump;
    onProgress?.(++done, sources.length, task.source.path);
  };
  const unread: DumpTask[] = [];
  for (const task of tasks) {
    const cached = task.key === undefined ? undefined : cachedDump(cacheDir!, { ...task, key: task.key });
    if (cached) onRead(task, cached);
    else unread.push(task);
  }
  if (cacheDir !== undefined) mkdirSync(cacheDir, { recursive: true });
  const bytes = unread.reduce((sum, task) => sum + task.source.bytes.length, 0);
  const threads = workers ?? (bytes >= PARALLEL_FROM_BYTES ? Math.min(availableParallelism(), MAX_WORKERS) : 0);
  if (threads > 0 && unread.length > 0)
    await processInWorkers(unread, threads, { rules, cacheDir, givenNames: [...allGivenNames()] }, onRead);
  else for (const task of unread) onRead(task, processAndCache(task, rules, cacheDir));
  if (cacheDir !== undefined) pruneCache(cacheDir, new Set(tasks.map((task) => task.key)));
  return dumps;
}
