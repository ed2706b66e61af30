/**
 * Stage 5, extract: the people and countries one article names, from its own text alone.
 * Names the article gives only as a lone word it never spells out (`Trump`, `Mr Snow`) are
 * handed on as `loneNames` for stage 6, which resolves them across the whole archive.
 */
import { decodeHTMLStrict } from 'entities';
import type { ArticleTags } from '#lib/article.ts';
import { LANGUAGE_NAMES } from '#lib/countries.ts';
import type { ParsedArticle } from './parse.ts';
import {
  allGivenNames,
  ALSO_SURNAMES,
  commonWords,
  COMPANY_NOUNS,
  isGivenName,
  isTitleWord,
  FUNCTION_WORDS,
  HONORIFICS,
  NAME_KEEPING_TITLES,
  NAME_PARTICLES,
  NON_PERSON_CUES,
  NON_PERSON_WORDS,
  KINSHIP_NOUNS,
  PERSON_CUES,
  PERSON_PASSIVES,
  PERSON_VERBS,
  PHRASE_JOINERS,
  PLACE_CLOSERS,
  PLACE_OPENERS,
  POST_NOMINALS,
  PRONOUNS,
  SHIP_PREFIXES,
  SPEECH_VERBS,
  WEEKDAYS_AND_MONTHS,
} from './names/lexicon.ts';
import { phraseAt, type NameRules } from './names/rules.ts';
import { capitalisedSpans, isAcronym, isCapitalised, tokenize, type Span, type Token } from './names/text.ts';

export type { ArticleTags };

export interface Extraction extends ArticleTags {
  /** Names the text says the kind of thing of (`companies such as Adam Opel`): for the archive to remember. */
  things: string[];
  /** One-word names in the title or body that the article never spells out, for the archive to resolve. */
  loneNames: string[];
  /** The same for the caption. */
  captionLoneNames: string[];
  /** Names in the body with nothing here to prove them people: people if the archive has proven them so. */
  unprovenNames: string[];
  /** The same for the caption. */
  captionUnprovenNames: string[];
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

/**
 * A text as the rules read it. Character references a scraper left in (`Pap&#233;`, `&amp;`) are
 * read as the characters they stand for, so a name is never cut at one; the story itself keeps
 * them as written.
 */
function segment(written: string): Segment {
  const text = written.includes('&') ? decodeHTMLStrict(written) : written;
  const tokens = tokenize(text);
  return { text, tokens, spans: capitalisedSpans(tokens, PHRASE_JOINERS) };
}

const lower = (word: string) => word.toLowerCase();
/** A gap of a comma alone between two words (`Kamal Kharrazi, an adviser`). */
const isCommaGap = (gap: string) => /^\s*,\s*$/.test(gap);
/** How a word for a role or a people ends: `Backbencher`, `Guardsman`, `Yorker`, `Columnist`. */
const ROLE_ENDING = /(?:er|or|man|men|woman|ist|ian|ite)$/;

const SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson']);

/** Offices a person holds in an organisation: `spokesman for X`, `head of X` say X is one. */
const OFFICES_OF_ORGANISATIONS = new Set([...SPOKESPEOPLE, 'chairman', 'chairwoman', 'director', 'founder', 'boss', 'owner', 'head']);

/** The lowercase words that end a title phrase before the name (`Chancellor of the`, `Minister for`). */
const TITLE_JOINERS = new Set(['of', 'for', 'the', '&']);
const ROLE_STOPS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'said',
  'says',
  'by',
  'with',
  'to',
  'from',
  'that',
  'as',
  'at',
  'on',
  'in',
  'for',
  'when',
  'while',
  'but',
  'after',
  'before',
  'told',
  'was',
  'is',
  'has',
  'had',
  'of',
]);

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
    const previousIsGivenName = previous !== undefined && allGivenNames().has(previous.lower);
    const surnameSlot =
      tail.length === 0 && previous !== undefined && isCapitalised(previous.text) && (previousIsGivenName || personContext);
    // A month after a given name is a surname (`Theresa May`), as is a country word said of a person (`Mike German, leader`).
    const surnameAfterGivenName = surnameSlot && previousIsGivenName;
    if (
      (index === end - 1 && PRONOUNS.has(plain)) ||
      PHRASE_JOINERS.has(plain) ||
      HONORIFICS.has(plain) ||
      (WEEKDAYS_AND_MONTHS.has(plain) && !surnameAfterGivenName) ||
      word === 'I' ||
      word.startsWith("I'") ||
      word.startsWith('I’')
    )
      break;
    // Particles are lowercase (`van`, `bin`); capitalised, `Ben` and `Van` are names.
    if (NAME_PARTICLES.has(word)) {
      if (tail.length === 0 || index === 0) break;
      tail.unshift(word);
      continue;
    }
    // A word of office is a surname only after a given name (`John Major`): `Field Marshal` is a title alone.
    if ((isTitleWord(plain) || NAME_KEEPING_TITLES.has(plain)) && !(surnameSlot && previousIsGivenName)) break;
    if (isPersonCue(plain) && !surnameSlot) break;
    // An organisation's word that is also a given name opens a name when a surname follows (`Bill Berry`).
    const givenNameSlot = tail.length > 0 && isGivenName(word);
    if (NON_PERSON_WORDS.has(plain) && !(surnameSlot && personContext && previousIsGivenName && ALSO_SURNAMES.has(plain)) && !givenNameSlot)
      break;
    if (isAcronym(word) && !(word.length === 2 && tail.length > 0 && !rules.countryNames.has(word))) break;
    if (rules.countryNames.has(word) && !(tail.length > 0 && allGivenNames().has(plain)) && !(surnameAfterGivenName && personContext))
      break;
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
  if (!isCommaGap(gap)) return false;
  if (['who', 'whose', 'aged'].includes(next.lower) || /^\d{1,3}$/.test(next.text)) return true;
  return tokens.slice(after, after + 4).some((token) => isPersonCue(token.lower));
}

