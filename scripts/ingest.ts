/**
 * `npm run ingest`: turns every raw dump under content/sources/ into MDX articles under
 * content/articles/. Run with `--help` for options.
 */
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { IngestError } from './ingest/errors.ts';
import { dumpCacheDir, processDumps } from './ingest/dumps.ts';
import { namesReport, openNameStage, REPORT_NAMES, type NameStage } from './ingest/names/stage.ts';
import { assembleArchive } from './ingest/pipeline.ts';
import { fileCheckpoints, loadThreadRules, threadCheckpointFile, type ThreadRules } from './ingest/thread.ts';
import { readDumps } from './ingest/read.ts';
import { acquireLock, LockedError } from './ingest/lock.ts';
import { writeArticles } from './ingest/write.ts';
import { writeCacheFile } from './ingest/write-cache.ts';

const HELP = `Usage: npm run ingest -- [options]

Turns every dump under content/sources/YYYY-MM-DD/*.txt into MDX articles in content/articles/.
Unchanged articles are left untouched; articles whose dump is gone are removed. The same story
met twice (in one dump or across dumps) becomes one article.

Options:
  --report        also list every skipped line (logo text, repeated headline and caption
                  lines, duplicate stories, fragments) with its file and line, and the people
                  not yet in content/names/people.yaml, most doubtful first: each with the
                  reasons for the doubt and the file that corrects it (docs/curating-names.md)
  --names <n>     with --report, how many of those people to list (default: ${REPORT_NAMES};
                  \`all\` lists every one)
  --root <dir>    project folder to ingest (default: the current folder)
  --workers <n>   threads to read dumps in; 0 reads them in the main thread (default: one
                  per core, at most 4, when more than 4 MB of dumps changed since last run)
  -h, --help      show this help

Exit status is 1 when any dump has an error; nothing is written then, so the last good
collection stays in place. Only one ingest runs at a time (content/articles/.lock); an
interrupted run leaves no half-written file, and running again finishes the job.`;

/** Progress on stderr, only for a person watching a terminal, at most ten updates a second. */
function progressLine(): { show(text: string): void; clear(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    show(text) {
      const now = Date.now();
      if (!tty || now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns ?? 80) - 1)}`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Ends the run on a bad curation file, or a dump saved again while this run read it (see ingest/read.ts). */
function failOnIngestError(error: unknown): never {
  if (error instanceof IngestError) fail(`error ${error.message}`);
  throw error;
}

let values: { report: boolean; names?: string; root: string; workers?: string; help: boolean };
try {
  ({ values } = parseArgs({
    options: {
      report: { type: 'boolean', default: false },
      names: { type: 'string' },
      root: { type: 'string', default: '.' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(`ingest: ${(error as Error).message}\n\n${HELP}`);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
  fail(`ingest: --workers takes a whole number, 0 or more (got \`${values.workers}\`)\n\n${HELP}`);
const reportNames = values.names === undefined ? REPORT_NAMES : values.names === 'all' ? Number.POSITIVE_INFINITY : Number(values.names);
if (values.names !== undefined && values.names !== 'all' && !/^\d+$/.test(values.names))
  fail(`ingest: --names takes a whole number, 0 or more, or \`all\` (got \`${values.names}\`)\n\n${HELP}`);

const root = resolve(values.root);
const articlesDir = resolve(root, 'content/articles');
const shown = (path: string) => relative(root, path) || '.';

let lock;
try {
  lock = await acquireLock(articlesDir, shown(articlesDir));
} catch (error) {
  if (error instanceof LockedError) fail(`error ${error.message}`);
  throw error;
}
// The lock goes with the process however it ends (errors exit early); after Ctrl-C or a
// supervisor's SIGTERM too. Temporary files of an interrupted run go on the next run.
process.on('exit', () => lock.release());
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.on(signal, () => process.exit(code));

const progress = progressLine();
const { sources, errors: readErrors } = await readDumps(root, resolve(root, 'content/sources'));
let names: NameStage;
let threadRules: ThreadRules;
try {
  names = openNameStage(root);
  threadRules = loadThreadRules(root);
} catch (error) {
  failOnIngestError(error);
}
const dumps = await processDumps(sources, {
  rules: names.rules,
  cacheDir: dumpCacheDir(root),
  onProgress: (done, total, path) => progress.show(`ingest: reading ${done}/${total} ${path}`),
  ...(workers === undefined ? {} : { workers }),
}).catch(failOnIngestError);
let result: ReturnType<typeof assembleArchive>;
try {
  result = assembleArchive(sources, dumps, names.rules, threadRules, fileCheckpoints(threadCheckpointFile(root)));
} catch (error) {
  failOnIngestError(error);
}
const errors: IngestError[] = [...readErrors, ...result.errors];

progress.clear();
if (values.report) {
  const byPlace = [...result.skipped].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  for (const skip of byPlace) console.log(`skip  ${skip.file}:${skip.line}  [${skip.reason}]  ${skip.text.slice(0, 80)}`);
  for (const duplicate of result.duplicates) {
    console.log(`dup   ${duplicate.file}#L${duplicate.firstLine}-L${duplicate.lastLine}  same story as ${duplicate.duplicateOf}`);
  }
  for (const line of namesReport(result.articles, names, reportNames)) console.log(line);
}
for (const warning of result.warnings) console.error(`warning ${warning}`);
for (const error of errors) console.error(`error ${error.message}`);
if (errors.length > 0) {
  fail(`\n${errors.length} error(s): nothing was written. Fix the dumps above and run \`npm run ingest\` again.`);
}

const written = await writeArticles(articlesDir, result.articles, {
  onProgress: (done, total) => progress.show(`ingest: writing ${done}/${total}`),
  cacheFile: writeCacheFile(root),
}).catch(failOnIngestError);
progress.clear();
console.log(
  `ingest: ${sources.length} source(s) -> ${result.articles.length} article(s): ` +
    `${written.written.length} new or changed, ${written.unchanged.length} unchanged, ${written.removed.length} removed, ` +
    `${result.duplicates.length} duplicate(s) merged; ${result.skipped.length} skipped line(s), ` +
    `${result.warnings.length} warning(s)` +
    (values.report || result.skipped.length === 0 ? '' : ' (list them with `npm run ingest -- --report`)'),
);
