/**
 * Share cards: the 1200×630 PNG a shared link shows (`og:image`). A card is a flat picture of a
 * few fields: the site's name, a title, a subtitle (a story's day, a person's role...) and, for a
 * country, its locator globe (maps.ts). satori lays the fields out as SVG, resvg draws that, and
 * the pixels are snapped to the card's own few colours and written as a palette PNG: a card is
 * mostly flat paper and text, which a palette of a few colours holds at a fraction of the bytes.
 * Text is passed to satori as strings, which it draws as text and never reads as markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { longDay } from './dates.ts';
import { countryByName } from './countries.ts';
import { locatorMap, type MapDrawing } from './maps.ts';
import type { Day, Story, Tag, Thread } from './site-index.ts';
import { paths } from './urls.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a card shows; its cache key is a hash of these and the card code. */
export interface CardFields {
  /** The site's name (content/site.yaml `title`). */
  site: string;
  /** The page's title: a headline, a name, a day. */
  title: string;
  /** Under the title: a story's day, a person's role, "Country"... */
  subtitle: string;
  /**
   * The canonical name of the country whose globe is drawn on the card's right. The name, not
   * the drawing: a build lists every card's fields, and drawing every globe for that is slow.
   */
  globe?: string | undefined;
}

/** A page's card: where it is published and what it shows. */
export interface Card {
  /** Site-relative path of the PNG, `cards/` and the page's path (`cards/people/x.png`). */
  path: string;
  fields: CardFields;
}

/** The card of the page at `pagePath` (`people/x/`): any page with a title and a subtitle can have one. */
export function pageCard(pagePath: string, fields: CardFields): Card {
  return { path: `cards/${pagePath.replace(/\/$/, '')}.png`, fields };
}

/** A story's card: its headline and its day, as the story page's kicker gives it. */
export function storyCard(story: Story, site: string): Card {
  return pageCard(paths.story(story), { site, title: story.title, subtitle: longDay(story.day) });
}

/** A day's card: the day, as its page's title gives it, and how many stories it has. */
export function dayCard(day: Day, site: string): Card {
  const count = day.stories.length;
  return pageCard(paths.day(day.day), { site, title: longDay(day.day), subtitle: `${count} ${count === 1 ? 'story' : 'stories'}` });
}

/** A thread's card: its title, how many stories it has and the day it began, as its page's facts give them. */
export function threadCard(thread: Thread, site: string): Card {
  const count = thread.stories.length;
  return pageCard(paths.thread(thread.slug), {
    site,
    title: thread.title,
    subtitle: `${count} ${count === 1 ? 'story' : 'stories'} since ${longDay(thread.firstSeen)}`,
  });
}

/** The globe's size on a card, in pixels. */
const MAP_SIZE = 400;

/**
 * A person's or a country's card, shared by all its pages: the name and what its main page says
 * under the kicker (a person's role, else "Person"; "Country"), and a country's globe.
 */
export function tagCard(tag: Tag, site: string): Card {
  const subtitle = tag.kind === 'person' ? (tag.role ?? 'Person') : 'Country';
  return pageCard(tag.kind === 'person' ? paths.person(tag.slug) : paths.country(tag.slug), {
    site,
    title: tag.name,
    subtitle,
    globe: tag.country?.name,
  });
}

/** The folder of the fonts cards are drawn with, relative to the project (licences beside them). */
export const CARD_FONTS = 'src/assets/fonts';

/**
 * The card's colours: the site's light theme. Every pixel is snapped to a small palette of them
 * (and, on a globe's card, of the blends anti-aliasing makes between the pairs that touch).
 */
const COLOURS = {
  paper: [0xfd, 0xfc, 0xf9],
  ink: [0x1a, 0x1a, 0x1a],
  muted: [0x57, 0x57, 0x57],
  accent: [0x9b, 0x1c, 0x1c],
  sea: [0xdc, 0xe6, 0xee],
  land: [0xb9, 0xc2, 0xca],
  mark: [0xc2, 0x41, 0x0c],
} as const;
type Colour = keyof typeof COLOURS;
const css = (colour: Colour) => `rgb(${COLOURS[colour].join(',')})`;

/**
 * Pairs of colours that meet at an edge: the palette holds one blend of each. More steps of
 * anti-aliasing look no better at the size a card is shown and cost bytes on every glyph's edge.
 */
