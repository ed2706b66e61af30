/**
 * Lighthouse (mobile emulation, its default) scores the home page, a story and a person page at
 * least 0.95 in performance (the best of five runs), accessibility, best practices and SEO (every
 * run), and prints the scores.
 */
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDebuggableChromium } from '#tools/chromium.ts';
import { serveSite, type ServedSite } from '#tools/static-server.ts';
import { demoBuild, type DemoBuild } from '../helpers/demo-build.ts';
import { pathOf, type PageKind } from './reader-pages.ts';

const TIMING_FREE_CATEGORIES = ['accessibility', 'best-practices', 'seo'];
const CATEGORIES = ['performance', ...TIMING_FREE_CATEGORIES];
const MINIMUM_SCORE = 0.95;
/**
 * Five runs per page, each in a fresh browser as Lighthouse's own CLI does. Accessibility, best
 * practices and SEO do not depend on timing: every run must reach the minimum. Performance is
 * judged on the best run, Lighthouse CI's default ("optimistic") aggregation: on a shared runner
 * other work only ever adds time, and the CPU slowdown multiplies it, so a busy moment can turn
 * a little layout into a failing blocking time on a page with no script of its own. A page that
 * is really slow is slow in every run.
 */
const RUNS_PER_PAGE = 5;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
type Flags = NonNullable<Parameters<typeof lighthouse>[1]>;

/**
 * Lighthouse's 4x CPU slowdown assumes a fast desktop host (benchmark index ~1500) and emulates a
 * mid-tier phone. A slower or busy host (a 2-core CI box) needs less slowdown to emulate the same
 * phone: this is Lighthouse's own CPU throttling calculator, fed the host's measured index.
 */
function cpuSlowdownFor(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650);
}

/** What fell short, for the failure message: every weighted audit below a full score. */
function shortfalls(result: Result): string[] {
  return CATEGORIES.flatMap((category) =>
    (result.categories[category]?.auditRefs ?? []).flatMap((ref) => {
      const entry = result.audits[ref.id];
      return ref.weight > 0 && entry !== undefined && (entry.score ?? 1) < 1
        ? [`${category}/${ref.id}: ${entry.score} ${entry.displayValue ?? ''}`.trim()]
        : [];
    }),
  );
}

/** One Lighthouse run in a browser of its own, closed afterwards. */
async function audit(url: string, flags: Flags): Promise<Result> {
  const browser = await launchDebuggableChromium();
  try {
    const outcome = await lighthouse(url, { port: browser.port, logLevel: 'error', ...flags });
    if (outcome === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
    return outcome.lhr;
  } finally {
    await browser.close();
  }
}

const scoreOf = (result: Result, category: string): number => result.categories[category]?.score ?? 0;

describe('Lighthouse (mobile)', () => {
  let build: DemoBuild;
  let served: ServedSite;
  let cpuSlowdownMultiplier: number;

  beforeAll(async () => {
    build = await demoBuild();
    served = await serveSite(build.dist, build.basePath);
    const calibration = await audit(served.url, { onlyAudits: ['first-contentful-paint'] });
    cpuSlowdownMultiplier = cpuSlowdownFor(calibration.environment.benchmarkIndex);
    console.log(
      `lighthouse: host benchmark index ${calibration.environment.benchmarkIndex}, CPU slowdown ${cpuSlowdownMultiplier.toFixed(2)}x`,
    );
  });
  afterAll(async () => {
    await served?.close();
  });

  it.each<PageKind>(['home', 'story', 'person'])(`%s page scores at least ${MINIMUM_SCORE} in every category`, async (kind) => {
    const url = served.url + (await pathOf(build.dist, kind));
    const runs: Result[] = [];
    for (let run = 0; run < RUNS_PER_PAGE; run++) {
      const result = await audit(url, { onlyCategories: CATEGORIES, throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier } });
      expect(result.runtimeError, result.runtimeError?.message).toBeUndefined();
      expect(result.configSettings.formFactor).toBe('mobile');
      runs.push(result);
      // The load on a shared runner changes while the suite runs: each run re-measures the host.
      cpuSlowdownMultiplier = cpuSlowdownFor(result.environment.benchmarkIndex);
    }
    const best = runs.reduce((kept, run) => (scoreOf(run, 'performance') > scoreOf(kept, 'performance') ? run : kept));
    const median = computeMedianRun(runs);
    console.log(
      `lighthouse ${kind} (${url}): performance ${scoreOf(best, 'performance')} at best, ${scoreOf(median, 'performance')} in the median run` +
        ` (${runs.map((run) => scoreOf(run, 'performance')).join(', ')}; CPU slowdown ${runs.map((run) => Number(run.configSettings.throttling.cpuSlowdownMultiplier).toFixed(2)).join(', ')}x); ` +
        TIMING_FREE_CATEGORIES.map((category) => `${category} ${Math.min(...runs.map((run) => scoreOf(run, category)))}`).join(', '),
    );
    expect(
      scoreOf(best, 'performance'),
      `${kind} performance, best of ${RUNS_PER_PAGE}; short of full marks: ${shortfalls(best).join('; ')}`,
    ).toBeGreaterThanOrEqual(MINIMUM_SCORE);
    for (const run of runs) {
      for (const category of TIMING_FREE_CATEGORIES) {
        expect(scoreOf(run, category), `${kind} ${category}; short of full marks: ${shortfalls(run).join('; ')}`).toBeGreaterThanOrEqual(
          MINIMUM_SCORE,
        );
      }
    }
  });
});