/** The longest phrase before a name that `describedBefore` reads as its description. */
const DESCRIPTION_WORDS = 8;

/**
 * `The head of the Sadrist movement, Moqtada al-Sadr,`, `Its leader, X,`: a sentence that opens
 * with a determiner and a noun phrase of a person, then the name set off by commas. Only at a
 * sentence's start: inside one, the phrase is as likely an apposition of a name before it
 * (`Emilio Botin, the chairman of Spain's biggest bank, Santander,`).
 */
function describedBefore(tokens: readonly Token[], first: number, last: Token): boolean {
  const comma = tokens[first - 1];
  if (!comma || !isCommaGap(comma.gapAfter) || !isCommaGap(last.gapAfter)) return false;
  let start = first - 1;
  while (start > 0 && first - start < DESCRIPTION_WORDS && !tokens[start]!.sentenceStart && /^\s+$/.test(tokens[start - 1]!.gapAfter))
    start--;
  return (
    tokens[start]!.sentenceStart &&
    DETERMINERS.has(tokens[start]!.lower) &&
    tokens.slice(start, first).some((token) => !token.possessive && isPersonCue(token.lower))
  );
}

interface SegmentNames {
  people: Found[];
  singles: Single[];
  /** Candidates no evidence in the text proves. */
  unproven: string[];
  /** Names seen in a place that says they are not a person (`film Mary Poppins`): rejected everywhere. */
  rejected: Set<string>;
  /** Those of them the text says the kind of (`KIND_OF_THING`). */
  things: Set<string>;
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

/** Why a run of capitalised words is not taken as a person. */
type Reason =
  'everyday words' | 'ship' | 'not a person' | 'country' | 'object' | 'kind of thing' | 'qualifies a role' | 'place' | 'work' | 'fragment';

/**
 * A reading the archive remembers: the text says what kind of thing the name is (`companies such
 * as`, `, the doughnut chain,`, `shares`). A word before the name alone can be a verb (`play
 * Roger Federer`), and a thing can be of a person (`a portrait of Raquel Welch`, `a spokesman for
 * Michael Howard`): those say so for one story only.
 */
const KIND_OF_THING: Reason = 'kind of thing';

/**
 * What one capitalised run says: a person for sure, a lone word for later, a name that needs
 * evidence (`proven` or not yet), a run that names no person here (`skipped`), or a name that
 * is no person anywhere in the article (`rejected`). Each step returns one; `namesIn` folds them.
 */
export type Reading =
  | { kind: 'person'; name: string; role?: string }
  | ({ kind: 'single' } & Single)
  | ({ kind: 'candidate'; proven: boolean } & Candidate)
  | { kind: 'skipped'; name: string; reason: Reason }
  | { kind: 'rejected'; name: string; reason: Reason };

const person = (name: string, role?: string): Reading => (role ? { kind: 'person', name, role } : { kind: 'person', name });
const skipped = (name: string, reason: Reason): Reading => ({ kind: 'skipped', name, reason });
const rejected = (name: string, reason: Reason): Reading => ({ kind: 'rejected', name, reason });

/** A whole capitalised run, cut before a ship prefix: `the USS Abraham Lincoln` is a ship's name. */
interface Run {
  part: Segment;
  words: readonly Token[];
  /** Token index of the run's first word in `part`. */
  first: number;
  /** The run as written, initials without their full stops. */
  text: string;
  /** `text` lowercased, to look up in the curation. */
  key: string;
}

/** The name a run ends in and everything around it that the steps weigh. */
interface NameRun extends Run {
  /** The words before the name inside the run (`US special envoy`, `Mr`). */
  prefix: Token[];
  tail: string[];
  name: string;
  nameKey: string;
  /** Token index just after the run. */
  end: number;
  before: Token | undefined;
  after: Token | undefined;
  /** The word before a run that has no prefix, when only a space stands between. */
  bareBefore: Token | undefined;
  /** A title, an honorific or a person word opens the run (`President`, `Mr`, `spokesman`). */
  titled: boolean;
  /** A title or an honorific, not merely a person word, opens the run (`President`, `Mr`; not `Star`). */
  officeTitled: boolean;
  /** A person word just before the run (`spokesman John Smith`). */
  cueBefore: boolean;
  /** `said John Smith`, `quoted John Smith as saying`. */
  spokeBefore: boolean;
  /** `John Smith said`, `John Smith, told`. */
  spokeAfter: boolean;
  /** `John Smith, who`, `John Smith, 31,`. */
  apposition: boolean;
  /** A capitalised sentence opener was cut from the name (`Despite John Smith`). */
  opener: boolean;
}

type RunStep = (run: Run, context: Context) => Reading | undefined;
type NameStep = (nameRun: NameRun, context: Context) => Reading | undefined;
type Evidence = (nameRun: NameRun, context: Context) => boolean;

const curatedNotPersonRun: RunStep = ({ text, key }, { rules }) => (rules.notPeople.has(key) ? skipped(text, 'not a person') : undefined);

const knownPersonRun: RunStep = ({ key }, { rules }) => {
  const known = rules.knownPeople.get(key);
  return known ? person(known) : undefined;
};

/** Steps on the whole run, before a single word is cut from it: the curation has the last word. */
const RUN_STEPS: readonly RunStep[] = [curatedNotPersonRun, knownPersonRun];

/** The role the run's own prefix gives, else a phrase before it, else an apposition after it. */
function roleOf(nameRun: NameRun): string | undefined {
  const titleRole = nameRun.titled
    ? nameRun.prefix
        .filter((word) => !HONORIFICS.has(word.lower))
        .map((word) => word.text)
        .join(' ')
    : '';
  return titleRole || roleBefore(nameRun.part.tokens, nameRun.first) || roleAfter(nameRun.part.text, nameRun.words.at(-1)!.end);
}

const curatedNotPerson: NameStep = ({ name, nameKey }, { rules }) =>
  rules.notPeople.has(nameKey) ? skipped(name, 'not a person') : undefined;

const countryName: NameStep = ({ name }, { rules }) => (rules.countryNames.has(name) ? skipped(name, 'country') : undefined);

const knownPerson: NameStep = (nameRun, { rules }) => {
  const known = rules.knownPeople.get(nameRun.nameKey);
  return known ? person(known, roleOf(nameRun)) : undefined;
};

/** `the Queen Mary 2`, `the Apollo 13 mission`: a name numbered after a determiner is a ship, a model or a sequel. */
const numberedThing: NameStep = ({ words, before, prefix, after, name }) => {
  const numbered = after !== undefined && /^\d{1,3}$/.test(after.text) && words.at(-1)!.gapAfter === ' ';
  const determined = [before, prefix[0]].some((word) => word !== undefined && DETERMINERS.has(word.lower));
  return numbered && determined ? skipped(name, 'object') : undefined;
};

/** `Lord Sugar`, `Baroness Morgan`: a title that stays part of a one-word name. */
const keptTitle: NameStep = ({ tail, prefix, name }) => {
  const title = prefix.at(-1);
  return tail.length === 1 && title && NAME_KEEPING_TITLES.has(title.lower) ? person(`${title.text} ${name}`) : undefined;
};

/** One word alone (`Trump`, `Mr Snow`): resolved later, against the article's full names or the archive. */
const singleWord: NameStep = (nameRun, context) => {
  // `De Zeeuw said`, `Van Persie`: a surname with its particle, resolved by the surname like any lone one.
  const particleSurname = nameRun.tail.length === 2 && NAME_PARTICLES.has(lower(nameRun.tail[0]!)) && !isGivenName(nameRun.tail[0]);
  if (nameRun.tail.length !== 1 && !particleSurname) return undefined;
  const name = nameRun.tail.at(-1)!;
  // The last word of `Banque du Caire` or `Sky News Travel` is part of that name, not a person's.
  if (nameRun.prefix.length > 0 && !nameRun.titled) return skipped(nameRun.text, 'fragment');
  const spoke = (nameRun.spokeAfter || nameRun.spokeBefore) && !commonWords().has(lower(name));
  const midSentence = nameRun.prefix.length > 0 || nameRun.opener || !nameRun.words[0]!.sentenceStart;
  return { kind: 'single', word: name, marked: nameRun.titled || spoke || context.honoured.has(name), midSentence };
};

const FIXTURE_WORDS = new Set(['v', 'v.', 'vs', 'vs.']);

/** Words before a phrase that make it a thing: `the Federal Reserve`, `their Morris Minor`. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'my', 'your', 'his', 'her']);

const singular = (plain: string) =>
  plain
    .replace(/ies$/, 'y')
    .replace(/(ss|sh|ch|x)es$/, '$1')
    .replace(/s$/, '');

/** An object noun or its plural (`company`, `companies`, `marques`). */
function isObjectNoun(plain: string): boolean {
  return NON_PERSON_CUES.has(plain) || NON_PERSON_CUES.has(singular(plain));
}

/** What only a company has a part or holder of (`parent company of Mercedes Benz`, `a subsidiary of`). */
const COMPANY_PARTS = new Set(['company', 'subsidiary', 'unit', 'arm', 'division', 'shareholders', 'shares', 'stake', 'takeover']);

/**
 * `companies such as Adam Opel`, `brands include Bass, Stella Artois and Hoegaarden`: a member
 * of a list of a kind of thing is a thing. A kind in the singular names what holds the list, not
 * what is in it (`the team includes Michael Owen`), so only the plural counts before `include`.
 * The walk back crosses only the list's other capitalised members and its commas, `and` and `or`.
 */
function memberOfThings(tokens: readonly Token[], first: number): boolean {
  if (tokens[first]!.sentenceStart) return false;
  let index = first - 1;
  while (
    index >= 0 &&
    (isCapitalised(tokens[index]!.text) || ['and', 'or'].includes(tokens[index]!.lower)) &&
    !tokens[index]!.sentenceStart
  )
    index--;
  const opener = tokens[index]?.lower ?? '';
  if (opener === 'as' && tokens[index - 1]?.lower === 'such') return isObjectNoun(tokens[index - 2]?.lower ?? '');
  const kind = tokens[index - 1]?.lower ?? '';
  return ['include', 'includes', 'including'].includes(opener) && kind !== singular(kind) && isObjectNoun(kind);
}

/**
 * `the Federal Reserve`, `firm Allied Domecq`, `Bookmaker Ladbrokes said`: a determiner or an
 * object noun before the phrase, or an object noun opening the sentence, says it is not a person.
 */
const objectCue: NameStep = ({ bareBefore, titled, name, prefix, words, tail, part, first, opener }) => {
  const opensWithObject =
    prefix.length === 0 &&
    words[0]!.sentenceStart &&
    (tail.length > 1 || opener) &&
    (NON_PERSON_CUES.has(words[0]!.lower) || DETERMINERS.has(words[0]!.lower));
  const objectBefore = bareBefore !== undefined && !titled && (NON_PERSON_CUES.has(bareBefore.lower) || DETERMINERS.has(bareBefore.lower));
  // `parent company of Mercedes Benz`, `head of Texas Instruments`: what an object noun, or an
  // office only an organisation has, is of is a thing too.
  const before = part.tokens[first - 1];
  const owner = part.tokens[first - 2]?.lower ?? '';
  const ofObject =
    prefix.length === 0 &&
    before !== undefined &&
    ((['of', 'for'].includes(before.lower) && NON_PERSON_CUES.has(owner)) ||
      (before.lower === 'of' && OFFICES_OF_ORGANISATIONS.has(owner)) ||
      (before.lower === 'for' && SPOKESPEOPLE.has(owner)));
  const partOfCompany = prefix.length === 0 && before?.lower === 'of' && !words.at(-1)!.possessive && COMPANY_PARTS.has(owner);
  if (partOfCompany || (prefix.length === 0 && memberOfThings(part.tokens, first))) return rejected(name, KIND_OF_THING);
  return opensWithObject || objectBefore || ofObject ? rejected(name, 'object') : undefined;
};

/** Words that end the noun phrase of an apposition: its last word before them is its head. */
const APPOSITION_ENDS = new Set([
  'of',
  'for',
  'in',
  'at',
  'on',
  'to',
  'with',
  'from',
  'by',
  'behind',
  'based',
  'owned',
  'that',
  'which',
  'whose',
]);
/** Words for a person in an apposition, beside the person cues and words of office. */
const PERSON_NOUNS = new Set(['man', 'woman', 'men', 'women', 'person', 'people', 'boy', 'girl']);

/**
 * `Adam Opel - the German arm of General Motors`, `Krispy Kreme, the doughnut chain,`: an
 * apposition whose head is an object noun describes a thing. A word for a person anywhere in it
 * says a person (`the man behind the Argonaut games group`, `a senior broadcaster with CBS`).
 */
const describedAsThing: NameStep = ({ part, end, words, name }) => {
  if (!/^\s*(?:,|-|–|—)\s*$/.test(words.at(-1)!.gapAfter) || !DETERMINERS.has(part.tokens[end]?.lower ?? '')) return undefined;
  const phrase: Token[] = [];
  let closed = false;
  for (const token of part.tokens.slice(end + 1, end + 5)) {
    if (APPOSITION_ENDS.has(token.lower)) {
      closed = true;
      break;
    }
    phrase.push(token);
    if (token.gapAfter.trim() !== '') {
      closed = true;
      break;
    }
  }
  // `Directed by Antoine Fuqua, the film was`: a clause's subject after a fronted phrase, no apposition.
  const head = closed ? phrase.at(-1) : undefined;
  const aPerson = phrase.some(({ lower: word }) => isPersonCue(word) || isTitleWord(word) || PERSON_NOUNS.has(word));
  return head !== undefined && !aPerson && !head.possessive && isObjectNoun(head.lower) ? rejected(name, KIND_OF_THING) : undefined;
};

/** `Krispy Kreme shares fell`, `Cairn's profits`: what only a company has. */
const companyAfter: NameStep = ({ part, end, words, name }) => {
  const gap = words.at(-1)!.gapAfter;
  return (gap === ' ' || words.at(-1)!.possessive) && COMPANY_NOUNS.has(part.tokens[end]?.lower ?? '')
    ? rejected(name, KIND_OF_THING)
    : undefined;
};

/** `Stars of the Eurovision Song Contest`: after a title's `of`, words with no given name are what the title is of. */
const titleOf: NameStep = ({ prefix, titled, tail, name }) =>
  titled && tail.length > 1 && TITLE_JOINERS.has(prefix.at(-1)?.lower ?? '') && !tail.some(isGivenName)
    ? rejected(name, 'qualifies a role')
    : undefined;

/** `Liquid Crystal Display (LCD)`, `LCD (Liquid Crystal Display)`: a phrase beside its initials is a thing's name. */
const spelledOutAcronym: NameStep = ({ words, end, first, part, name }) => {
  const initials = words.map((word) => word.text[0]).join('');
  const next = part.tokens[end];
  const previous = part.tokens[first - 1];
  const after = next !== undefined && words.at(-1)!.gapAfter.trim() === '(' && isAcronym(next.text) && initials.endsWith(next.text);
  const before = previous !== undefined && previous.gapAfter.trim() === '(' && isAcronym(previous.text) && initials.endsWith(previous.text);
  return after || before ? rejected(name, 'object') : undefined;
};

/** `Rotherham v Yeovil`: the sides of a fixture are teams, however many words follow. */
const fixtureSide: NameStep = ({ before, after, prefix, name }) =>
  (prefix.length === 0 && before !== undefined && FIXTURE_WORDS.has(before.lower)) ||
  (after !== undefined && FIXTURE_WORDS.has(after.lower))
    ? rejected(name, 'object')
    : undefined;

/** `Harry Potter director Alfonso Cuaron`: a phrase qualifying the next person's role is not a person. */
const qualifiesRole: NameStep = ({ part, words, end, after, titled, name }) => {
  const last = words.at(-1)!;
  if (titled || after === undefined || last.gapAfter !== ' ' || last.possessive) return undefined;
  const { tokens } = part;
  // `Harry Potter director Alfonso Cuaron`: a person word after the phrase, then a name.
  const beforeName = isPersonCue(after.lower) && isCapitalised(tokens[end + 1]?.text ?? '');
  // `Microsoft Windows Client product manager, said`: a lowercase word and a person word, then a pause.
  const beforePause =
    after.gapAfter === ' ' &&
    !isCapitalised(after.text) &&
    !ROLE_STOPS.has(after.lower) &&
    isPersonCue(tokens[end + 1]?.lower) &&
    /^\s*[,;:.)]/.test(tokens[end + 1]!.gapAfter);
  return beforeName || beforePause ? rejected(name, 'qualifies a role') : undefined;
};

