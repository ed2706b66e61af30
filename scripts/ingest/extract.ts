/**
 * Stage 5, extract: the people and countries one article names, from its own text alone.
 * Names the article gives only as a lone word it never spells out (`Trump`, `Mr Snow`) are
 * handed on as `loneNames` for stage 6, which resolves them across the whole archive.
 */
import type { Mentions } from '#lib/article.ts';
import type { ParsedArticle } from './parse.ts';
import {
  ALL_GIVEN_NAMES,
  commonWords,
  FUNCTION_WORDS,
  HONORIFICS,
  NAME_KEEPING_TITLES,
  NAME_PARTICLES,
  NON_PERSON_CUES,
  NON_PERSON_WORDS,
  PERSON_CUES,
  PHRASE_JOINERS,
  PLACE_CLOSERS,
  PLACE_OPENERS,
  POST_NOMINALS,
  SHIP_PREFIXES,
  SPEECH_VERBS,
  TITLE_WORDS,
  WEEKDAYS_AND_MONTHS,
} from './names/lexicon.ts';
import { phraseAt, type NameRules } from './names/rules.ts';
import { capitalisedSpans, isAcronym, isCapitalised, tokenize, type Span, type Token } from './names/text.ts';

export type { Mentions };

export interface Extraction extends Mentions {
  /** One-word names in the title or body that the article never spells out, for the archive to resolve. */
  loneNames: string[];
  /** The same for the caption. */
  captionLoneNames: string[];
}

interface Segment {
  text: string;
  tokens: Token[];
  spans: Span[];
}

interface Found {
  name: string;
  role?: string;
}

interface Single {
  word: string;
  /** Marked as a person by an honorific, a title or a speech verb (`Mr Snow`, `President Trump`, `Kharrazi said`). */
  marked: boolean;
  /** Capitalised inside a sentence, so a proper noun rather than a sentence opener (`Its`, `He`). */
  midSentence: boolean;
}

function segment(text: string): Segment {
  const tokens = tokenize(text);
  return { text, tokens, spans: capitalisedSpans(tokens, PHRASE_JOINERS) };
}

const lower = (word: string) => word.toLowerCase();
const ROLE_STOPS = new Set(['the', 'a', 'an', 'and', 'or', 'said', 'says', 'by', 'with', 'to', 'from', 'that', 'as', 'at', 'on', 'in', 'for', 'when', 'while', 'but', 'after', 'before', 'told', 'was', 'is', 'has', 'had', 'of']);

/** `George W. Bush` -> `George W Bush`, `J.D. Vance` -> `JD Vance`, curly apostrophes made straight. */
function normaliseName(name: string): string {
  if (!name.includes('.') && !name.includes('’')) return name;
  return name
    .split(' ')
    .map((word) => (/^(?:\p{Lu}\.)+$/u.test(word) ? word.replace(/\./g, '') : word))
    .join(' ')
    .replace(/’/g, "'");
}

/** `plain`, a lowercase word, is a person cue or its plural. */
function isPersonCue(plain: string | undefined): boolean {
  if (!plain) return false;
  return PERSON_CUES.has(plain) || (plain.endsWith('s') && PERSON_CUES.has(plain.slice(0, -1)));
}

const isGivenName = (word: string | undefined) => word !== undefined && ALL_GIVEN_NAMES.has(lower(word));

/**
 * The capitalised words at the end of a span that can be a person's name, and what stands
 * before them. A word of office ends the name, unless it is the surname itself (`John Major`,
 * `Kristin King`, `Wendy Day`): after a given name, or where the context already says person.
 */
