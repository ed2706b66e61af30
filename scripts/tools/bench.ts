/**
 * `npm run bench -- --stories N[,M,...]`: builds a synthetic archive of N stories in a
 * throwaway copy of the project and measures every stage of `npm run build` on it, then a
 * rebuild with no change and a rebuild after adding one day. Run with `--help` for options.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { createFixtureSite, projectRoot, type FixtureSite } from './fixture-site.ts';
import { loadCorpus, STORIES_PER_DAY, writeArchive, type SourceStory } from './bench/archive.ts';
import { measureStage, searchIndexSize, treeSize, type BranchMeasure, type StageMeasure } from './bench/measure.ts';

const HELP = `Usage: npm run bench -- --stories N[,M,...] [options]

For each N: writes N stories (${STORIES_PER_DAY} a day) as raw dumps into a fresh copy of the
project, then times each command of \`npm run build\` (clean), the same build again with no
change, and again after adding one day's dump. Prints wall and CPU seconds, peak memory,
pages, dist/ size (also per story, in KB of 1,024 bytes, and files per story), the largest
HTML page and the search index size, then the scaling across all N.

Options:
  --stories <list>  comma-separated story counts (default 1000)
  --runs <n>        clean builds per count; the table shows medians (default 1)
  --clean-only      skip the two rebuilds (no change, one day added)
  --profile         write V8 CPU profiles of every Node process (kept in the copy's profiles/)
  --keep            keep the temporary copies and print where they are
  --update-docs     also write the results into docs/performance.md, replacing the last ones
  -h, --help        show this help`;

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    'clean-only': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'update-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const counts = values.stories.split(',').map((text) => Number(text.replace(/_/g, '')));
const runs = Number(values.runs);
if (counts.some((count) => !Number.isInteger(count) || count < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('error --stories takes positive whole numbers separated by commas (e.g. 1000,10000) and --runs a positive whole number');
  process.exit(2);
}

/** The section of docs/performance.md that \`--update-docs\` replaces. */
const RESULTS_START = '<!-- BENCH RESULTS: written by npm run bench -- --update-docs; do not edit by hand. -->';
const RESULTS_END = '<!-- END BENCH RESULTS -->';

/** What the bench prints on stdout, kept so \`--update-docs\` can write the same text into the docs. */
const reported: string[] = [];
function report(text: string): void {
  console.log(text);
  reported.push(text);
}

interface Stage {
  command: string;
  measure: StageMeasure;
  /** The wall time of each half of a stage that runs two, how they ran and the pages rendered and kept, as it reports them. */
  halves?: string;
}

/** The build is whatever `npm run build` runs, split into its `&&` commands so each is timed. */
const buildCommands = (
  JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { build: string } }
).scripts.build
  .split('&&')
  .map((command) => command.trim());

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const fixed = (value: number | undefined, digits = 1) => (value === undefined ? 'n/a' : value.toFixed(digits));

async function build(site: FixtureSite, label: string): Promise<Stage[]> {
  const env = {
    ...process.env,
    PATH: `${join(site.root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(values.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(site.root, 'profiles', label)}` } : {}),
  };
  const stages: Stage[] = [];
  for (const command of buildCommands) {
    const logFile = join(site.root, `bench-${label}.log`);
    const measure = await measureStage(command, site.root, logFile, env);
    if (measure.exitCode !== 0) {
      const log = await readFile(logFile, 'utf8');
      throw new Error(`\`${command}\` failed (exit ${measure.exitCode}) in ${label}; end of its log:\n${log.slice(-4000)}`);
    }
    // build-site.ts reports its two halves, side by side or (short of memory) one after the other,
    // and how many pages it rendered and kept from the last build.
    const log = await readFile(logFile, 'utf8');
    const halves = [...log.matchAll(/^build: (.*, (?:side by side|one after the other).*)$/gm)].at(-1)?.[1];
    const pages = [...log.matchAll(/^build: ((?:clean|updated the last build): .*)$/gm)].at(-1)?.[1];
    stages.push({ command, measure, ...(halves ? { halves: pages ? `${halves}; ${pages}` : halves } : {}) });
  }
  return stages;
}

/** A Markdown table row. */
const tableRow = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;

type Measured = Pick<StageMeasure, 'wallSeconds' | 'cpuSeconds' | 'peakProcessMb' | 'peakTreeMb'>;

/** One table row over runs: median times, the largest peaks. */
function measureRow(scenario: string, name: string, all: readonly Measured[], logKb = ''): string {
  const peakProcess = all.every((measure) => measure.peakProcessMb !== undefined)
    ? Math.max(...all.map((measure) => measure.peakProcessMb!))
    : undefined;
  return tableRow([
    scenario,
    name,
    fixed(median(all.map((measure) => measure.wallSeconds))),
    fixed(median(all.map((measure) => measure.cpuSeconds))),
    fixed(peakProcess, 0),
    fixed(Math.max(...all.map((measure) => measure.peakTreeMb)), 0),
    logKb,
  ]);
}

