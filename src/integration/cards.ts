/**
 * Share cards in the build: every card of the site, and the card cache. A card is drawn once for
 * what it shows and kept in `.cache/broadsheet/cards/<key>.png`, the key a hash of its fields and
 * the card code (src/lib/cards.ts, its fonts, the installed packages), so a clean build of an
 * unchanged archive draws none. The card route hands each card's key to the page plan as its page
 * key too, so a build that updates `dist/` draws only the cards whose fields changed; the cards
 * no page used are pruned when the build is done (card-cache.ts).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '#lib/atomic-write.ts';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';
import { CARD_FONTS, dayCard, renderCard, storyCard, tagCard, threadCard, type Card, type CardFields } from '#lib/cards.ts';
import { siteSettings } from '#lib/settings.ts';
import { CARD_CACHE } from './card-cache.ts';
import { getSiteIndex } from './site-index.ts';

let cardCode: { version: string | undefined } | undefined;

/** The key of a card showing `fields`; undefined when nothing can vouch for a cached card. */
export function cardKey(fields: CardFields): string | undefined {
  cardCode ??= { version: codeVersion(['src/lib/cards.ts', CARD_FONTS], process.cwd()) };
  return cardCode.version === undefined ? undefined : cacheKey(cardCode.version, fields);
}

/** The card's PNG: from the cache, or drawn and kept there. */
export async function cardImage(fields: CardFields): Promise<Uint8Array<ArrayBuffer>> {
  const key = cardKey(fields);
  if (key === undefined) return renderCard(fields);
  const file = join(process.cwd(), CARD_CACHE, `${key}.png`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return cached;
  const png = await renderCard(fields);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, png);
  return png;
}

/** Every card of the site: one per story, day, person, country and thread. */
export async function siteCards(): Promise<Card[]> {
  const siteIndex = await getSiteIndex();
  const site = siteSettings().title;
  return [
    ...siteIndex.stories.map((story) => storyCard(story, site)),
    ...siteIndex.days.map((day) => dayCard(day, site)),
    ...[...siteIndex.people, ...siteIndex.countries].map((tag) => tagCard(tag, site)),
    ...siteIndex.threads.map((thread) => threadCard(thread, site)),
  ];
}
