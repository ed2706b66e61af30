/**
 * `npm run eval`: how well the names stage finds people and countries, per labelled set
 * (the seed gold and the hand-labelled BBC stories), with each miss and false hit; how well the
 * thread stage groups stories; and with `--pages` how many person pages of the bench archive
 * are real people.
 * Run with `--help` for options.
 */
import { parseArgs } from 'node:util';
import { loadCorpus } from './bench/archive.ts';
import {
  benchPersonPages,
  drawPages,
  PAGES_ARCHIVE,
  PAGES_COUNT,
  PAGES_SEED,
  readVerdicts,
  scorePages,
  UNTUNED_PAGE_LABELS,
  UNTUNED_PAGES_COUNT,
  UNTUNED_PAGES_SEED,
  type PagesReport,
} from './eval/person-pages.ts';
import { evaluateThreads, seedThreads, THREAD_LABELS, type PairScore } from './eval/threads.ts';
import {
  evaluateBbc,
  evaluateCompromiseBaseline,
  evaluateSeed,
  projectRoot,
  sharedCorpus,
  sharedCorpusPresent,
  type SetReport,
} from './eval/labelled.ts';

const HELP = `Usage: npm run eval -- [options]

Scores the names stage against each labelled set (the seed's hand-checked parse, the tuned
and the untuned hand-labelled BBC stories): precision, recall and F1 for people and countries,
then every miss and false hit (never the untuned set's: it is not to be read for ideas).
Then the thread stage: pairwise precision and recall of "same thread" on the development and
the untuned thread labels, the development set's wrong pairs, and the seed's threads.

Options:
  --quiet       print only the scores
  --pages       also ingest the ${PAGES_ARCHIVE.toLocaleString('en')}-story bench archive, draw ${PAGES_COUNT} of its person pages
                (seed ${PAGES_SEED}) and score them against the hand verdicts in
                tests/labels/person-pages.json; pages with no verdict yet are printed with
                their evidence, to be judged and added. Then a second draw (seed ${UNTUNED_PAGES_SEED}, ${UNTUNED_PAGES_COUNT} pages)
                against tests/labels/person-pages-untuned.json: its score only, never its
                wrong pages, and how far it drifts from the first
  --baseline    also score compromise's .people() alone on the BBC stories, the yardstick the
                rules are measured against
  -h, --help    show this help`;

let values: { quiet: boolean; baseline: boolean; pages: boolean; help: boolean };
try {
  ({ values } = parseArgs({
    options: {
      quiet: { type: 'boolean', default: false },
      baseline: { type: 'boolean', default: false },
      pages: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`eval: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

if (!sharedCorpusPresent()) {
  console.error(
    `eval: the labelled corpora are not there (expected ${sharedCorpus}/seed and /bbc beside the repository); nothing to score`,
  );
  process.exit(1);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);

function print(report: SetReport, { scoresOnly = false } = {}): void {
  console.log(`\n${report.name} (${report.stories} stories)`);
  for (const [field, score] of Object.entries(report.scores)) {
    console.log(
      `  ${field.padEnd(17)} P ${percent(score.precision)}  R ${percent(score.recall)}  F1 ${percent(score.f1)}` +
        `   (${score.truePositives} right, ${score.falsePositives} false hits, ${score.falseNegatives} misses)`,
    );
  }
  if (values.quiet || scoresOnly) return;
  for (const [field, score] of Object.entries(report.scores)) {
    for (const miss of score.misses) console.log(`    miss  ${field}  ${miss}`);
    for (const hit of score.falseHits) console.log(`    false ${field}  ${hit}`);
  }
}

print(evaluateSeed());
const [tuned, untuned] = evaluateBbc();
print(tuned!);
// The untuned set is scored, never read for ideas (docs/labelling.md): its misses stay unprinted.
print(untuned!, { scoresOnly: true });
const drift = Math.abs(tuned!.scores.people!.f1 - untuned!.scores.people!.f1);
console.log(
  `\npeople F1 drift between the tuned and untuned sets: ${(drift * 100).toFixed(1)} points${drift > 0.03 ? ' (over 3: the rules are being fitted to examples)' : ''}`,
);
function printThreads(name: string, score: PairScore, { scoresOnly = false } = {}): void {
  console.log(
    `\nthreads, ${name} (${score.stories} stories, ${score.labelledPairs} labelled pairs)  P ${percent(score.precision)}  R ${percent(score.recall)}` +
      `   (${score.rightPairs} of ${score.foundPairs} pairs found right)`,
  );
  if (values.quiet || scoresOnly) return;
  for (const pair of score.falseJoins) console.log(`    false join  ${pair}`);
  for (const pair of score.missedJoins) console.log(`    missed      ${pair}`);
}
printThreads('development set', evaluateThreads(THREAD_LABELS.development));
printThreads('untuned set', evaluateThreads(THREAD_LABELS.untuned), { scoresOnly: true });
console.log('\nthreads, seed:');
for (const story of seedThreads()) console.log(`    ${(story.thread ?? '(alone)').padEnd(40).slice(0, 40)}  ${story.title}`);

if (values.baseline) {
  values.quiet = true;
  print(await evaluateCompromiseBaseline());
}

if (values.pages) {
  const { stories } = await loadCorpus(projectRoot);
  const pages = benchPersonPages(stories);
  const share = (report: PagesReport) => (report.judged === 0 ? 0 : report.people / report.judged);
  const summary = (report: PagesReport) =>
    `${report.people} of ${report.judged} judged are real people, one page each (${percent(share(report)).trim()}); ${report.unjudged.length} of ${report.drawn} drawn have no verdict yet`;
  const printUnjudged = (report: PagesReport) => {
    for (const page of report.unjudged) {
      console.log(`    unjudged      ${page.name} (${page.stories} ${page.stories === 1 ? 'story' : 'stories'})`);
      for (const evidence of page.evidence) console.log(`                    ${evidence}`);
    }
  };
  const report = scorePages(drawPages(pages), readVerdicts(), pages);
  console.log(`\nperson pages of the ${PAGES_ARCHIVE.toLocaleString('en')}-story bench archive (seed ${PAGES_SEED}): ${summary(report)}`);
  for (const name of report.notPeople) console.log(`    not a person  ${name}`);
  for (const name of report.duplicates) console.log(`    duplicate     ${name}`);
  printUnjudged(report);
  // The untuned draw's wrong pages are never printed: only pages still to judge, which a judge must read.
  const untuned = scorePages(drawPages(pages, UNTUNED_PAGES_SEED, UNTUNED_PAGES_COUNT), readVerdicts(UNTUNED_PAGE_LABELS), pages);
  console.log(`person pages, untuned draw (seed ${UNTUNED_PAGES_SEED}): ${summary(untuned)}`);
  printUnjudged(untuned);
  console.log(`person pages drift between the two draws: ${(Math.abs(share(report) - share(untuned)) * 100).toFixed(1)} points`);
}