/** A row per stage and, under a stage that runs programs side by side, a row for each (where every run did). */
function stageRows(scenario: string, runsOfStages: Stage[][]): string[] {
  const rows = runsOfStages[0]!.flatMap((stage, index) => {
    const all = runsOfStages.map((stages) => stages[index]!.measure);
    const branches = all[0]!.branches.map((branch, position) => ({
      program: branch.program,
      all: all
        .map((measure) => measure.branches[position])
        .filter((measure): measure is BranchMeasure => measure?.program === branch.program),
    }));
    return [
      measureRow(scenario, `\`${stage.command}\``, all, fixed(median(all.map((measure) => measure.logBytes)) / 1024, 0)),
      ...branches
        .filter((branch) => branch.all.length === all.length)
        .map((branch) => measureRow(scenario, `↳ side by side: \`${branch.program}\``, branch.all)),
    ];
  });
  const totals = runsOfStages.map((stages) => stages.reduce((sum, stage) => sum + stage.measure.wallSeconds, 0));
  rows.push(`| ${scenario} | **whole build** | ${fixed(median(totals))} | | | | |`);
  return rows;
}

interface Scaling {
  stories: number;
  totalSeconds: number;
  stageSeconds: number[];
  peakMb: number;
  pages: number;
  distFiles: number;
  distMb: number;
  /** dist/'s bytes per story. */
  storyBytes: number;
  largestPageBytes: number;
  indexMb: number;
  /** Empty with `--clean-only`. */
  addDaySeconds: number[];
  noChangeSeconds: number | undefined;
  cpuSeconds: number;
}

/**
 * Copies measured and done with, deleted only once every measurement is over: right after tens
 * of thousands of files are deleted, ext4 creates files more slowly for a while (it checks the
 * recently freed inodes), which would slow the next build measured.
 */
const finishedSites: FixtureSite[] = [];

/**
 * The bench measures the build, not a host: its archive may be larger than the host the demo
 * names accepts, so the copy's host has room for any archive (the build's warning and failure at
 * a host's limit have a test of their own).
 */
function withoutHostLimit(site: FixtureSite): Promise<void> {
  return site.setSetting('host', { name: 'the bench', maxSize: '1000 TB' });
}

async function benchCount(stories: number, corpus: readonly SourceStory[]): Promise<Scaling> {
  const clean: Stage[][] = [];
  let site: FixtureSite | undefined;
  for (let run = 1; run <= runs; run++) {
    if (site) finishedSites.push(site);
    site = await createFixtureSite({});
    await withoutHostLimit(site);
    await writeArchive(join(site.root, 'content', 'sources'), corpus, stories);
    console.error(`bench: ${stories} stories, clean build ${run}/${runs} in ${site.root}`);
    clean.push(await build(site, `clean-${run}`));
  }
  site = site!;
  const dist = await treeSize(site.dist);
  const index = await searchIndexSize(site.dist);
  let noChange: Stage[] = [];
  let addDay: Stage[] = [];
  if (!values['clean-only']) {
    console.error(`bench: ${stories} stories, rebuild with no change`);
    noChange = await build(site, 'no-change');
    console.error(`bench: ${stories} stories, rebuild after adding one day`);
    await writeArchive(
      join(site.root, 'content', 'sources'),
      corpus,
      STORIES_PER_DAY,
      Math.ceil(stories / STORIES_PER_DAY) * STORIES_PER_DAY,
    );
    addDay = await build(site, 'add-day');
  }

  report(`\n### ${stories.toLocaleString('en')} stories\n`);
  report('| scenario | stage | wall s | CPU s | peak process MB | peak tree MB | log KB |');
  report('|---|---|---|---|---|---|---|');
  const rebuildRows = values['clean-only'] ? [] : [...stageRows('no change', [noChange]), ...stageRows('add one day', [addDay])];
  for (const row of [...stageRows(runs > 1 ? `clean (median of ${runs})` : 'clean', clean), ...rebuildRows]) report(row);
  const scenarios: [string, Stage[]][] = [
    ...clean.map((stages, run): [string, Stage[]] => [`clean ${run + 1}`, stages]),
    ['no change', noChange],
    ['add one day', addDay],
  ];
  const halves = scenarios.flatMap(([scenario, stages]) =>
    stages.filter((stage) => stage.halves).map((stage) => `- ${scenario}, \`${stage.command}\`: ${stage.halves}`),
  );
  if (halves.length > 0) report(`\n${halves.join('\n')}`);
  const pages = dist.htmlPages - index.htmlPages;
  report(
    `\npages ${pages}; dist/ ${dist.files} files, ${fixed(dist.bytes / 2 ** 20)} MB: ` +
      `${fixed(dist.bytes / stories / 1024)} KB and ${fixed(dist.files / stories, 2)} files per story; ` +
      `search index ${index.files} files, ${fixed(index.bytes / 2 ** 20)} MB; ` +
      `largest page ${fixed(dist.largestHtml.bytes / 1024)} KB (${dist.largestHtml.path})`,
  );
  if (values.keep) console.log(`kept: ${site.root}`);
  else finishedSites.push(site);

  const stageSeconds = clean[0]!.map((_, index) => median(clean.map((stages) => stages[index]!.measure.wallSeconds)));
  return {
    stories,
    totalSeconds: stageSeconds.reduce((sum, seconds) => sum + seconds, 0),
    stageSeconds,
    peakMb: Math.max(
      ...[...clean.flat(), ...noChange, ...addDay].map((stage) => Math.max(stage.measure.peakTreeMb, stage.measure.peakProcessMb ?? 0)),
    ),
    pages,
    distFiles: dist.files,
    distMb: dist.bytes / 2 ** 20,
    storyBytes: dist.bytes / stories,
    largestPageBytes: dist.largestHtml.bytes,
    indexMb: index.bytes / 2 ** 20,
    addDaySeconds: addDay.map((stage) => stage.measure.wallSeconds),
    noChangeSeconds: noChange.length > 0 ? noChange.reduce((sum, stage) => sum + stage.measure.wallSeconds, 0) : undefined,
    cpuSeconds: median(clean.map((stages) => stages.reduce((sum, stage) => sum + stage.measure.cpuSeconds, 0))),
  };
}

