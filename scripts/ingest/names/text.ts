/**
 * Words and capitalised runs of one piece of text (a headline, a paragraph, a caption): the
 * candidates every name rule looks at.
 */
import { NAME_PARTICLES } from './lexicon.ts';

export interface Token {
  /** The word without a possessive ending and without a sentence-final full stop. */
  text: string;
  /** `text` lowercased, once: the word lists are lowercase, and every rule looks words up in them. */
  lower: string;
  start: number;
  end: number;
  /** Ended by `'s`, `’s` or a bare `'` after s: the word closes a name. */
  possessive: boolean;
  /** First word of the text or of a sentence. */
  sentenceStart: boolean;
  /** What stands between this word and the next one (`" "`, `", "`, `" - "`). */
  gapAfter: string;
}

/** Titles written with a full stop (`Mr.`, `Gen.`): one opens a name, so its stop ends nothing. */
const NAME_OPENING_ABBREVIATIONS = new Set([
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
  'St.',
  'Adm.',
  'Gen.',
  'Col.',
  'Capt.',
  'Lt.',
  'Sgt.',
  'Maj.',
  'Gov.',
  'Sen.',
  'Rep.',
  'Prof.',
  'Rev.',
  'Supt.',
  'Fr.',
]);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([...NAME_OPENING_ABBREVIATIONS, 'Jr.', 'Sr.', 'Inc.', 'Corp.', 'Ltd.', 'Co.', 'No.', 'vs.', 'v.']);
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.&-]*/gu;

const isAsciiLowercase = (code: number) => code >= 0x61 && code <= 0x7a;
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  WORD.lastIndex = 0;
  // An exec loop, not matchAll: this loop sees every word of the archive.
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    let word = match[0];
    const start = match.index;
    let endsSentence = false;
    // A trailing dot belongs to an abbreviation or initials; otherwise it ends the sentence.
    if (word.endsWith('.') && !ABBREVIATIONS.has(word) && !INITIALS.test(word)) {
      word = word.replace(/\.+$/, '');
      endsSentence = true;
    }
    // The regular expressions below run only on the few words they can change.
    if (word.endsWith('-') || word.endsWith('&')) word = word.replace(/[-&]+$/, '');
    const end = start + word.length;
    let possessive = false;
    // Only an apostrophe last, or before a last `s`, is a possessive or is stripped.
    const lastCode = word.charCodeAt(word.length - 1);
    const apostrophe = isApostrophe(lastCode) || (lastCode === 0x73 && isApostrophe(word.charCodeAt(word.length - 2)));
    const owner = apostrophe ? (/^(.+?)['’]s$/u.exec(word) ?? /^(.+s)['’]$/u.exec(word)) : null;
    if (owner?.[1]) {
      word = owner[1];
      possessive = true;
    }
    if (apostrophe) word = word.replace(/['’]+$/, '');
    if (word === '') continue;
    const previous = tokens.at(-1);
    if (previous) {
      previous.gapAfter = text.slice(previous.end, start);
      if (previous.gapAfter !== ' ' && /[.!?:;]\s*["“”'‘’(]*\s*$/.test(previous.gapAfter)) sentenceStart = true;
    }
    tokens.push({ text: word, lower: word.toLowerCase(), start, end, possessive, sentenceStart, gapAfter: '' });
    sentenceStart = endsSentence;
  }
  const last = tokens.at(-1);
  if (last) last.gapAfter = text.slice(last.end);
  return tokens;
}

/** Capitalised, or a capitalised name after a lowercase particle (`al-Sabah`). ASCII first letters are told apart without a regular expression. */
export function isCapitalised(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) return true;
  const asciiLowercase = isAsciiLowercase(first);
  if (first < 0x80 && !asciiLowercase) return false;
  return (
    (!asciiLowercase && /^\p{Lu}/u.test(word)) || (word.includes('-') && /^(?:al|el|bin|ibn|de|da|van|von|di|du|le|la)-\p{Lu}/u.test(word))
  );
}

/** A word written in capitals (`BBC`, `IRNA`): an acronym, never part of a person's name. */
export function isAcronym(word: string): boolean {
  // A lowercase letter first or second (`said`, `Smith`) settles it without the expressions.
  if (isAsciiLowercase(word.charCodeAt(0)) || isAsciiLowercase(word.charCodeAt(1))) return false;
  return /^\p{Lu}{2,}s?$/u.test(word.replace(/[.&-]/g, ''));
}

/** `Jr.` or `Inc.` may end a sentence, so nothing after them joins the name; `Mr.` and `W.` never do. */
function closesName(word: string): boolean {
  return word.endsWith('.') && !/^\p{Lu}\.$/u.test(word) && !NAME_OPENING_ABBREVIATIONS.has(word);
}

export interface Span {
  /** The capitalised words, with the lowercase joiners and particles between them. */
  tokens: Token[];
  /** Index of the first token in the text's token list. */
  first: number;
}

/**
 * Maximal runs of capitalised words separated by single spaces only, bridged by name particles
 * (`Ruud van Nistelrooy`) and organisation joiners (`Bank of England`, `Minister for Foreign Affairs`).
 * A possessive closes a run: `Italy's Minister` is two runs.
 */
export function capitalisedSpans(tokens: readonly Token[], joiners: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (!isCapitalised(token.text)) {
      index++;
      continue;
    }
    const first = index;
    let last = index;
    while (!tokens[last]!.possessive && tokens[last]!.gapAfter === ' ' && !closesName(tokens[last]!.text)) {
      const next = tokens[last + 1];
      if (!next) break;
      if (isCapitalised(next.text)) {
        last++;
        continue;
      }
      // Bridge one or two lowercase joiners when a capitalised word follows them.
      const bridge = [next, tokens[last + 2]];
      if (NAME_PARTICLES.has(next.lower) || joiners.has(next.lower)) {
        let step = 1;
        if (tokens[last + 2]?.text === 'the' && next.gapAfter === ' ') step = 2;
        const after = tokens[last + step + 1];
        const joinedBySpaces = bridge.slice(0, step).every((word) => word?.gapAfter === ' ');
        if (after && isCapitalised(after.text) && joinedBySpaces) {
          last += step + 1;
          continue;
        }
      }
      break;
    }
    spans.push({ tokens: tokens.slice(first, last + 1), first });
    index = last + 1;
  }
  return spans;
}
