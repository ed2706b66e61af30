/**
 * Hostile news dumps for property tests: random Unicode, markup look-alikes and broken bytes,
 * laid out the way the scraper lays out real dumps so the generated stories get past `split`
 * and `parse` and reach the writer and the site.
 */
import fc from 'fast-check';

/** How many cases a property runs: `FUZZ_RUNS` (set by `npm run fuzz`) or the bounded default. */
export function fuzzRuns(bounded: number): number {
  const requested = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(requested) && requested > 0 ? requested : bounded;
}

/** Text that means something to one of the languages a story passes through on its way to a page. */
export const MARKUP_LOOKALIKES = [
  '<script>alert(1)</script>',
  '</script><script>alert(2)</script>',
  '<img src=x onerror=alert(3)>',
  '<svg onload=alert(4)>',
  '<a href="javascript:alert(5)">click</a>',
  'javascript:alert(6)',
  '[link](javascript:alert(7))',
  '<https://example.com>',
  '<!-- comment -->',
  '-->',
  '<!--',
  ']]>',
  '<![CDATA[x]]>',
  '{alert(8)}',
  '{...props}',
  '{/* comment */}',
  '<Component prop={1} />',
  '</div>',
  'import x from "y"',
  'export const a = 1',
  '---',
  'title: "injected"',
  '# Heading',
  '## Sub',
  '* item',
  '- item',
  '+ item',
  '1. item',
  '> quote',
  '    indented code',
  '```js',
  '~~~',
  '| a | b |',
  '***bold***',
  '_em_',
  '`code`',
  '\\',
  '\\*',
  '&amp;',
  '&lt;script&gt;',
  '&#x3C;',
  '&',
  '$$ x $$',
  '[^1]: note',
  '[ref]: https://example.com',
  '<br>',
  '<?xml version="1.0"?>',
  '"quotes" and \'apostrophes\'',
  '\u2028',
];

const RIGHT_TO_LEFT = ['مرحبا بالعالم', 'שלום עולם', '\u202Eevil\u202C', '\u200F', '\u200E', 'اَلْعَرَبِيَّة'];
const EMOJI = ['👍', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇺🇸', '✋🏽', '\uFE0F'];
const COMBINING = ['e\u0301', '\u0301', 'Z\u0351\u0352\u0353\u0354', '\u20DD', 'a\u0308\u0308\u0308'];
const INVISIBLE = ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u00A0', '\u3000', '\t', '\u000B', '\u000C'];
/** Noncharacters: valid UTF-8, but XML (feeds) forbids the last two. */
const NONCHARACTERS = ['\uFDD0', '\uFFFE', '\uFFFF', '\u{1FFFF}'];

const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const c1Character = fc.integer({ min: 0x7f, max: 0x9f }).map((code) => String.fromCharCode(code));
const punctuationOnly = fc.string({ unit: fc.constantFrom(...'.,;:!?-–—…\'"“”‘’()[]{}<>/\\|*_~`#@$%^&+='), minLength: 1, maxLength: 30 });

/** One piece of a line: anything from plain prose to markup to control characters. */
const fragment = fc.oneof(
  { arbitrary: fc.lorem({ maxCount: 6 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 10 }), weight: 1 },
  { arbitrary: fc.constantFrom(...MARKUP_LOOKALIKES), weight: 4 },
  { arbitrary: fc.constantFrom(...RIGHT_TO_LEFT, ...EMOJI, ...COMBINING, ...INVISIBLE, ...NONCHARACTERS), weight: 2 },
  { arbitrary: controlCharacter, weight: 1 },
  { arbitrary: c1Character, weight: 1 },
  { arbitrary: punctuationOnly, weight: 1 },
);

/** A line of text as a scraper might produce it (it may contain line breaks of its own). */
export const lineText = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

/** Prose full of markup look-alikes and awkward Unicode, but no control characters or line breaks. */
export const printableText = fc
  .array(
    fc.oneof(fc.lorem({ maxCount: 6 }), fc.constantFrom(...MARKUP_LOOKALIKES, ...RIGHT_TO_LEFT, ...EMOJI, ...COMBINING), punctuationOnly),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028]/g, ' '));

