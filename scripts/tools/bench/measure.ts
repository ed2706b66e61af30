/**
 * Runs one build stage as a child process and measures it: wall time, CPU time of the whole
 * child tree, and peak memory, both as the largest single process and as the tree's sum
 * (the build starts workers and Pagefind runs a native binary, so one number is not enough).
 * Where the stage forks into programs running side by side, each one is measured too.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { filesIn } from '#lib/host-limits.ts';
import { isSearchBundleFolder } from '#lib/search-parts.ts';

/** A program a stage runs side by side with another, with everything it starts, as sampled. */
export interface BranchMeasure {
  /** Its script and first word (`astro.mjs build`). */
  program: string;
  /** From the first sample that saw it to the last, so to within a sampling pause. */
  wallSeconds: number;
  cpuSeconds: number;
  peakProcessMb: number;
  peakTreeMb: number;
}

export interface StageMeasure {
  wallSeconds: number;
  /** User + system CPU of the stage's whole process tree. */
  cpuSeconds: number;
  /** Largest resident set of any single process in the tree (kernel's ru_maxrss), MB. */
  peakProcessMb: number | undefined;
  /** Largest sum of resident sets over the whole tree at one moment, sampled every SAMPLE_PAUSE_MS, MB. */
  peakTreeMb: number;
  /** Where the stage starts programs side by side (`build-site.ts`: Astro and the search indexer), each one, in the order they started. */
  branches: BranchMeasure[];
  /** Bytes the stage wrote to stdout and stderr. */
  logBytes: number;
  exitCode: number;
}

const GNU_TIME = '/usr/bin/time';
const SAMPLE_PAUSE_MS = 200;
const PAGE_BYTES = 4096;
/** USER_HZ, which Linux fixes at 100 for /proc. */
const CLOCK_TICKS_PER_SECOND = 100;

interface ProcessSample {
  parent: number;
  rssBytes: number;
  /** User + system CPU so far, in clock ticks. */
  cpuTicks: number;
}

