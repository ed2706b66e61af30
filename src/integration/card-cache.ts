/**
 * The card cache's prune, as an Astro integration: once a build is done, the cached cards
 * (cards.ts) that none of its pages used are deleted. Kept apart from cards.ts so the Astro
 * config loads no card drawing code.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isLiveTemporary } from '#lib/atomic-write.ts';
import { routeRecord, routeRecordFile } from './page-plan.ts';

export const CARD_CACHE = join('.cache', 'broadsheet', 'cards');
/** The card route (src/pages/cards/[...card].png.ts), as the page plan records it. */
export const CARD_ROUTE = 'cards/[...card].png';

/** Deletes the cached cards whose keys are not in `keep`, besides what another build is writing now. */
export async function pruneCards(root: string, keep: ReadonlySet<string>): Promise<void> {
  const folder = join(root, CARD_CACHE);
  if (!existsSync(folder)) return;
  for (const entry of await readdir(folder))
    if (!keep.has(entry.replace(/\.png$/, '')) && !isLiveTemporary(entry)) await rm(join(folder, entry), { force: true });
}

/**
 * Prunes the card cache once a build is done, keeping the card of every page it recorded: the
 * card route's page keys are the cards' cache keys, and it records all its cards, drawn or kept.
 * Only a build whose card route recorded them prunes: one without the route knows no card, and
 * would take every cached card for unused.
 */
export function cardCache(): AstroIntegration {
  let root = '';
  return {
    name: 'broadsheet-card-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      // A card record left by an earlier build must not pass for this build's.
      'astro:build:start': async () => {
        await rm(routeRecordFile(root, CARD_ROUTE), { force: true });
      },
      'astro:build:done': async () => {
        const record = routeRecord(root, CARD_ROUTE);
        if (record === undefined) return;
        await pruneCards(root, new Set(Object.values(record).filter((key): key is string => key !== null)));
      },
    },
  };
}