export interface GeneratedStory {
  title: string;
  caption: string | undefined;
  body: string[];
}

export const story: fc.Arbitrary<GeneratedStory> = fc.record({
  title: lineText,
  caption: fc.option(lineText, { nil: undefined }),
  body: fc.array(lineText, { minLength: 0, maxLength: 5 }),
});

/** A story in the news site's layout: headline, doubled caption, logo, repeated headline, body. */
export function storyLines({ title, caption, body }: GeneratedStory): string[] {
  const header = caption === undefined ? [title, '', 'TT'] : [title, '', caption, caption, 'TT', '', title, '', caption, caption];
  return [...header, '', ...body.flatMap((paragraph) => [paragraph, ''])];
}

export type DumpEncoding = 'utf-8' | 'windows-1252' | 'broken utf-8';

export interface GeneratedDump {
  stories: GeneratedStory[];
  /** Blank lines between stories; fewer than two glue stories together, which must not crash either. */
  gaps: number[];
  lineEnding: '\n' | '\r\n' | '\r';
  bom: boolean;
  encoding: DumpEncoding;
}

export const dump: fc.Arbitrary<GeneratedDump> = fc.record({
  stories: fc.array(story, { minLength: 1, maxLength: 5 }),
  gaps: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
  lineEnding: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  bom: fc.boolean(),
  encoding: fc.constantFrom<DumpEncoding>('utf-8', 'utf-8', 'windows-1252', 'broken utf-8'),
});

export function dumpText({ stories, gaps, lineEnding }: GeneratedDump): string {
  const lines = stories.flatMap((generated, index) => [
    ...storyLines(generated),
    ...Array<string>(index === 0 ? 0 : (gaps[index] ?? 2)).fill(''),
  ]);
  return lines.join(lineEnding);
}

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes; characters it cannot hold become `?`, as a legacy exporter would write them. */
function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const high = WINDOWS_1252_HIGH.indexOf(character);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (high >= 0) bytes.push(0x80 + high);
    else bytes.push(0x3f);
  }
  return Uint8Array.from(bytes);
}

/**
 * UTF-8 with a lone surrogate written the way legacy encoders (CESU-8, Java's modified UTF-8)
 * write it: bytes a strict decoder rejects, so the whole file is read as a legacy encoding.
 */
function encodeBrokenUtf8(text: string): Uint8Array {
  const encoded = new TextEncoder().encode(text);
  const loneSurrogate = [0xed, 0xa0, 0x80];
  const middle = Math.floor(encoded.length / 2);
  // Insert at a character boundary so only the surrogate is broken.
  let at = middle;
  while (at < encoded.length && (encoded[at]! & 0xc0) === 0x80) at++;
  return Uint8Array.from([...encoded.subarray(0, at), ...loneSurrogate, ...encoded.subarray(at)]);
}

export function dumpBytes(generated: GeneratedDump): Uint8Array {
  const text = (generated.bom ? '\uFEFF' : '') + dumpText(generated);
  if (generated.encoding === 'windows-1252') return encodeWindows1252(text);
  if (generated.encoding === 'broken utf-8') return encodeBrokenUtf8(text);
  return new TextEncoder().encode(text);
}

/**
 * The documented normalisation between a source line and the text a reader sees: control
 * characters (but tab) and the noncharacters U+FFFE/U+FFFF are dropped, lines are trimmed, and
 * runs of whitespace show as one space, as HTML displays them.
 */
export function readerText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\uFFFE\uFFFF]/g, '')
    .replace(/[\t\n\f\r ]+/g, ' ')
    .trim();
}

/** A character XML 1.0 does not allow anywhere in a document, feeds included. */
export const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