function nameTail(words: readonly Token[], personContext: boolean, rules: NameRules): { tail: string[]; prefix: Token[] } {
  const tail: string[] = [];
  let end = words.length;
  while (end > 1 && POST_NOMINALS.has(words[end - 1]!.text)) end--;
  let index = end - 1;
  for (; index >= 0; index--) {
    const { text: word, lower: plain } = words[index]!;
    const previous = words[index - 1];
    const previousIsGivenName = previous !== undefined && ALL_GIVEN_NAMES.has(previous.lower);
    const surnameSlot = tail.length === 0 && previous !== undefined && isCapitalised(previous.text) && (previousIsGivenName || personContext);
    if (PHRASE_JOINERS.has(plain) || HONORIFICS.has(plain) || WEEKDAYS_AND_MONTHS.has(plain) || word === 'I' || word.startsWith("I'") || word.startsWith('I’')) break;
    // Particles are lowercase (`van`, `bin`); capitalised, `Ben` and `Van` are names.
    if (NAME_PARTICLES.has(word)) {
      if (tail.length === 0 || index === 0) break;
      tail.unshift(word);
      continue;
    }
    if ((TITLE_WORDS.has(plain) || NAME_KEEPING_TITLES.has(plain) || isPersonCue(plain)) && !surnameSlot) break;
    if (NON_PERSON_WORDS.has(plain) && !(surnameSlot && personContext && previousIsGivenName)) break;
    if (isAcronym(word) && !(word.length === 2 && tail.length > 0 && !rules.countryNames.has(word))) break;
    if (rules.countryNames.has(word) && !(tail.length > 0 && ALL_GIVEN_NAMES.has(plain))) break;
    if (!isCapitalised(word)) break;
    // `London-based`, `Jackson-style`: a compound adjective, not part of a name; nor is a run-on `Division.Those`.
    if ((word.includes('-') && /-\p{Ll}+$/u.test(word)) || (word.includes('.') && /\p{L}\.\p{L}{2,}/u.test(word))) break;
    tail.unshift(word);
  }
  while (tail.length > 0 && NAME_PARTICLES.has(tail[0]!)) tail.shift();
  return { tail, prefix: words.slice(0, index + 1) };
}

/** The role a lowercase phrase before the name gives (`US special envoy Steve Witkoff`). */
function roleBefore(tokens: readonly Token[], first: number): string | undefined {
  const words: string[] = [];
  for (let index = first - 1; index >= 0 && words.length < 5; index--) {
    const token = tokens[index]!;
    if (token.gapAfter !== ' ' || ROLE_STOPS.has(token.lower) || token.possessive) break;
    words.unshift(token.text);
  }
  // The last word of the role is the token just before the name.
  return words.length > 0 && isPersonCue(tokens[first - 1]!.lower) ? words.join(' ') : undefined;
}