const placeName: NameStep = ({ tail, name }) =>
  PLACE_OPENERS.has(lower(tail[0]!)) || PLACE_CLOSERS.has(lower(tail.at(-1)!)) ? rejected(name, 'place') : undefined;

/** `Light My Fire`: a capitalised function word inside says a title of a work. */
const titleOfWork: NameStep = ({ tail, name }) =>
  tail.some((word) => FUNCTION_WORDS.has(lower(word))) ? rejected(name, 'work') : undefined;

/** Steps on the name, in order; the first to return a reading decides, else the evidence does. */
const NAME_STEPS: readonly NameStep[] = [
  curatedNotPerson,
  countryName,
  knownPerson,
  numberedThing,
  keptTitle,
  singleWord,
  objectCue,
  describedAsThing,
  companyAfter,
  titleOf,
  fixtureSide,
  spelledOutAcronym,
  qualifiesRole,
  placeName,
  titleOfWork,
];

const titleBefore: Evidence = ({ titled, officeTitled, tail }) => officeTitled || (titled && !commonWords().has(lower(tail[0]!)));

/** `Mr Pound` elsewhere in the text confirms `Stephen Pound`. */
const honouredSurname: Evidence = ({ tail }, { honoured }) => honoured.has(tail.at(-1)!);

const personWordBefore: Evidence = ({ bareBefore, cueBefore, spokeBefore }) => bareBefore !== undefined && (cueBefore || spokeBefore);

