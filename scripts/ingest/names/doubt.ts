/**
 * How doubtful a name the registry does not list yet is, so that `--report` shows a maintainer
 * the likely mistakes first. A name's doubt is the sum of the weights of the reasons that apply
 * to it (DOUBT_WEIGHTS), each reason given in words. It reads only the name, the word lists the
 * rules use and what the stories recorded: how many name it and whether any gave it a role.
 */
import { spellingSkeleton, type NewName } from '../resolve.ts';
import {
  allGivenNames,
  commonWords,
  FUNCTION_WORDS,
  NAME_KEEPING_TITLES,
  NON_PERSON_WORDS,
  PLACE_CLOSERS,
  PLACE_OPENERS,
  isTitleWord,
} from './lexicon.ts';

/** Every reason's weight, in one place: positive for doubt, negative for evidence of a person. */
export const DOUBT_WEIGHTS = {
  /** A word that makes phrases organisations, works, places or events (`Forrester Research`). */
  organisationWord: 3,
  /** A function word after the first word, as in titles of works (`Love of My Life`). */
  functionWord: 3,
  /** Every word an everyday one (`Reservoir Dogs`); not after a peer's title (`Lord Butler`). */
  everydayWords: 3,
  /** Opens or closes like a place (`West Ham`, `Ealing North`). */
  placeWord: 2,
  /** An everyday word first, a sentence's opening glued to a name (`Although Wal-Mart`). */
  everydayFirstWord: 2,
  /** `J Lewsey`: usually a full name written short. */
  initial: 1,
  /** Likely the same person as a name the registry lists or more stories use. */
  samePerson: 1,
  /** A word of office or rank (`Rainey Senior`); surnames are often one (`John Major`), so it weighs little. */
  titleWord: 1,
  unknownGivenName: 1,
  noRole: 1,
  oneStory: 1,
  givenName: -1,
  manyStories: -1,
  /** A story gave the name a role (`Kamal Kharrazi, an adviser`). */
  role: -2,
} as const;

/** Named in this many stories or more counts as evidence of a person. */
export const MANY_STORIES = 5;

export interface Reason {
  weight: number;
  /** The reason in words, quoting the word it is about (`'Research' is an organisation, work or place word`). */
  why: string;
}

export interface Doubt extends NewName {
  score: number;
  /** Heaviest first. */
  reasons: Reason[];
  /** The name of the person this one likely names too: a registered one, or one more stories use. */
  sameAs?: string;
}

const ENGLISH_ORDER = new Intl.Collator('en');
const wordsOf = (name: string) => name.split(' ');
const isInitial = (word: string) => /^\p{Lu}\.?$/u.test(word);

/** How the first word weighs: a peer's title stands in for a given name (`Lord Falconer`), an initial has its own reason. */
function firstWordReason(word: string, everyday: boolean): Reason {
  const lower = word.toLowerCase();
  if (allGivenNames().has(lower)) return { weight: DOUBT_WEIGHTS.givenName, why: `'${word}' is a known given name` };
  if (commonWords().has(lower) && !everyday)
    return { weight: DOUBT_WEIGHTS.everydayFirstWord, why: `'${word}' is an everyday word, no given name` };
  return { weight: DOUBT_WEIGHTS.unknownGivenName, why: `'${word}' is no known given name` };
}

/** The reasons that apply to `entry`, heaviest first, and their sum; `sameAs` from `rankByDoubt`. */
export function doubtOf(entry: NewName, sameAs?: string): Doubt {
  const words = wordsOf(entry.name);
  const lower = words.map((word) => word.toLowerCase());
  const titled = words.length >= 2 && NAME_KEEPING_TITLES.has(lower[0]!);
  const reasons: Reason[] = [];
  const add = (weight: number, why: string) => reasons.push({ weight, why });

  const organisation = words.find((_, index) => NON_PERSON_WORDS.has(lower[index]!));
  if (organisation !== undefined) add(DOUBT_WEIGHTS.organisationWord, `'${organisation}' is an organisation, work or place word`);
  const joiner = words.find((_, index) => index > 0 && FUNCTION_WORDS.has(lower[index]!));
  if (joiner !== undefined) add(DOUBT_WEIGHTS.functionWord, `'${joiner}' inside, as in the title of a work`);
  const everyday = !titled && lower.every((word) => commonWords().has(word));
  if (everyday) add(DOUBT_WEIGHTS.everydayWords, 'everyday words only');
  const place = PLACE_OPENERS.has(lower[0]!) ? words[0] : words.length >= 2 && PLACE_CLOSERS.has(lower.at(-1)!) ? words.at(-1) : undefined;
  if (place !== undefined && place !== organisation) add(DOUBT_WEIGHTS.placeWord, `'${place}' as in place names`);
  if (sameAs !== undefined) add(DOUBT_WEIGHTS.samePerson, `likely the same person as ${sameAs}`);
  const title = words.find((_, index) => isTitleWord(lower[index]!));
  if (title !== undefined) add(DOUBT_WEIGHTS.titleWord, `'${title}' is a title word`);
  if (isInitial(words[0]!)) add(DOUBT_WEIGHTS.initial, 'an initial for a given name');
  else if (!titled) reasons.push(firstWordReason(words[0]!, everyday));
  if (entry.role === undefined) add(DOUBT_WEIGHTS.noRole, 'no role in any story');
  else add(DOUBT_WEIGHTS.role, `a role in ${entry.withRole === 1 ? 'one story' : `${entry.withRole} stories`} ('${entry.role}')`);
  if (entry.articles === 1) add(DOUBT_WEIGHTS.oneStory, 'one story');
  else if (entry.articles >= MANY_STORIES) add(DOUBT_WEIGHTS.manyStories, `${entry.articles} stories`);

  reasons.sort((a, b) => b.weight - a.weight);
  const score = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return { ...entry, score, reasons, ...(sameAs === undefined ? {} : { sameAs }) };
}