/** The role an apposition after the name gives (`Kamal Kharrazi, an adviser to Iran's supreme leader,`). */
function roleAfter(text: string, end: number): string | undefined {
  const found = /^,\s+(?:an?\s+|the\s+)?([^,.;:()"“”]{3,80}?)\s*(?:,|\.|;|$)/u.exec(text.slice(end));
  const role = found?.[1];
  return role && role.split(/\s+/).length <= 8 && role.split(/\s+/).some((word) => isPersonCue(lower(word))) ? role : undefined;
}

/** `, who`, `, 31,`, `, a spokesman for`, `, general manager of`: an apposition that describes a person. */
function describesPerson(tokens: readonly Token[], after: number, gap: string): boolean {
  const next = tokens[after];
  if (!next) return false;
  if (gap === ' ' || /^\s+$/.test(gap)) return next.lower === 'who';
  if (!/^\s*,\s*$/.test(gap)) return false;
  if (['who', 'whose', 'aged'].includes(next.lower) || /^\d{1,3}$/.test(next.text)) return true;
  return tokens.slice(after, after + 4).some((token) => isPersonCue(token.lower));
}

interface SegmentNames {
  people: Found[];
  singles: Single[];
  /** Names seen in a place that says they are not a person (`film Mary Poppins`): rejected everywhere. */
  rejected: Set<string>;
}

/** Words that follow an honorific anywhere in the text: `Mr Marchionne` confirms `Sergio Marchionne`. */
function honouredWords(segments: readonly Segment[]): Set<string> {
  const words = new Set<string>();
  for (const { tokens } of segments) {
    for (let index = 0; index + 1 < tokens.length; index++) {
      const next = tokens[index + 1]!;
      if (HONORIFICS.has(tokens[index]!.lower) && isCapitalised(next.text)) words.add(next.text);
    }
  }
  return words;
}

/** One-word capitalised runs in the text: a surname used alone elsewhere confirms the full name. */
function loneWords(segments: readonly Segment[]): Set<string> {
  const words = new Set<string>();
  for (const part of segments) {
    for (const span of part.spans) {
      if (span.tokens.length === 1 && !span.tokens[0]!.sentenceStart) words.add(span.tokens[0]!.text);
    }
  }
  return words;
}

interface Context {
  honoured: ReadonlySet<string>;
  lone: ReadonlySet<string>;
  rules: NameRules;
}

interface Candidate {
  name: string;
  role?: string;
  /** Token range, for names joined by `and` to a proven one (`Hayley Yelling and Justyna Bak`). */
  first: number;
  last: number;
}

function namesIn(part: Segment, context: Context): SegmentNames {
  const { rules } = context;
  const names: SegmentNames = { people: [], singles: [], rejected: new Set() };
  const proven: Candidate[] = [];
  const unproven: Candidate[] = [];
  const { tokens, text } = part;

  const consider = (allTokens: readonly Token[], first: number): boolean => {
    // `the USS Abraham Lincoln`: what follows a ship prefix is a ship's name.
    const ship = allTokens.findIndex((token, index) => SHIP_PREFIXES.has(token.lower) && index < allTokens.length - 1);
    const spanTokens = ship >= 0 ? allTokens.slice(0, ship) : allTokens;
    if (spanTokens.length === 0) return true;
    const spanKey = lower(normaliseName(text.slice(spanTokens[0]!.start, spanTokens.at(-1)!.end)));
    if (rules.notPeople.has(spanKey)) return true;
    const known = rules.knownPeople.get(spanKey);
    if (known) {
      names.people.push({ name: known });
      return true;
    }
    const lastToken = spanTokens.at(-1)!;
    const afterIndex = first + spanTokens.length;
    const after = tokens[afterIndex];
    const before = tokens[first - 1];
    const adjacentBefore = before !== undefined && before.gapAfter === ' ';
    const cueBefore = adjacentBefore && isPersonCue(before.lower);
    // `a spokesman for Allied Domecq told`: the speaker is the spokesman, not the firm.
    const spokeAfter = after !== undefined && (lastToken.gapAfter === ' ' || lastToken.gapAfter === ', ') && SPEECH_VERBS.has(after.lower) && !(adjacentBefore && ['for', 'of', 'at', 'from'].includes(before.lower));
    const spokeBefore = adjacentBefore && ['said', 'says'].includes(before.lower);
    const apposition = describesPerson(tokens, afterIndex, lastToken.gapAfter);
    const { tail, prefix } = nameTail(spanTokens, cueBefore || spokeAfter || spokeBefore || apposition, rules);
    if (tail.length === 0) return false;
    // A capitalised sentence opener is not a first name (`Despite`, `Shares`).
    const opener = prefix.length === 0 && spanTokens[0]!.sentenceStart && tail.length > 1 && commonWords().has(lower(tail[0]!)) && !rules.countryNames.has(tail[0]!);
    if (opener) tail.shift();
    // `Backbencher Stephen Pound`: an unlisted role word before a given name and surname.
    if (prefix.length === 0 && tail.length >= 3 && !isGivenName(tail[0]) && isGivenName(tail[1]) && !NAME_PARTICLES.has(tail[1]!) && /^\p{Lu}\p{Ll}{2,}$/u.test(tail[0]!)) tail.shift();
    const name = normaliseName(tail.join(' '));
    const nameKey = lower(name);
    if (rules.notPeople.has(nameKey) || rules.countryNames.has(name)) return true;
    const titled = prefix.some(({ lower: word }) => HONORIFICS.has(word) || TITLE_WORDS.has(word) || NAME_KEEPING_TITLES.has(word) || isPersonCue(word));
    const roleOf = () =>
      (titled
        ? prefix
            .filter((word) => !HONORIFICS.has(word.lower))
            .map((word) => word.text)
            .join(' ')
        : '') ||
      roleBefore(tokens, first) ||
      roleAfter(text, lastToken.end);
    const knownTail = rules.knownPeople.get(nameKey);
    if (knownTail) {
      const role = roleOf();
      names.people.push(role ? { name: knownTail, role } : { name: knownTail });
      return true;
    }

    const bare = prefix.length === 0 && adjacentBefore;
    const marked = titled || (bare && (cueBefore || spokeBefore)) || spokeAfter || apposition;
    if (tail.length === 1) {
      const title = prefix.at(-1);
      if (title && NAME_KEEPING_TITLES.has(title.lower)) names.people.push({ name: `${title.text} ${name}` });
      else {
        const spoke = (spokeAfter || spokeBefore) && !commonWords().has(lower(name));
        names.singles.push({ word: name, marked: titled || spoke || context.honoured.has(name), midSentence: prefix.length > 0 || opener || !spanTokens[0]!.sentenceStart });
      }
      return true;
    }
    // `Harry Potter director Alfonso Cuaron`: a phrase qualifying the next person's role is not a person.
    const qualifiesNext = after !== undefined && lastToken.gapAfter === ' ' && !lastToken.possessive && isPersonCue(after.lower) && isCapitalised(tokens[afterIndex + 1]?.text ?? '');
    // `the Federal Reserve`, `firm Allied Domecq`: an article or an object noun says it is not a person.
    const objectCue = bare && (NON_PERSON_CUES.has(before.lower) || ['the', 'a', 'an'].includes(before.lower));
    const place = PLACE_OPENERS.has(lower(tail[0]!)) || PLACE_CLOSERS.has(lower(tail.at(-1)!));
    const work = tail.some((word) => FUNCTION_WORDS.has(lower(word)));
    if (((objectCue || qualifiesNext) && !titled) || place || work) {
      names.rejected.add(name);
      return true;
    }
    // `Ethiopia's Tirunesh Dibaba`, `another Ethiopian, Berhane Adera`.
    const countryBefore = before !== undefined && prefix.length === 0 && rules.countryNames.has(before.text) && (before.possessive || /^\s*,\s*$/.test(before.gapAfter));
    const surnameAlone = context.lone.has(tail.at(-1)!) && !context.lone.has(tail[0]!);
    // Everyday words only (`Without Borders`, `Six Nations`) make a name only with a title or honorific.
    const everyday = tail.every((word) => commonWords().has(lower(word)));
    const evidence = everyday ? titled || context.honoured.has(tail.at(-1)!) : marked || context.honoured.has(tail.at(-1)!) || isGivenName(tail[0]) || countryBefore || surnameAlone;
    const role = roleOf();
    const candidate: Candidate = { name, first, last: afterIndex - 1, ...(role ? { role } : {}) };
    (evidence ? proven : unproven).push(candidate);
    return true;
  };

  for (const span of part.spans) {
    if (consider(span.tokens, span.first)) continue;
    // `Orin Middleton of Barclays Capital`: the name before an organisation it belongs to.
    const joiner = span.tokens.findIndex((token) => PHRASE_JOINERS.has(token.lower));
    if (joiner > 0) consider(span.tokens.slice(0, joiner), span.first);
  }
  // A name listed with a proven one is a person too: `Hayley Yelling and Justyna Bak`.
  const joinedTo = (candidate: Candidate, other: Candidate) =>
    (other.last + 2 === candidate.first && tokens[other.last + 1]?.lower === 'and') || (other.last + 1 === candidate.first && /^\s*,\s*$/.test(tokens[other.last]!.gapAfter));
  for (let added = true; added; ) {
    added = false;
    for (const candidate of [...unproven]) {
      if (proven.some((other) => joinedTo(candidate, other) || joinedTo(other, candidate))) {
        proven.push(candidate);
        unproven.splice(unproven.indexOf(candidate), 1);
        added = true;
      }
    }
  }
  proven.sort((a, b) => a.first - b.first);
  names.people.push(...proven.map(({ name, role }) => (role ? { name, role } : { name })));
  return names;
}

function wordsOf(name: string): string[] {
  return name.split(' ');
}

/** Merges `George Bush` and `W Bush` into `George W Bush` when both occur in one story. */
function mergeShortForms(people: readonly Found[]): Map<string, string> {
  const canonical = new Map<string, string>();
  // Each name split and lowercased once: every pair of names is compared.
  const names = [...new Set(people.map((person) => person.name))].map((name) => ({ name, words: wordsOf(name), lower: lower(name) }));
  for (const { name, words, lower: lowerName } of names) {
    const longer = names.find((other) => {
      if (other.name === name || other.words.length <= words.length) return false;
      // `Van Nistelrooy` opening a sentence is `Ruud van Nistelrooy`.
      const suffix = lower(other.words.slice(-words.length).join(' ')) === lowerName;
      const withoutMiddle = other.words[0] === words[0] && other.words.at(-1) === words.at(-1) && words.length === 2;
      return suffix || withoutMiddle;
    });
    // A peeress is `Baroness Morgan` and `Lady Morgan` in one story.
    const peer = words.length === 2 && lower(words[0]!) === 'lady' ? `Baroness ${words[1]}` : undefined;
    if (peer !== undefined && names.some((other) => other.name === peer)) {
      canonical.set(name, peer);
      continue;
    }
    canonical.set(name, longer?.name ?? name);
  }
  return canonical;
}

/** A lone word resolved to the one person in `people` it can mean: by surname, then by given name. */
function resolveSingle(word: string, people: readonly (readonly string[])[], rules: NameRules): string | undefined {
  const known = rules.knownPeople.get(lower(word));
  if (known) return known;
  const hyphenated = word.includes('-') ? undefined : `-${word}`;
  const bySurname = people.filter((words) => words.at(-1) === word || (hyphenated !== undefined && words.at(-1)!.endsWith(hyphenated)));
  if (bySurname.length === 1) return bySurname[0]!.join(' ');
  if (bySurname.length > 1) return undefined;
  const byGivenName = people.filter((words) => words[0] === word || (words[1] === word && NAME_KEEPING_TITLES.has(lower(words[0]!))));
  return byGivenName.length === 1 ? byGivenName[0]!.join(' ') : undefined;
}

/** Could this lone word be a person's surname the archive knows? */
function loneCandidate(single: Single, occurrences: number, rules: NameRules): boolean {
  const plain = lower(single.word);
  if (rules.countryNames.has(single.word) || NON_PERSON_WORDS.has(plain) || TITLE_WORDS.has(plain) || HONORIFICS.has(plain)) return false;
  if (WEEKDAYS_AND_MONTHS.has(plain) || isAcronym(single.word) || rules.notPeople.has(plain)) return false;
  // Twice capitalised inside a sentence: a proper noun, not a sentence opener like `Its`.
  return single.marked || occurrences >= 2;
}

interface PartNames {
  people: string[];
  lone: string[];
  roles: Map<string, string>;
}

function peopleOf(parts: readonly Segment[], present: readonly string[], context: Context): PartNames {
  const { rules } = context;
  const found = parts.map((part) => namesIn(part, context));
  const rejected = new Set(found.flatMap((names) => [...names.rejected]));
  const all = found.flatMap((names) => names.people).filter((person) => !rejected.has(person.name));
  const canonical = mergeShortForms(all);
  const people: string[] = [];
  const roles = new Map<string, string>();
  for (const person of all) {
    const name = canonical.get(person.name)!;
    if (!people.includes(name)) people.push(name);
    if (person.role && !roles.has(name)) roles.set(name, person.role);
  }
  const singles = found.flatMap((names) => names.singles);
  const counts = new Map<string, number>();
  for (const single of singles) if (single.midSentence) counts.set(single.word, (counts.get(single.word) ?? 0) + 1);
  const lone: string[] = [];
  const candidates = [...new Set([...people, ...present])].map(wordsOf);
  for (const single of singles) {
    const person = resolveSingle(single.word, candidates, rules);
    if (person) {
      if (!people.includes(person)) people.push(person);
    } else if (loneCandidate(single, counts.get(single.word) ?? 0, rules) && !lone.includes(single.word)) {
      lone.push(single.word);
    }
  }
  return { people, lone, roles };
}

/** A demonym after `in` and before a pause names a language: `in English and Russian`. */
function isLanguageUse(tokens: readonly Token[], at: number, length: number, term: string, rules: NameRules): boolean {
  if (rules.countryNames.get(term) === term) return false;
  const before = tokens[at - 1];
  const last = tokens[at + length - 1]!;
  const next = tokens[at + length];
  return before !== undefined && before.lower === 'in' && (/^\s*[.,;:)]/.test(last.gapAfter) || next === undefined || ['and', 'or'].includes(next.lower));
}

/** The capitalised run each token is in, by token index, as the token range of the name it can be part of. */
function spanBounds(part: Segment, rules: NameRules): Map<number, { first: number; end: number }> {
  const spanOf = new Map<number, { first: number; end: number }>();
  for (const span of part.spans) {
    const first = span.tokens[0]!;
    // A capitalised sentence opener (`The US firm`, `A British author`) is not part of the name after it.
    const opener = span.tokens.length > 1 && first.sentenceStart && commonWords().has(first.lower) && !rules.countryNames.has(first.text) ? 1 : 0;
    const bounds = { first: span.first + opener, end: span.first + span.tokens.length };
    span.tokens.forEach((_, offset) => spanOf.set(span.first + offset, bounds));
  }
  return spanOf;
}

/**
 * Countries a piece of text names. A country word counts when it stands alone, or opens a
 * title (`Iranian Foreign Minister`); inside a longer name (`Washington Post`, `Bank of
 * England`) or a person's name it does not. In a headline every word is capitalised, so
 * there it counts wherever it is not part of a person's name.
 */
function countriesIn(part: Segment, personWords: ReadonlySet<string>, isHeadline: boolean, rules: NameRules): string[] {
  const { tokens } = part;
  const words = tokens.map((token) => token.text);
  // Worked out only for a text that names a country: most paragraphs name none.
  let spanOf: Map<number, { first: number; end: number }> | undefined;
  const countries: string[] = [];
  const add = (term: string) => {
    const country = rules.countryNames.get(term)!;
    if (!countries.includes(country)) countries.push(country);
  };
  for (let at = 0; at < words.length; at++) {
    const excluded = phraseAt(rules.notCountryPhrases, words, at);
    if (excluded) {
      at += excluded.length - 1;
      continue;
    }
    const found = phraseAt(rules.countryPhrases, words, at);
    if (!found) {
      // One part of a hyphenated word: `Turkish-Austrian`, `US-led`, `Paris-based`.
      if (!words[at]!.includes('-')) continue;
      for (const piece of words[at]!.split('-')) {
        if (rules.countryNames.has(piece) && !personWords.has(piece)) add(piece);
      }
      continue;
    }
    const { length, phrase } = found;
    if (personWords.has(phrase) || isLanguageUse(tokens, at, length, phrase, rules)) continue;
    spanOf ??= spanBounds(part, rules);
    const span = spanOf.get(at);
    const wholeSpan = span !== undefined && span.first === at && span.end === at + length;
    const following = tokens[at + length];
    const opensTitle = span?.first === at && following !== undefined && span.end > at + length && (TITLE_WORDS.has(following.lower) || HONORIFICS.has(following.lower));
    if (isHeadline || wholeSpan || opensTitle) add(phrase);
    at += length - 1;
  }
  return countries;
}

function personWordsOf(people: readonly string[]): Set<string> {
  return new Set(people.flatMap((name) => wordsOf(name)));
}

export function extract(article: ParsedArticle, rules: NameRules): Extraction {
  const headline = segment(article.title);
  const body = [...(article.standfirst === undefined ? [] : [article.standfirst]), ...article.body.map((block) => block.text)].map(segment);
  const caption = article.caption === undefined ? [] : [segment(article.caption)];
  const context: Context = { honoured: honouredWords([headline, ...body, ...caption]), lone: loneWords(body), rules };

  const main = peopleOf(body, [], context);
  // Headline words add no new people; a lone name there is resolved against the body.
  const fromHeadline = peopleOf([headline], main.people, context).people.filter((name) => main.people.includes(name));
  const people = [...new Set([...main.people, ...fromHeadline])];
  const captionNames = peopleOf(caption, people, { ...context, lone: loneWords(caption) });

  const personWords = personWordsOf([...people, ...captionNames.people]);
  const countries = [...new Set([...countriesIn(headline, personWords, true, rules), ...body.flatMap((part) => countriesIn(part, personWords, false, rules))])];
  const captionCountries = [...new Set(caption.flatMap((part) => countriesIn(part, personWords, false, rules)))];

  const roles: Record<string, string> = {};
  for (const [name, role] of [...main.roles, ...captionNames.roles]) roles[name] ??= role;
  return {
    people,
    countries,
    captionPeople: captionNames.people,
    captionCountries,
    roles,
    loneNames: main.lone.filter((word) => !personWords.has(word)),
    captionLoneNames: captionNames.lone.filter((word) => !personWords.has(word)),
  };
}