const speechAfter: Evidence = ({ spokeAfter }) => spokeAfter;

/** `X died`, `X was jailed`, `X's wife`: what only a person does, or has. */
const personalAfter: Evidence = ({ part, words, end }) => {
  const last = words.at(-1)!;
  const next = part.tokens[end];
  if (next === undefined) return false;
  if (last.possessive) return KINSHIP_NOUNS.has(next.lower);
  if (last.gapAfter !== ' ') return false;
  return (
    PERSON_VERBS.has(next.lower) ||
    (next.lower === 'was' && next.gapAfter === ' ' && PERSON_PASSIVES.has(part.tokens[end + 1]?.lower ?? ''))
  );
};

const describedAfter: Evidence = ({ apposition }) => apposition;

const givenNameFirst: Evidence = ({ tail }) => isGivenName(tail[0]);

/** `Ethiopia's Tirunesh Dibaba`, `another Ethiopian, Berhane Adera`. */
const countryBefore: Evidence = ({ before, prefix }, { rules }) =>
  before !== undefined && prefix.length === 0 && rules.countryNames.has(before.text) && (before.possessive || isCommaGap(before.gapAfter));

/** The surname used alone elsewhere in the text, the first word not. */
const surnameAlone: Evidence = ({ tail }, { lone }) => lone.has(tail.at(-1)!) && !lone.has(tail[0]!);