const { stories: corpus, origin } = await loadCorpus(projectRoot);
report(
  `Stories drawn from ${origin}; ${buildCommands.length} build stages: ${buildCommands.map((command) => `\`${command}\``).join(', ')}`,
);
const results: Scaling[] = [];
for (const count of counts) results.push(await benchCount(count, corpus));
for (const site of finishedSites) await site.remove();
// Wall times are only comparable on a quiet machine; CPU seconds hold up better under load.
report(
  `\nLoad average at the end (1/5/15 min): ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')} on ${availableParallelism()} cores`,
);

report('\n### Scaling (clean builds)\n');
const stageColumns = buildCommands.map((command) => `\`${command}\` s`);
const scalingColumns = ['stories', ...stageColumns, 'whole build s', 'whole build CPU s', 'ms per story', 'no-change rebuild s'];
scalingColumns.push(
  `add-one-day: ${stageColumns.join(' / ')}`,
  'peak MB',
  'pages',
  'dist files',
  'dist MB',
  'KB per story',
  'files per story',
  'largest page KB',
  'index MB',
);
report(tableRow(scalingColumns));
report(tableRow(scalingColumns.map(() => '---')));
for (const result of results) {
  report(
    tableRow([
      result.stories.toLocaleString('en'),
      ...result.stageSeconds.map((seconds) => fixed(seconds)),
      fixed(result.totalSeconds),
      fixed(result.cpuSeconds),
      fixed((result.totalSeconds / result.stories) * 1000, 2),
      fixed(result.noChangeSeconds),
      result.addDaySeconds.map((seconds) => fixed(seconds)).join(' / ') || 'n/a',
      fixed(result.peakMb, 0),
      result.pages,
      result.distFiles,
      fixed(result.distMb),
      fixed(result.storyBytes / 1024),
      fixed(result.distFiles / result.stories, 2),
      fixed(result.largestPageBytes / 1024),
      fixed(result.indexMb),
    ]),
  );
}

if (values['update-docs']) {
  const file = join(projectRoot, 'docs', 'performance.md');
  const docs = await readFile(file, 'utf8');
  const [start, end] = [docs.indexOf(RESULTS_START), docs.indexOf(RESULTS_END)];
  if (start < 0 || end < start) throw new Error(`${file}: no ${RESULTS_START} ... ${RESULTS_END} section to replace`);
  const command = `npm run bench -- ${process.argv
    .slice(2)
    .filter((arg) => arg !== '--update-docs')
    .join(' ')}`.trim();
  const section = `${RESULTS_START}\n\n\`${command}\`\n\n${reported.join('\n').trim()}\n\n`;
  // Formatted as the lint check wants it, so a fresh run leaves the tree clean.
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  await writeFile(file, await prettier.format(docs.slice(0, start) + section + docs.slice(end), options));
  console.error(`bench: results written to ${relative(projectRoot, file)}`);
}
