/**
 * Share cards (src/lib/cards.ts): drawn from hostile text, always 1200×630, the same bytes every
 * time, long titles cut; and the card cache's prune.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CARD_CACHE, CARD_ROUTE, cardCache, pruneCards } from '#integration/card-cache.ts';
import { cardKey, drawMissingCards } from '#integration/cards.ts';
import { routeRecordFile } from '#integration/page-plan.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, pageCard, renderCard, textDirection, threadCard, type CardFields } from '#lib/cards.ts';
import { countryByName } from '#lib/countries.ts';
import type { Thread } from '#lib/site-index.ts';

const HOSTILE_TITLE =
  '<script>alert("x")</script> &amp; <b>bold</b> {frontmatter} ' +
  'وزير الخارجية يلتقي نظيره ראש הממשלה נפגש 中国外交部发言人表示 東京 서울 🎉👩‍👩‍👧🇯🇵 ' +
  'a headline that goes on and on '.repeat(40);

const story = (title: string): CardFields => ({ site: 'Broadsheet', title, subtitle: 'Tuesday 5 March 2024' });

/** The decoded card: its size and one palette index a pixel. */
function pixels(png: Uint8Array) {
  const image = decode(png);
  expect(image.palette, 'a palette PNG').toBeDefined();
  // Palette images of fewer than 8 bits a pixel decode packed, the leftmost pixel in a byte's highest bits.
  const { depth } = image;
  const rowBytes = Math.ceil((image.width * depth) / 8);
  const perByte = 8 / depth;
  const at = (x: number, y: number) =>
    (image.data[y * rowBytes + Math.floor(x / perByte)]! >> (8 - depth * (1 + (x % perByte)))) & ((1 << depth) - 1);
  return { image, at };
}

describe('share cards', () => {
  it('draws a hostile title (markup, RTL, CJK, emoji, very long) as a 1200×630 PNG', async () => {
    const { image } = pixels(await renderCard(story(HOSTILE_TITLE)));
    expect([image.width, image.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  it('draws a card of text in its four colours, two bits a pixel, and a globe in four bits', async () => {
    const text = pixels(await renderCard(story('Talks resume'))).image;
    expect([text.depth, text.palette?.length]).toEqual([2, 4]);
    const country = countryByName('Oman')!;
    const globe = pixels(await renderCard({ site: 'Broadsheet', title: country.name, subtitle: 'Country', globe: country.name })).image;
    expect(globe.depth).toBe(4);
  });

  it('cuts a long title after four lines: nothing is drawn between the title and the subtitle', async () => {
    const { at } = pixels(await renderCard(story('word '.repeat(500))));
    const paper = at(0, CARD_HEIGHT - 1);
    // Below the fourth line of the title and above the subtitle.
    for (let y = 460; y < 505; y++) for (let x = 0; x < CARD_WIDTH; x++) if (at(x, y) !== paper) expect.fail(`ink at ${x},${y}`);
    // The title itself is drawn, above.
    expect(Array.from({ length: CARD_WIDTH }, (_, x) => at(x, 200)).some((index) => index !== paper)).toBe(true);
  });

  it('gives the same bytes every time', async () => {
    const country = countryByName('Saudi Arabia')!;
    const fields: CardFields = { site: 'Broadsheet', title: country.name, subtitle: 'Country', globe: country.name };
    const first = await renderCard(fields);
    expect(Buffer.from(await renderCard(fields)).equals(first)).toBe(true);
    expect(Buffer.from(await renderCard(story(HOSTILE_TITLE))).equals(await renderCard(story(HOSTILE_TITLE)))).toBe(true);
  });

  it('draws any text without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        async (title, subtitle) => {
          const png = await renderCard({ site: 'Broadsheet', title, subtitle });
          expect(decode(png).width).toBe(CARD_WIDTH);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('sets right-to-left text from the right, by its first letter', () => {
    expect(textDirection('وزير الخارجية')).toBe('rtl');
    expect(textDirection('«ראש הממשלה» said')).toBe('rtl');
    expect(textDirection('2024: Iran و')).toBe('ltr');
    expect(textDirection('🎉 中国')).toBe('ltr');
  });

  it('publishes a page’s card beside its address, and says what it shows', () => {
    const fields = story('<b>Headline</b>');
    expect(pageCard('2024/03/05/headline/', fields).path).toBe('cards/2024/03/05/headline.png');
    expect(pageCard('people/x/', fields).path).toBe('cards/people/x.png');
    expect(pageCard('2024/03/05/', fields).path).toBe('cards/2024/03/05.png');
    expect(cardAlt(fields)).toBe('Broadsheet: <b>Headline</b>, Tuesday 5 March 2024');
  });

  it('gives a thread its title, how many stories it has and the day it began', () => {
    const thread = {
      slug: '2024-03-05-talks',
      title: 'Talks about talks',
      stories: [{}, {}, {}],
      firstSeen: '2024-03-05',
    } as unknown as Thread;
    expect(threadCard(thread, 'Broadsheet')).toEqual({
      path: 'cards/threads/2024-03-05-talks.png',
      fields: { site: 'Broadsheet', title: 'Talks about talks', subtitle: '3 stories since Tuesday 5 March 2024' },
    });
  });
});

describe('the card cache', () => {
  it('is filled by threads with the same bytes a card drawn where it is asked for has', async () => {
    const cacheRoot = await mkdtemp(join(tmpdir(), 'broadsheet-cards-'));
    try {
      const cards = Array.from({ length: 60 }, (_, index) => story(`Story number ${index} of the threaded draw`));
      await drawMissingCards(cards, cacheRoot);
      const files = await readdir(join(cacheRoot, CARD_CACHE));
      expect(files.filter((file) => file.endsWith('.png'))).toHaveLength(60);
      for (const fields of [cards[0]!, cards[59]!]) {
        const drawn = await readFile(join(cacheRoot, CARD_CACHE, `${cardKey(fields)!}.png`));
        expect(Buffer.compare(drawn, await renderCard(fields))).toBe(0);
      }
    } finally {
      await rm(cacheRoot, { recursive: true, force: true });
    }
  });

  it('keeps the cards a build used and a running build’s temporary file, and deletes the rest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cards-'));
    try {
      const folder = join(root, CARD_CACHE);
      await mkdir(folder, { recursive: true });
      const live = `.kept.png.${process.pid}.0123456789ab.tmp`;
      for (const name of ['kept.png', 'gone.png', live]) await writeFile(join(folder, name), '');
      await pruneCards(root, new Set(['kept']));
      expect((await readdir(folder)).sort()).toEqual([live, 'kept.png'].sort());
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('is pruned only by a build whose card route recorded its cards, to the cards it recorded', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cards-'));
    try {
      const folder = join(root, CARD_CACHE);
      await mkdir(folder, { recursive: true });
      for (const name of ['kept.png', 'gone.png']) await writeFile(join(folder, name), '');
      const record = routeRecordFile(root, CARD_ROUTE);
      await mkdir(dirname(record), { recursive: true });
      // An earlier build's record, naming no card.
      await writeFile(record, '{}');
      const hooks = cardCache().hooks as unknown as Record<string, (options?: unknown) => unknown>;
      const build = async (cardRoute?: Record<string, string>) => {
        await hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`) } });
        await hooks['astro:build:start']!();
        if (cardRoute) await writeFile(record, JSON.stringify(cardRoute));
        await hooks['astro:build:done']!();
      };
      await build();
      expect((await readdir(folder)).sort()).toEqual(['gone.png', 'kept.png']);
      await build({ 'cards/2024/03/05/a.png': 'kept' });
      expect(await readdir(folder)).toEqual(['kept.png']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