/** A country in brackets: `(Ethiopia)`, `(South Africa)`. */
const BRACKETED = /^ \(([^()]{2,40})\)/;

/**
 * `1. Gete Wami (Ethiopia) 14:59.2`, `(Australia), Jarmo Sandelin (Sweden)`: an entrant of a
 * results list, ranked or listed after another, with the country they compete for.
 */
const entrantOfCountry: Evidence = ({ part, words, before }, { rules }) => {
  const country = BRACKETED.exec(part.text.slice(words.at(-1)!.end))?.[1];
  if (country === undefined || !rules.countryNames.has(country) || before === undefined) return false;
  const ranked = /^\d{1,3}$/.test(before.text) && before.gapAfter === '. ';
  const listed = before.gapAfter === '), ' && rules.countryNames.has(before.text);
  return ranked || listed;
};

/** Evidence enough even for a name made only of everyday words (`Without Borders`, `Six Nations`). */
const STRONG_EVIDENCE: readonly Evidence[] = [titleBefore, honouredSurname];
const EVIDENCE: readonly Evidence[] = [
  ...STRONG_EVIDENCE,
  personWordBefore,
  speechAfter,
  personalAfter,
  describedAfter,
  givenNameFirst,
  countryBefore,
  entrantOfCountry,
  surnameAlone,
];

