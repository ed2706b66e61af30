/** A worker thread of `processDumps`: reads and caches the dumps it is sent, and serialises their bodies too, off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { processAndCache, type DumpTask, type WorkerSetup } from './dumps.ts';
import type { DumpResult } from './pipeline.ts';
import { bodyToMdx } from './mdx.ts';
import { useGivenNames } from './names/lexicon.ts';

const setup = workerData as WorkerSetup;
const { rules } = setup;
useGivenNames(setup.givenNames);

/** Bodies are serialised after caching: the cache keeps text, not MDX the write stage may never need. */
function withMdxBodies(dump: DumpResult): DumpResult {
  for (const { article, story } of dump.entries) if (story) story.mdxBody = bodyToMdx(article.body);
  return dump;
}

parentPort!.on('message', (tasks: DumpTask[]) => {
  parentPort!.postMessage(tasks.map((task) => withMdxBodies(processAndCache(task, rules, setup.cacheDir))));
});