async function processTable(): Promise<Map<number, ProcessSample>> {
  const processes = new Map<number, ProcessSample>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const statLine = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    if (!statLine) continue;
    // Fields after the parenthesised command name, from field 3 (state) on: ppid is field 4,
    // utime and stime fields 14 and 15, rss field 24 (see proc(5)).
    const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(name), {
      parent: Number(fields[1]),
      rssBytes: Number(fields[21]) * PAGE_BYTES,
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return processes;
}

/** The processes descending from `root`, now. */
async function processTree(root: number): Promise<Map<number, ProcessSample>> {
  const processes = await processTable();
  const inTree = new Set([root]);
  // /proc lists parents before children often but not always: repeat until no process joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, { parent }] of processes) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return new Map([...inTree].flatMap((pid) => (processes.has(pid) ? [[pid, processes.get(pid)!] as const] : [])));
}

/** A program's name as its command line gives it: the script a runtime runs and its first word (`astro.mjs build`). */
async function programName(pid: number): Promise<string> {
  const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
  const script = argv.findIndex((arg, index) => index > 0 && !arg.startsWith('-'));
  if (script < 0) return basename(argv[0] ?? String(pid));
  const word = argv[script + 1];
  return word === undefined || word.startsWith('-') ? basename(argv[script]!) : `${basename(argv[script]!)} ${word}`;
}

/**
 * Follows the programs a stage forks into: the first process seen with two children or more
 * (the one nearest the stage's root) is the fork, and from then on each of its children is a
 * branch, measured with all it starts.
 */
function branchTracker(root: number) {
  let fork: number | undefined;
  const branches = new Map<
    number,
    { program: Promise<string>; firstSeen: number; lastSeen: number; cpuTicks: Map<number, number>; peakProcess: number; peakTree: number }
  >();
  return {
    sample(tree: ReadonlyMap<number, ProcessSample>, now: number): void {
      const children = new Map<number, number[]>();
      for (const [pid, { parent }] of tree) if (pid !== root) children.set(parent, [...(children.get(parent) ?? []), pid]);
      for (let level = [root]; fork === undefined && level.length > 0; level = level.flatMap((pid) => children.get(pid) ?? [])) {
        fork = level.find((pid) => (children.get(pid)?.length ?? 0) >= 2);
      }
      if (fork === undefined) return;
      const subtree = (pid: number): number[] => [pid, ...(children.get(pid) ?? []).flatMap(subtree)];
      for (const branch of children.get(fork) ?? []) {
        const entry = branches.get(branch) ?? {
          program: programName(branch),
          firstSeen: now,
          lastSeen: now,
          cpuTicks: new Map(),
          peakProcess: 0,
          peakTree: 0,
        };
        const samples = subtree(branch).map((pid) => [pid, tree.get(pid)!] as const);
        for (const [pid, sample] of samples) entry.cpuTicks.set(pid, sample.cpuTicks);
        entry.lastSeen = now;
        entry.peakProcess = Math.max(entry.peakProcess, ...samples.map(([, sample]) => sample.rssBytes));
        entry.peakTree = Math.max(
          entry.peakTree,
          samples.reduce((sum, [, sample]) => sum + sample.rssBytes, 0),
        );
        branches.set(branch, entry);
      }
    },
    async measures(): Promise<BranchMeasure[]> {
      return Promise.all(
        [...branches.values()].map(async (branch) => ({
          program: await branch.program,
          wallSeconds: (branch.lastSeen - branch.firstSeen) / 1000,
          cpuSeconds: [...branch.cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS_PER_SECOND,
          peakProcessMb: branch.peakProcess / 2 ** 20,
          peakTreeMb: branch.peakTree / 2 ** 20,
        })),
      );
    },
  };
}

/** Runs `command` through `sh -c` in `cwd`, appending its output to `logFile`. */
export async function measureStage(
  command: string,
  cwd: string,
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StageMeasure> {
  const timeReport = `${logFile}.time`;
  const useGnuTime = existsSync(GNU_TIME);
  const argv = useGnuTime ? [GNU_TIME, '-f', '%U %S %M', '-o', timeReport, 'sh', '-c', command] : ['sh', '-c', command];
  const log = await open(logFile, 'a');
  const logStart = (await log.stat()).size;
  const started = process.hrtime.bigint();
  const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', log.fd, log.fd] });
  let peakTree = 0;
  // Latest CPU ticks seen per process: catches processes the kernel never charges to the
  // stage, such as a native binary its parent leaves running at exit.
  const cpuTicks = new Map<number, number>();
  let running = true;
  const branches = branchTracker(child.pid!);
  // One scan of /proc at a time, a pause between: overlapping scans cost the measured stage a
  // third of a core on a busy tree.
  const sampling = (async () => {
    while (running) {
      if (child.pid) {
        let rss = 0;
        const tree = await processTree(child.pid);
        for (const [pid, sample] of tree) {
          rss += sample.rssBytes;
          cpuTicks.set(pid, sample.cpuTicks);
        }
        peakTree = Math.max(peakTree, rss);
        branches.sample(tree, performance.now());
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_PAUSE_MS));
    }
  })();
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  running = false;
  await sampling;
  const logBytes = (await log.stat()).size - logStart;
  await log.close();
  let cpuSeconds = [...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS_PER_SECOND;
  let peakProcessMb: number | undefined;
  if (useGnuTime) {
    // The last line holds the numbers; a line before it may say the command exited non-zero.
    const [user, system, maxKb] = (await readFile(timeReport, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
    cpuSeconds = Math.max(cpuSeconds, user! + system!);
    peakProcessMb = maxKb! / 1024;
    await rm(timeReport);
  }
  return {
    wallSeconds,
    cpuSeconds,
    peakProcessMb,
    peakTreeMb: peakTree / 2 ** 20,
    branches: await branches.measures(),
    logBytes,
    exitCode,
  };
}

export interface TreeSize {
  files: number;
  bytes: number;
  htmlPages: number;
  /** The largest HTML file, its path relative to `dir` ('' when there is none). */
  largestHtml: { path: string; bytes: number };
}

/** Files, bytes and HTML pages under `dir` (zeros when it does not exist). */
export async function treeSize(dir: string): Promise<TreeSize> {
  const size: TreeSize = { files: 0, bytes: 0, htmlPages: 0, largestHtml: { path: '', bytes: 0 } };
  if (!existsSync(dir)) return size;
  for (const file of await filesIn(dir)) {
    size.files++;
    size.bytes += file.bytes;
    if (!file.path.endsWith('.html')) continue;
    size.htmlPages++;
    if (file.bytes > size.largestHtml.bytes) size.largestHtml = file;
  }
  return size;
}

/** The search index's size: every part's bundle (see src/lib/search-parts.ts) under `dist`. */
export async function searchIndexSize(dist: string): Promise<TreeSize & { parts: number }> {
  const parts = (await readdir(dist).catch(() => [])).filter(isSearchBundleFolder);
  const total = { files: 0, bytes: 0, htmlPages: 0, largestHtml: { path: '', bytes: 0 }, parts: parts.length };
  for (const part of parts) {
    const size = await treeSize(join(dist, part));
    total.files += size.files;
    total.bytes += size.bytes;
    total.htmlPages += size.htmlPages;
  }
  return total;
}