/** A name no step decided: proven by any one piece of evidence, else left for a proven name it is listed with. */
function weighEvidence(nameRun: NameRun, context: Context): Reading {
  const everydayFirst = commonWords().has(lower(nameRun.tail[0]!));
  // Cutting a word that is no title off the front of a run leaves a fragment when what remains
  // opens with an everyday word (`Star Wars Battlefront`) or follows a place's first word (`San
  // Francisco Ballet`): the whole run is one thing, no person.
  const cutAfterPlace = PLACE_OPENERS.has(nameRun.prefix.at(-1)?.lower ?? '');
  if ((everydayFirst || cutAfterPlace) && (nameRun.opener || nameRun.prefix.length > 0) && !nameRun.officeTitled)
    return skipped(nameRun.text, 'fragment');
  // Nor after an organisation's word, unless a given name opens what remains (`Banca Nazionale
  // del Lavoro` is a bank; `Fox News John Smith` holds a person).
  const cutAfterThing = NON_PERSON_WORDS.has(nameRun.prefix.at(-1)?.lower ?? '') && !isGivenName(nameRun.tail[0]);
  if (cutAfterThing && !nameRun.titled) return skipped(nameRun.text, 'fragment');
  // Every word everyday and none a given name (`Salary Bonus` under a table's `Chief Executive`
  // header): a phrase, unless an honorific says a person (`Mr Long`).
  const everydayOnly = nameRun.tail.every((word) => commonWords().has(lower(word)) && !isGivenName(word));
  const honorific = nameRun.prefix.some(({ lower: word }) => HONORIFICS.has(word));
  if (everydayOnly && nameRun.tail.length > 1 && !honorific && !honouredSurname(nameRun, context))
    return skipped(nameRun.text, 'everyday words');
  // An everyday word first (`Free Mojtaba`, `European Elvis`, `Six Nations`) takes a title or an honorific to be a name.
  const proven = (everydayFirst ? STRONG_EVIDENCE : EVIDENCE).some((evidence) => evidence(nameRun, context));
  const role = roleOf(nameRun);
  return { kind: 'candidate', proven, name: nameRun.name, first: nameRun.first, last: nameRun.end - 1, ...(role ? { role } : {}) };
}

/** The name a run ends in, with what surrounds it; none when the run holds no name (`The`, `BBC`). */
function nameRunOf(run: Run, rules: NameRules): NameRun | undefined {
  const { part, words, first } = run;
  const { tokens } = part;
  const last = words.at(-1)!;
  const end = first + words.length;
  const after = tokens[end];
  const before = tokens[first - 1];
  const adjacentBefore = before !== undefined && before.gapAfter === ' ';
  const cueBefore = adjacentBefore && isPersonCue(before.lower);
  // `a spokesman for Allied Domecq told`: the speaker is the spokesman, not the firm.
  const spokeAfter =
    after !== undefined &&
    (last.gapAfter === ' ' || last.gapAfter === ', ') &&
    SPEECH_VERBS.has(after.lower) &&
    !(adjacentBefore && ['for', 'of', 'at', 'from'].includes(before.lower));
  // `said John Smith`, `quoted John Smith as saying`.
  const spokeBefore =
    adjacentBefore &&
    (['said', 'says'].includes(before.lower) ||
      (before.lower === 'quoted' && last.gapAfter === ' ' && after?.lower === 'as' && tokens[end + 1]?.lower === 'saying'));
  const apposition = describesPerson(tokens, end, last.gapAfter) || describedBefore(tokens, first, last);
  const { tail, prefix } = nameTail(words, cueBefore || spokeAfter || spokeBefore || apposition, rules);
  if (tail.length === 0) return undefined;
  // A capitalised sentence opener is not a first name (`Despite`, `Shares`).
  const opener =
    prefix.length === 0 &&
    words[0]!.sentenceStart &&
    tail.length > 1 &&
    commonWords().has(lower(tail[0]!)) &&
    !rules.countryNames.has(tail[0]!);
  // `New Yorker William Trowbridge`: the same for a people's word of two after a place's first word.
  const placePeople = tail.length >= 4 && PLACE_OPENERS.has(lower(tail[0]!)) && isGivenName(tail[2]);
  if (placePeople) tail.splice(0, 2);
  else if (opener) tail.shift();
  // `Backbencher Stephen Pound`, `Scots Guardsman Allan Hendry`: an unlisted word for a role or a
  // people before a given name and surname. Only a word shaped like one: an unknown given name
  // (`Sion Aubrey Roberts`) is part of the name, not to be cut.
  if (
    tail.length >= 3 &&
    !isGivenName(tail[0]) &&
    isGivenName(tail[1]) &&
    !(NAME_PARTICLES.has(lower(tail[1]!)) && !isGivenName(tail[1])) &&
    /^\p{Lu}\p{Ll}{2,}$/u.test(tail[0]!) &&
    !FUNCTION_WORDS.has(lower(tail[0]!)) &&
    (commonWords().has(lower(tail[0]!)) || ROLE_ENDING.test(tail[0]!))
  )
    tail.shift();
  // `Dane Kenneth Carlsen`: a word for a people before a given name and surname is no part of the name.
  if (tail.length >= 3 && rules.countryNames.has(tail[0]!) && isGivenName(tail[1])) tail.shift();
  const officeTitled = prefix.some(({ lower: word }) => HONORIFICS.has(word) || isTitleWord(word) || NAME_KEEPING_TITLES.has(word));
  // `Chancellor of the Exchequer Gordon Brown`: what follows a title's `of` up to the name is the title's.
  if (officeTitled && TITLE_JOINERS.has(prefix.at(-1)!.lower) && tail.length >= 2 && !isGivenName(tail[0])) {
    const given = tail.findIndex(isGivenName);
    const titleWords = given > 0 && tail.length - given >= 2 ? given : given < 0 ? tail.length - 1 : 0;
    prefix.push(...words.slice(prefix.length, prefix.length + titleWords));
    tail.splice(0, titleWords);
  }
  const name = normaliseName(tail.join(' '));
  return {
    ...run,
    prefix,
    tail,
    name,
    nameKey: lower(name),
    end,
    before,
    after,
    bareBefore: prefix.length === 0 && adjacentBefore ? before : undefined,
    titled: officeTitled || prefix.some(({ lower: word }) => isPersonCue(word)),
    officeTitled,
    cueBefore,
    spokeBefore,
    spokeAfter,
    apposition,
    opener,
  };
}