const BLENDS: [Colour, Colour][] = [
  ['ink', 'paper'],
  ['muted', 'paper'],
  ['accent', 'paper'],
  ['sea', 'paper'],
  ['land', 'sea'],
  ['mark', 'land'],
  ['mark', 'sea'],
];

/** A country's card: every colour and blend, four bits a pixel. */
const GLOBE_PALETTE: number[][] = [
  ...Object.values(COLOURS).map((rgb) => [...rgb]),
  ...BLENDS.map(([from, to]) => COLOURS[from].map((value, channel) => Math.round((value + COLOURS[to][channel]!) / 2))),
];

/**
 * A card of text alone, most cards, takes just its four colours: two bits a pixel, far fewer bytes
 * than four. The muted grey doubles as the headline's one step of anti-aliasing; the site's name
 * and the subtitle take none, which a card shown scaled down hides.
 */
const TEXT_PALETTE: number[][] = (['paper', 'ink', 'muted', 'accent'] as const).map((colour) => [...COLOURS[colour]]);

/**
 * The fonts, in the order satori falls back through them for a character the ones before lack:
 * Latin, Latin Extended, Vietnamese, Cyrillic, Greek, Arabic, Hebrew, then the most used Chinese characters
 * (fontsource's slices of Noto Sans SC, the most used in its highest-numbered one). Each has a
 * name of its own: satori falls back only from one family to the next.
 */
const FONT_FILES = [
  'noto-sans/noto-sans-latin-700-normal.woff',
  'noto-sans/noto-sans-latin-ext-700-normal.woff',
  'noto-sans/noto-sans-vietnamese-700-normal.woff',
  'noto-sans/noto-sans-cyrillic-700-normal.woff',
  'noto-sans/noto-sans-greek-700-normal.woff',
  'noto-sans-arabic/noto-sans-arabic-arabic-700-normal.woff',
  'noto-sans-hebrew/noto-sans-hebrew-hebrew-700-normal.woff',
  ...Array.from({ length: 10 }, (_, index) => `noto-sans-sc/noto-sans-sc-${119 - index}-700-normal.woff`),
];

let fonts: Font[] | undefined;
function cardFonts(root: string): Font[] {
  fonts ??= FONT_FILES.map((file) => ({
    name: file.slice(file.indexOf('/') + 1, -'-700-normal.woff'.length),
    data: readFileSync(join(root, CARD_FONTS, file)),
    weight: 700,
    style: 'normal',
  }));
  return fonts;
}

/** A node of satori's object tree: what JSX would make, written out. */
interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string; [key: string]: unknown };
}
const node = (type: string, props: CardNode['props']): CardNode => ({ type, props });

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** `rtl` when the text's first letter is of a right-to-left script, as `dir="auto"` decides. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter !== undefined && RTL_SCRIPT.test(letter) ? 'rtl' : 'ltr';
}

/** A line of text of the card, cut with an ellipsis after `lines` lines. */
function text(content: string, style: Record<string, string | number>, lines: number): CardNode {
  const direction = textDirection(content);
  return node('div', {
    style: {
      display: 'block',
      direction,
      textAlign: direction === 'rtl' ? 'right' : 'left',
      lineClamp: lines,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      ...style,
    },
    children: content,
  });
}

/** The globe of the country named `name`. */
function globeOf(name: string): MapDrawing {
  const country = countryByName(name);
  if (!country) throw new Error(`a share card's globe names \`${name}\`, which is no country`);
  return locatorMap(country, MAP_SIZE);
}

function globe(map: MapDrawing): CardNode {
  const path = (d: string, fill: Colour) => node('path', { d, fill: css(fill) });
  return node('svg', {
    width: MAP_SIZE,
    height: MAP_SIZE,
    viewBox: `0 0 ${map.width} ${map.height}`,
    style: { flexShrink: 0, marginLeft: 48 },
    children: [
      path(map.sphere, 'sea'),
      path(map.land, 'land'),
      ...map.marks.flatMap((mark) => [
        ...(mark.outline ? [path(mark.outline, 'mark')] : []),
        ...(mark.dot ? [node('circle', { cx: mark.dot[0], cy: mark.dot[1], r: map.width / 40, fill: css('mark') })] : []),
      ]),
    ],
  });
}

