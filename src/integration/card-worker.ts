/**
 * A thread that draws share cards into the card cache for `drawMissingCards` (cards.ts): one
 * message a card, `{ fields, file }`, answered with the file once it is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CardFields } from '#lib/cards.ts';
import { drawIntoCache } from './cards.ts';

const root = (workerData as { root: string }).root;
parentPort!.on('message', async ({ fields, file }: { fields: CardFields; file: string }) => {
  try {
    await drawIntoCache(fields, file, root);
    parentPort!.postMessage({ file });
  } catch (error) {
    parentPort!.postMessage({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