/** How one capitalised run reads; none when it holds no name at all. */
function readRun(part: Segment, runTokens: readonly Token[], first: number, context: Context): Reading | undefined {
  const ship = runTokens.findIndex((token, index) => SHIP_PREFIXES.has(token.lower) && index < runTokens.length - 1);
  const words = ship >= 0 ? runTokens.slice(0, ship) : runTokens;
  if (words.length === 0) return skipped(part.text.slice(runTokens[0]!.start, runTokens.at(-1)!.end), 'ship');
  const text = normaliseName(part.text.slice(words[0]!.start, words.at(-1)!.end));
  const run: Run = { part, words, first, text, key: lower(text) };
  for (const step of RUN_STEPS) {
    const reading = step(run, context);
    if (reading) return reading;
  }
  const nameRun = nameRunOf(run, context.rules);
  if (!nameRun) return undefined;
  for (const step of NAME_STEPS) {
    const reading = step(nameRun, context);
    if (reading) return reading;
  }
  return weighEvidence(nameRun, context);
}

/** What each capitalised run of one text reads as, in order. */
function readingsIn(part: Segment, context: Context): Reading[] {
  const readings: Reading[] = [];
  for (const span of part.spans) {
    const reading = readRun(part, span.tokens, span.first, context);
    // `Barry Gibb of The Bee Gees`: when the run reads as what follows its `of`, the words before are read too.
    const first = span.tokens[0]!.text;
    const coversFirst = reading !== undefined && (reading.kind === 'single' ? reading.word : reading.name).split(' ').includes(first);
    const before = coversFirst ? undefined : readBeforeJoiner(part, span, context);
    if (before) readings.push(before);
    if (reading) readings.push(reading);
  }
  return readings;
}

/** `Orin Middleton of Barclays Capital`: the name before an organisation it belongs to. */
function readBeforeJoiner(part: Segment, span: Span, context: Context): Reading | undefined {
  const joiner = span.tokens.findIndex((token) => PHRASE_JOINERS.has(token.lower));
  return joiner > 0 ? readRun(part, span.tokens.slice(0, joiner), span.first, context) : undefined;
}

/** How each capitalised run of `text` reads on its own, before the readings are folded: a window on the rules. */
export function readText(text: string, rules: NameRules): Reading[] {
  const part = segment(text);
  return readingsIn(part, { honoured: honouredWords([part]), lone: loneWords([part]), rules });
}

/** Proves the unproven candidates listed with a proven one: `Hayley Yelling and Justyna Bak`. */
function proveListed(proven: Candidate[], unproven: Candidate[], tokens: readonly Token[]): void {
  const joinedTo = (candidate: Candidate, other: Candidate) =>
    (other.last + 2 === candidate.first && tokens[other.last + 1]?.lower === 'and') ||
    (other.last + 1 === candidate.first && isCommaGap(tokens[other.last]!.gapAfter));
  for (let added = true; added;) {
    added = false;
    for (const candidate of [...unproven]) {
      if (proven.some((other) => joinedTo(candidate, other) || joinedTo(other, candidate))) {
        proven.push(candidate);
        unproven.splice(unproven.indexOf(candidate), 1);
        added = true;
      }
    }
  }
}

function namesIn(part: Segment, context: Context): SegmentNames {
  const names: SegmentNames = { people: [], singles: [], unproven: [], rejected: new Set(), things: new Set() };
  const proven: Candidate[] = [];
  const unproven: Candidate[] = [];
  for (const reading of readingsIn(part, context)) {
    if (reading.kind === 'person') names.people.push(reading.role ? { name: reading.name, role: reading.role } : { name: reading.name });
    else if (reading.kind === 'single') names.singles.push(reading);
    else if (reading.kind === 'rejected') {
      names.rejected.add(reading.name);
      if (reading.reason === KIND_OF_THING) names.things.add(reading.name);
    } else if (reading.kind === 'candidate') (reading.proven ? proven : unproven).push(reading);
  }
  proveListed(proven, unproven, part.tokens);
  names.unproven = unproven.map((candidate) => candidate.name);
  // Proven names follow the text's order, whichever way they were proven.
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
  if (rules.countryNames.has(single.word) || NON_PERSON_WORDS.has(plain) || isTitleWord(plain) || HONORIFICS.has(plain)) return false;
  if (WEEKDAYS_AND_MONTHS.has(plain) || isAcronym(single.word) || rules.notPeople.has(plain)) return false;
  // Twice capitalised inside a sentence: a proper noun, not a sentence opener like `Its`.
  return single.marked || occurrences >= 2;
}

