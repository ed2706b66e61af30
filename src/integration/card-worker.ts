/**
 * A thread that draws share cards into the card cache for `drawMissingCards` (cards.ts): one
 * message a card, `{ fields, file }`, answered with the file once it is written.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileAtomic } from '#lib/atomic-write.ts';
import { renderCard, type CardFields } from '#lib/cards.ts';

const root = (workerData as { root: string }).root;
parentPort!.on('message', async ({ fields, file }: { fields: CardFields; file: string }) => {
  try {
    const png = await renderCard(fields, root);
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, png);
    parentPort!.postMessage({ file });
  } catch (error) {
    parentPort!.postMessage({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
