/**
 * Share cards in the build: the card cache and drawing into it. A card is drawn once for what it
 * shows and kept in `.cache/broadsheet/cards/<key>.png`, the key a hash of its fields and the card
 * code (src/lib/cards.ts, its fonts, the installed packages), so a clean build of an unchanged
 * archive draws none; the cards a build lacks are drawn on a thread per core (card-worker.ts).
 * The card route hands each card's key to the page plan as its page key too, so a build that
 * updates `dist/` draws only the cards whose fields changed; the cards no page used are pruned
 * when the build is done (card-cache.ts). The site's cards are listed by site-cards.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import { CARD_FONTS, renderCard, type CardFields } from '#lib/cards.ts';
import { CARD_CACHE } from './card-cache.ts';

let cardCode: { cards: string | undefined; globes: string | undefined } | undefined;

/**
 * The key of a card showing `fields`; undefined when nothing can vouch for a cached card. A
 * country's card names its globe, so its key holds the code the globe is drawn from too.
 */
export function cardKey(fields: CardFields): string | undefined {
  cardCode ??= {
    cards: codeVersion(['src/lib/cards.ts', CARD_FONTS], process.cwd()),
    globes: codeVersion(['src/lib/maps.ts', 'src/lib/countries.ts'], process.cwd()),
  };
  const { cards, globes } = cardCode;
  if (cards === undefined || globes === undefined) return undefined;
  return fields.globe === undefined ? cacheKey(cards, fields) : cacheKey(cards, globes, fields);
}

/** The card's PNG: from the cache, or drawn and kept there. */
export async function cardImage(fields: CardFields): Promise<Uint8Array<ArrayBuffer>> {
  const file = cachedCardFile(fields);
  if (file === undefined) return renderCard(fields);
  const cached = await readFile(file).catch(() => undefined);
  return cached ?? drawIntoCache(fields, file);
}

/** Draws the card showing `fields` and keeps it as `file` of the cache; fonts are read from `root`. */
export async function drawIntoCache(fields: CardFields, file: string, root = process.cwd()): Promise<Uint8Array<ArrayBuffer>> {
  const png = await renderCard(fields, root);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, png);
  return png;
}

/** The cached file of the card showing `fields`; undefined when nothing can vouch for a cached card. */
function cachedCardFile(fields: CardFields, root = process.cwd()): string | undefined {
  const key = cardKey(fields);
  return key === undefined ? undefined : join(root, CARD_CACHE, `${key}.png`);
}

/** Fewer cards than this are drawn where Astro asks for them: a thread costs its start and its fonts. */
const MIN_CARDS_FOR_THREADS = 50;

/**
 * Draws the cards of `cards` the cache under `cacheRoot` lacks, on a thread per core, before Astro
 * asks for them one by one on its own thread: drawing is nearly all of a card's cost, and a card
 * is the same bytes whichever thread draws it.
 */
export async function drawMissingCards(cards: readonly CardFields[], cacheRoot = process.cwd()): Promise<void> {
  const missing = new Map<string, CardFields>();
  for (const fields of cards) {
    const file = cachedCardFile(fields, cacheRoot);
    if (file !== undefined && !existsSync(file)) missing.set(file, fields);
  }
  if (missing.size < MIN_CARDS_FOR_THREADS) return;
  const queue = [...missing];
  const threads = Math.min(availableParallelism(), Math.ceil(queue.length / MIN_CARDS_FOR_THREADS));
  // The project's own file, run as it is: the build bundles this module, not the worker.
  const script = join(process.cwd(), 'src/integration/card-worker.ts');
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const thread = new Worker(script, { workerData: { root: process.cwd() } });
      try {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const [file, fields] = next;
          const reply = new Promise<{ error?: string }>((resolve, reject) => {
            thread.once('message', resolve);
            thread.once('error', reject);
          });
          thread.postMessage({ fields, file });
          const { error } = await reply;
          thread.removeAllListeners('error');
          if (error !== undefined) throw new Error(`drawing the card ${file}: ${error}`);
        }
      } finally {
        await thread.terminate();
      }
    }),
  );
}