/** The word-suffixes of a name that are names themselves, two words or more: `Gordon Brown` of `Exchequer Gordon Brown`. */
function shorterForms(name: string): string[] {
  const words = wordsOf(name);
  return words.slice(1, -1).map((_, index) => words.slice(index + 1).join(' '));
}

/** The names a name is compared with: each name's number of stories (Infinity if registered), by surname and by shorter form. */
interface KnownNames {
  stories: ReadonlyMap<string, number>;
  bySurname: ReadonlyMap<string, string[]>;
  byShorterForm: ReadonlyMap<string, string[]>;
}

function knownNames(names: readonly NewName[], registered: readonly string[]): KnownNames {
  const stories = new Map<string, number>(registered.map((name) => [name, Number.POSITIVE_INFINITY]));
  for (const entry of names) stories.set(entry.name, entry.articles);
  const all = [...stories.keys()];
  const byShorterForm = new Map<string, string[]>();
  for (const name of all) for (const form of shorterForms(name)) byShorterForm.set(form, [...(byShorterForm.get(form) ?? []), name]);
  return { stories, bySurname: Map.groupBy(all, (name) => spellingSkeleton(wordsOf(name).at(-1)!)), byShorterForm };
}

/**
 * The one other name likely naming the person `name` names: the same name with words more or fewer in front
 * (`Exchequer Gordon Brown` and `Gordon Brown`, `De Niro` and `Robert De Niro`), or given name and
 * surname spelled alike (`Matthew Tait`, `Mathew Tait`), whichever is registered or in more stories
 * (then first in English order); or, for an initial, the full given name (`R O'Gara`, `Ronan O'Gara`).
 * None when two qualify (`M Williams`: Martyn or Matt?).
 */
function samePerson(name: string, known: KnownNames): string | undefined {
  const { stories, bySurname, byShorterForm } = known;
  const words = wordsOf(name);
  const surname = spellingSkeleton(words.at(-1)!);
  // A name in another script has no skeleton to compare.
  if (words.length < 2 || surname === '') return undefined;
  const given = words[0]!;
  const preferred = (other: string) => (stories.get(other)! - stories.get(name)! || ENGLISH_ORDER.compare(name, other)) > 0;
  const sameSurname = (bySurname.get(surname) ?? []).filter((other) => other !== name && wordsOf(other).length >= 2);
  const candidates = isInitial(given)
    ? sameSurname.filter((other) => other.startsWith(given[0]!) && !isInitial(wordsOf(other)[0]!))
    : [
        ...sameSurname.filter((other) => spellingSkeleton(wordsOf(other)[0]!) === spellingSkeleton(given)),
        ...shorterForms(name).filter((form) => stories.has(form)),
        ...(byShorterForm.get(name) ?? []),
      ].filter(preferred);
  const unique = [...new Set(candidates)];
  return unique.length === 1 ? unique[0] : undefined;
}

/**
 * `names` most doubtful first; of equal doubt, the one in more stories first (correcting it
 * fixes more pages). `registered` are the registry's names, which other spellings point to.
 */
export function rankByDoubt(names: readonly NewName[], registered: readonly string[]): Doubt[] {
  const known = knownNames(names, registered);
  return names
    .map((entry) => doubtOf(entry, samePerson(entry.name, known)))
    .sort((a, b) => b.score - a.score || b.articles - a.articles || ENGLISH_ORDER.compare(a.name, b.name));
}