/** The card's tree: a rule in the accent colour, the site's name, the title, the subtitle; a globe beside them. */
export function cardTree(fields: CardFields): CardNode {
  const words = node('div', {
    style: { display: 'flex', flexDirection: 'column', flexGrow: 1, flexShrink: 1, minWidth: 0, height: '100%' },
    children: [
      text(fields.site, { fontSize: 34, color: css('accent') }, 1),
      text(fields.title, { fontSize: fields.globe ? 56 : 60, lineHeight: 1.18, color: css('ink'), marginTop: 36 }, 4),
      node('div', { style: { flexGrow: 1 } }),
      text(fields.subtitle, { fontSize: 34, lineHeight: 1.3, color: css('muted') }, 2),
    ],
  });
  return node('div', {
    style: {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: css('paper'),
      fontFamily: 'noto-sans-latin',
    },
    children: [
      node('div', { style: { height: 16, backgroundColor: css('accent') } }),
      node('div', {
        style: { display: 'flex', flexGrow: 1, alignItems: 'center', padding: '56px 72px 64px' },
        children: [words, ...(fields.globe ? [globe(globeOf(fields.globe))] : [])],
      }),
    ],
  });
}

/** What the card says, for `og:image:alt`. */
export function cardAlt(fields: CardFields): string {
  return `${fields.site}: ${fields.title}, ${fields.subtitle}`;
}

/** The index of `palette`'s entry nearest to the colour (by squared distance in RGB). */
function nearestEntry(r: number, g: number, b: number, palette: readonly (readonly number[])[]): number {
  let best = Infinity;
  let nearest = 0;
  for (const [index, entry] of palette.entries()) {
    const distance = (entry[0]! - r) ** 2 + (entry[1]! - g) ** 2 + (entry[2]! - b) ** 2;
    if (distance < best) [best, nearest] = [distance, index];
  }
  return nearest;
}

/**
 * Each pixel snapped to its nearest colour of `palette` and packed `depth` bits a pixel (the
 * leftmost in a byte's highest bits) into PNG scanlines, each after its filter byte (none).
 */
function paletteScanlines(
  rgba: Uint8Array,
  width: number,
  height: number,
  palette: readonly (readonly number[])[],
  depth: 2 | 4 | 8,
): Uint8Array {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  const rowBytes = 1 + Math.ceil((width * depth) / 8);
  const rows = new Uint8Array(rowBytes * height);
  // Cards repeat few colours, mostly in runs: remember each one's nearest entry, and the last.
  const nearest = new Map<number, number>();
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    let at = y * rowBytes + 1;
    let byte = 0;
    let bits = 0;
    for (let pixel = y * width; pixel < (y + 1) * width; pixel++) {
      const value = pixels[pixel]!;
      if (value !== last) {
        last = value;
        let found = nearest.get(value);
        if (found === undefined) {
          found = nearestEntry(rgba[pixel * 4]!, rgba[pixel * 4 + 1]!, rgba[pixel * 4 + 2]!, palette);
          nearest.set(value, found);
        }
        lastIndex = found;
      }
      byte = (byte << depth) | lastIndex;
      bits += depth;
      if (bits === 8) {
        rows[at++] = byte;
        byte = 0;
        bits = 0;
      }
    }
    if (bits > 0) rows[at] = byte << (8 - bits);
  }
  return rows;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * zlib's most thorough level: a card is drawn once and then kept (src/integration/cards.ts), so
 * its bytes count more than its time. A card's rows repeat the few rows just above them, so a
 * 4 KB window finds the same matches as the default 32 KB one, in less time.
 */
const DEFLATE = { level: 9, windowBits: 12 };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A palette PNG of the pixels `rgba`, snapped to `palette`: Node's zlib, with no library between,
 * is several times faster than a JavaScript PNG encoder, and a palette PNG is four chunks.
 */
function palettePng(rgba: Uint8Array, width: number, height: number, palette: readonly (readonly number[])[]): Uint8Array<ArrayBuffer> {
  const depth = palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, 3, 0, 0, 0], 8); // colour type 3: indexed; default compression, filter, no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(paletteScanlines(rgba, width, height, palette, depth), DEFLATE)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The card as SVG (satori's layout, text drawn as paths). */
export function cardSvg(fields: CardFields, root = process.cwd()): Promise<string> {
  // satori's types ask for a React element; its plain object form is the same shape.
  return satori(cardTree(fields) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: cardFonts(root),
  });
}

/** The card as a palette PNG. `root` is the project folder the fonts are read from. */
export async function renderCard(fields: CardFields, root = process.cwd()): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await cardSvg(fields, root);
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  const palette = fields.globe ? GLOBE_PALETTE : TEXT_PALETTE;
  return palettePng(image.pixels, CARD_WIDTH, CARD_HEIGHT, palette);
}