interface PartNames {
  people: string[];
  /** Names a part says are things. */
  things: Set<string>;
  lone: string[];
  unproven: string[];
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
  const unproven = [...new Set(found.flatMap((names) => names.unproven))].filter(
    (name) => !rejected.has(name) && !people.some((person) => person === name || person.endsWith(` ${name}`)),
  );
  return { people, things: new Set(found.flatMap((names) => [...names.things])), lone, unproven, roles };
}

/** A word in capitals of three letters or more: an acronym (`NATO`) stays as it is unless it reads as a name. */
const SHOUTED = /^\p{Lu}[\p{Lu}'’-]{2,}$/u;
const titleCase = (word: string) =>
  word.toLowerCase().replace(/(^|[-'’])(\p{Ll})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());

/** A demonym after `in` and before a pause names a language: `in English and Russian`. */
function isLanguageUse(tokens: readonly Token[], at: number, length: number, term: string): boolean {
  // Only a language's name: `in London.` is a place.
  if (!LANGUAGE_NAMES.has(term)) return false;
  const before = tokens[at - 1];
  const last = tokens[at + length - 1]!;
  const next = tokens[at + length];
  // `in English and Russian`: the second of two languages after `in`.
  const afterLanguage =
    ['and', 'or'].includes(before?.lower ?? '') && LANGUAGE_NAMES.has(tokens[at - 2]?.text ?? '') && tokens[at - 3]?.lower === 'in';
  return (
    before !== undefined &&
    (before.lower === 'in' || afterLanguage) &&
    (/^\s*[.,;:)]/.test(last.gapAfter) || next === undefined || ['and', 'or'].includes(next.lower))
  );
}

/** The capitalised run each token is in, by token index, as the token range of the name it can be part of. */
function spanBounds(part: Segment, words: readonly string[], rules: NameRules): Map<number, { first: number; end: number }> {
  const spanOf = new Map<number, { first: number; end: number }>();
  for (const span of part.spans) {
    const first = span.tokens[0]!;
    // A capitalised sentence opener (`The US firm`, `A British author`) is not part of the name after it.
    // A country's name may open with an everyday word itself (`North Korean leader`).
    const opensCountry = phraseAt(rules.countryPhrases, words, span.first) !== undefined;
    const opener = span.tokens.length > 1 && first.sentenceStart && commonWords().has(first.lower) && !opensCountry ? 1 : 0;
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
  // Wire copy capitalises whole headlines and datelines (`JAPAN GET LUCKY WIN`): read as names.
  const words = tokens.map((token) =>
    SHOUTED.test(token.text) && !rules.countryPhrases.has(token.text) ? titleCase(token.text) : token.text,
  );
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
    if (personWords.has(phrase) || isLanguageUse(tokens, at, length, phrase)) continue;
    spanOf ??= spanBounds(part, words, rules);
    const span = spanOf.get(at);
    // The phrase is a run of its own, though it may hold lowercase words (`Trinidad and Tobago`).
    const wholeSpan = span !== undefined && span.first === at && spanOf.get(at + length - 1)?.end === at + length;
    const following = tokens[at + length];
    const opensTitle =
      span?.first === at &&
      following !== undefined &&
      span.end > at + length &&
      (isTitleWord(following.lower) || HONORIFICS.has(following.lower));
    // `American Taylor Dent`, `Swede Joachim Johansson`: a people's word before a person's name.
    const opensName = following !== undefined && span !== undefined && span.end > at + length && personWords.has(following.text);
    if (isHeadline || wholeSpan || opensTitle || opensName) add(phrase);
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
  const inHeadline = peopleOf([headline], main.people, context);
  const captionNames = peopleOf(caption, main.people, { ...context, lone: loneWords(caption) });
  // What any part says is a thing (`Krispy Kreme shares hit`) is no person in the others either.
  const things = new Set([...main.things, ...inHeadline.things, ...captionNames.things]);
  const isPerson = (name: string) => !things.has(name);
  const people = [...new Set([...main.people, ...inHeadline.people.filter((name) => main.people.includes(name))])].filter(isPerson);

  const personWords = personWordsOf([...people, ...captionNames.people]);
  const countries = [
    ...new Set([
      ...countriesIn(headline, personWords, true, rules),
      ...body.flatMap((part) => countriesIn(part, personWords, false, rules)),
    ]),
  ];
  const captionCountries = [...new Set(caption.flatMap((part) => countriesIn(part, personWords, false, rules)))];

  const roles: Record<string, string> = {};
  for (const [name, role] of [...main.roles, ...captionNames.roles]) roles[name] ??= role;
  return {
    people,
    countries,
    captionPeople: captionNames.people.filter(isPerson),
    captionCountries,
    roles,
    loneNames: main.lone.filter((word) => !personWords.has(word)),
    captionLoneNames: captionNames.lone.filter((word) => !personWords.has(word)),
    unprovenNames: main.unproven.filter(isPerson),
    captionUnprovenNames: captionNames.unproven.filter((name) => isPerson(name) && !people.includes(name)),
    things: [...things].sort(),
  };
}
