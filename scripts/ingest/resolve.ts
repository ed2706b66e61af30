/**
 * Stage 6, resolve: the names of every article settled against the archive. Spellings of one
 * person (`Abbas Araqchi`, `Abbas Araghchi`; a later misspelling, `Akira Hurosawa`; a word glued
 * on, `Defiant Matt Williams`) become one canonical name, the one most used on the day the
 * person was first named, when they share a given name or the registry lists them; a name an
 * earlier story called a thing (`Krispy Kreme shares`) is no person unless a story gives it a role;
 * a lone surname an article never spells out becomes the one person of that surname the archive
 * knows by that article's day; per-article overrides are applied last. Nothing here looks at
 * later days, so adding a day never changes the stories before it.
 */
import type { Extraction, ArticleTags } from './extract.ts';
import { isGivenName, NAME_PARTICLES } from './names/lexicon.ts';
import type { NameRules } from './names/rules.ts';

export interface ArchiveArticle {
  /** `YYYY-MM-DD/<slug>`, the id overrides use. */
  id: string;
  extraction: Extraction;
}

/**
 * Letters only, folded so common transliteration variants meet: `Araqchi`/`Araghchi`,
 * `Qaddafi`/`Gaddafi`, `Zelensky`/`Zelenskyy`, `Peirce`/`Pierce`.
 */
export function spellingSkeleton(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/q/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/y$/, 'i')
    .replace(/ei/g, 'ie')
    .replace(/(.)\1+/g, '$1');
}

/** Ties broken in English order; one collator, as localeCompare with a locale builds one per call. */
const ENGLISH_ORDER = new Intl.Collator('en');

const words = (name: string) => name.split(' ');
const surname = (name: string) => words(name).at(-1)!;
/** A name given by an initial and a surname only (`J Lewsey`, `C Sweeney`). */
const initialled = (name: string) => /^\p{Lu}$/u.test(words(name)[0]!) && words(name).length >= 2;

/** An article id's day: `2026-02-07` of `2026-02-07/<slug>`. */
const dayOf = (id: string) => id.slice(0, id.indexOf('/'));

/** `a` made `b` by one letter added, dropped or changed, or two neighbours swapped (`Hurosawa`, `Kurosawa`). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const [restA, restB] = [a.slice(start, endA), b.slice(start, endB)];
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

/** `Sanders`/`Saunders`, `Jameson`/`Jamieson`: surnames that differ by a vowel are spellings of their own. */
function vowelApart(a: string, b: string): boolean {
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length !== shorter.length + 1) return false;
  let at = 0;
  while (at < shorter.length && longer[at] === shorter[at]) at++;
  return /[aeiou]/.test(longer[at]!) && longer.slice(at + 1) === shorter.slice(at);
}

/**
 * A word this long or longer may be misspelt by one letter and still name the same person
 * (`Damien Hockney`, `Akira Hurosawa`); shorter names one letter apart are as often two people
 * (`John Kerry`, `John Terry`; `David Davis`, `David Davies`).
 */
const MISSPELLABLE_LENGTH = 6;

const misspelt = (a: string, b: string) => a.length >= MISSPELLABLE_LENGTH && b.length >= MISSPELLABLE_LENGTH && oneEditApart(a, b);

/** Two full spellings the archive takes for one person's: the same skeleton, or one long word misspelt. */
export function spelledAlike(a: string, b: string): boolean {
  if (spellingSkeleton(a) === spellingSkeleton(b)) return true;
  const [wordsA, wordsB] = [words(a), words(b)];
  if (wordsA.length !== wordsB.length || wordsA.length < 2) return false;
  const differing = wordsA.flatMap((word, at) => (spellingSkeleton(word) === spellingSkeleton(wordsB[at]!) ? [] : [at]));
  return differing.length === 1 && misspelt(wordsA[differing[0]!]!.toLowerCase(), wordsB[differing[0]!]!.toLowerCase());
}

/**
 * The canonical full names met so far, looked up by a new name that is one of them misspelt:
 * the same words but one, and that one a long word one letter off. A surname some other person
 * already bears, or one a vowel apart, is a surname of its own, not a misspelling (`Paul Thomson`
 * beside `Paul Thompson`, `Peter Saunders` beside `Peter Sanders`).
 */
function nearSpellings() {
  const byOtherWords = new Map<string, string[]>();
  const surnamesBorne = new Set<string>();
  const keysOf = (name: string) =>
    words(name).map((_, at) =>
      words(name)
        .map((word, index) => (index === at ? '*' : spellingSkeleton(word)))
        .join(' '),
    );
  return {
    add(name: string): void {
      for (const key of keysOf(name)) byOtherWords.set(key, [...(byOtherWords.get(key) ?? []), name]);
      for (const word of words(name).slice(1)) surnamesBorne.add(word.toLowerCase());
    },
    find(name: string): string | undefined {
      const spelled = words(name);
      for (const [at, key] of keysOf(name).entries()) {
        const word = spelled[at]!.toLowerCase();
        if (at > 0 && surnamesBorne.has(word)) continue;
        const match = byOtherWords.get(key)?.find((other) => {
          const otherWord = words(other)[at]!.toLowerCase();
          return misspelt(word, otherWord) && !(at > 0 && vowelApart(word, otherWord));
        });
        if (match) return match;
      }
      return undefined;
    },
  };
}

/**
 * Every spelling of a full name mapped to its canonical one: the registry's, else the one most
 * stories used on the day the person was first named. Later days never change it, so a person
 * keeps one page address and one feed however the spelling in the news drifts.
 */
function canonicalSpellings(articles: readonly ArchiveArticle[], rules: NameRules): Map<string, string> {
  const firstUse = new Map<string, { day: string; stories: number }>();
  for (const { id, extraction } of articles) {
    const day = dayOf(id);
    // Unproven names are spellings too: grouped now, a later day can never regroup them.
    for (const name of new Set([
      ...extraction.people,
      ...extraction.captionPeople,
      ...extraction.unprovenNames,
      ...extraction.captionUnprovenNames,
    ])) {
      const use = firstUse.get(name);
      if (!use || day < use.day) firstUse.set(name, { day, stories: 1 });
      else if (day === use.day) use.stories++;
    }
  }
  const registered = new Set(rules.curation.people.map((person) => person.name));
  const firstUsedFirst = (a: string, b: string) => {
    const [useA, useB] = [firstUse.get(a)!, firstUse.get(b)!];
    return (useA.day < useB.day ? -1 : useA.day > useB.day ? 1 : 0) || useB.stories - useA.stories || ENGLISH_ORDER.compare(a, b);
  };
  // Registered names first, then in order of first use: a name only ever joins a group begun
  // before it, so a day added later can join a group but never merge or split older ones.
  const fullNames = [...firstUse.keys()]
    .filter((name) => words(name).length >= 2)
    .sort((a, b) => Number(registered.has(b)) - Number(registered.has(a)) || firstUsedFirst(a, b));
  const canonical = new Map<string, string>();
  // The same letters up to transliteration, given name included, however many words they are
  // written in (`Dhiru Bhai Ambani`): evidence they are one person. An initial is no given name.
  const bySkeleton = new Map<string, string>();
  const near = nearSpellings();
  // `Saumarez Smith` for the `Charles Saumarez Smith` named before, when no one else ends so.
  const byTail = new Map<string, string | null>();
  const fullerName = (name: string) =>
    (words(name).length === 2 && !isGivenName(words(name)[0]) ? byTail.get(name) : undefined) ?? undefined;
  // `Defiant Matt Williams`, `Springboks John Smit`: a word that is no given name glued before a
  // person named before is no part of the name.
  const gluedOnto = (name: string) => {
    const [first, second, ...rest] = words(name);
    if (rest.length === 0 || NAME_PARTICLES.has(first!.toLowerCase()) || isGivenName(first) || !isGivenName(second)) return undefined;
    return canonical.get([second, ...rest].join(' '));
  };
  for (const name of fullNames) {
    const key = initialled(name) ? name : spellingSkeleton(name);
    const chosen = bySkeleton.get(key) ?? (initialled(name) ? undefined : (near.find(name) ?? fullerName(name) ?? gluedOnto(name))) ?? name;
    bySkeleton.set(key, chosen);
    canonical.set(name, chosen);
    if (chosen !== name) continue;
    near.add(name);
    const [first, ...rest] = words(name);
    if (rest.length === 2 && isGivenName(first)) byTail.set(rest.join(' '), byTail.has(rest.join(' ')) ? null : name);
  }
  for (const person of rules.curation.people) {
    for (const alias of person.aliases) canonical.set(alias, person.name);
  }
  return canonical;
}

function unique(names: Iterable<string>): string[] {
  return [...new Set(names)];
}

/**
 * What the archive knows of people as its days are read in order: which canonical people carry
 * each surname, in how many stories each is named, and in how many each word stands alone.
 */
function peopleKnownSoFar(canonicalOf: (name: string) => string) {
  const surnamesOf = new Map<string, Set<string>>();
  const bearers = new Map<string, Set<string>>();
  const storiesNaming = new Map<string, number>();
  const storiesLeavingAlone = new Map<string, number>();
  // Canonical full names some story so far gave a role (`the winger Josh Lewsey`): evidence enough
  // for a story that only names them.
  const proven = new Set<string>();
  // Names some story so far called a thing (`firm Grant Thornton`, `Krispy Kreme shares`).
  const things = new Set<string>();
  // Each spelling once, though many stories name it: its surnames are the same every time.
  const spellingsSeen = new Set<string>();
  const learnSpelling = (spelling: string) => {
    if (spellingsSeen.has(spelling)) return;
    spellingsSeen.add(spelling);
    const name = canonicalOf(spelling);
    if (words(spelling).length < 2 && words(name).length < 2) return;
    // `J Lewsey` is no person of its own to resolve others to: it is resolved itself.
    if (initialled(name)) return;
    const known = surnamesOf.get(name) ?? new Set<string>();
    surnamesOf.set(name, known);
    for (const family of [surname(spelling), surname(name)]) {
      known.add(family);
      bearers.set(family, (bearers.get(family) ?? new Set()).add(name));
    }
  };
  const count = (counts: Map<string, number>, keys: Iterable<string>) => {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  return {
    learnSpelling,
    learnStory(extraction: Extraction): void {
      for (const spelling of [...extraction.people, ...extraction.captionPeople]) learnSpelling(spelling);
      count(storiesNaming, extraction.people.map(canonicalOf));
      count(storiesLeavingAlone, extraction.loneNames);
      for (const name of Object.keys(extraction.roles)) if (words(name).length >= 2) proven.add(canonicalOf(name));
      // As spelled: a later day can bring a spelling that makes another name canonical, never change this.
      for (const name of extraction.things) things.add(name);
    },
    /**
     * A name some story so far called a thing is a person only where a story gave it a role
     * (`Mercedes Benz` is the carmaker however often it is said to have said something).
     */
    isThing(name: string, roles: Readonly<Record<string, string>>): boolean {
      return things.has(name) && !proven.has(name) && !Object.keys(roles).some((named) => canonicalOf(named) === name);
    },
    /** The names of `names` some story so far proved a person, canonical. */
    provenOf(names: readonly string[]): string[] {
      return names.map(canonicalOf).filter((name) => proven.has(name));
    },
    /** The person a lone `word` stands for: the one of `present` with that surname, else the one bearer known so far. */
    resolveLone(word: string, present: readonly string[]): string | undefined {
      const inArticle = present.filter((name) => surnamesOf.get(name)?.has(word));
      if (inArticle.length === 1) return inArticle[0];
      const inArchive = [...(bearers.get(word) ?? [])];
      if (inArchive.length !== 1) return undefined;
      const [person] = inArchive as [string];
      // A word left alone in more stories than its one bearer is named in is mostly something
      // else (`Blackburn` the club against `Tony Blackburn`): it is not resolved across stories.
      return (storiesLeavingAlone.get(word) ?? 0) <= (storiesNaming.get(person) ?? 0) ? person : undefined;
    },
    /** The one person `J Lewsey` can be: in the article, else in the archive so far, with that surname and a given name of that initial. */
    resolveInitialled(name: string, present: readonly string[]): string | undefined {
      const [initial, ...rest] = words(name);
      const family = rest.join(' ');
      const matches = (candidate: string) => {
        const parts = words(candidate);
        return parts.length >= 2 && parts.slice(1).join(' ').endsWith(family) && parts[0]!.length > 1 && parts[0]!.startsWith(initial!);
      };
      const inArticle = present.filter(matches);
      if (inArticle.length > 0) return inArticle.length === 1 ? inArticle[0] : undefined;
      const inArchive = [...(bearers.get(surname(name)) ?? [])].filter(matches);
      return inArchive.length === 1 ? inArchive[0] : undefined;
    },
  };
}

/**
 * `J Lewsey` as the one full name it can be; a name that can be more than one person, or none
 * the archive knows yet, is left off: a page for `J Lewsey` would split one person in two.
 */
function resolveInitials(names: readonly string[], known: ReturnType<typeof peopleKnownSoFar>, others: readonly string[] = []): string[] {
  const full = names.filter((name) => !initialled(name));
  return unique(
    names.flatMap((name) => {
      if (!initialled(name)) return [name];
      const person = known.resolveInitialled(name, [...full, ...others]);
      return person ? [person] : [];
    }),
  );
}

/** The articles' indexes grouped by day (an id's `YYYY-MM-DD` prefix), oldest day first. */
function indexesByDay(articles: readonly ArchiveArticle[]): number[][] {
  const days = Map.groupBy(articles.keys(), (index) => dayOf(articles[index]!.id));
  return [...days.keys()].sort().map((day) => days.get(day)!);
}

export function resolveArchive(articles: readonly ArchiveArticle[], rules: NameRules): ArticleTags[] {
  const canonical = canonicalSpellings(articles, rules);
  const canonicalOf = (name: string) => canonical.get(name) ?? name;
  const known = peopleKnownSoFar(canonicalOf);
  for (const person of rules.curation.people) person.aliases.forEach(known.learnSpelling);

  const resolveArticle = ({ id, extraction }: ArchiveArticle): ArticleTags => {
    const isPerson = (name: string) => rules.knownPeople.has(name.toLowerCase()) || !known.isThing(name, extraction.roles);
    let people = resolveInitials(
      unique([...extraction.people, ...known.provenOf(extraction.unprovenNames)].map(canonicalOf)),
      known,
    ).filter(isPerson);
    for (const word of extraction.loneNames) {
      const person = known.resolveLone(word, people);
      if (person && !people.includes(person)) people.push(person);
    }
    const captionPeople = resolveInitials(
      unique([...extraction.captionPeople, ...known.provenOf(extraction.captionUnprovenNames)].map(canonicalOf)),
      known,
      people,
    ).filter(isPerson);
    for (const word of extraction.captionLoneNames) {
      const person = known.resolveLone(word, [...captionPeople, ...people]);
      if (person && !captionPeople.includes(person)) captionPeople.push(person);
    }
    let countries = [...extraction.countries];
    const override = rules.curation.overrides[id];
    if (override) {
      people = unique([...people, ...override.addPeople]).filter((name) => !override.removePeople.includes(name));
      countries = unique([...countries, ...override.addCountries]).filter((name) => !override.removeCountries.includes(name));
    }
    const roles: Record<string, string> = {};
    for (const [name, role] of Object.entries(extraction.roles)) roles[canonicalOf(name)] ??= role;
    for (const person of rules.curation.people) {
      if (person.role && (people.includes(person.name) || captionPeople.includes(person.name))) roles[person.name] ??= person.role;
    }
    const kept = new Set([...people, ...captionPeople]);
    return {
      people,
      countries,
      captionPeople,
      captionCountries: [...extraction.captionCountries],
      roles: Object.fromEntries(Object.entries(roles).filter(([name]) => kept.has(name))),
    };
  };

  // Lone surnames are settled with what the archive knows up to each story's day, so a day
  // added later never retags the stories before it (and never re-indexes their search part).
  const resolved: ArticleTags[] = [];
  for (const day of indexesByDay(articles)) {
    for (const index of day) known.learnStory(articles[index]!.extraction);
    for (const index of day) resolved[index] = resolveArticle(articles[index]!);
  }
  return resolved;
}

export interface NewName {
  name: string;
  articles: number;
  firstArticle: string;
  /** Stories that give the name a role (frontmatter `roles`): evidence it is a person's. */
  withRole: number;
  /** The first role a story gives it. */
  role?: string;
}

/** People the archive names that the registry does not list yet, in story order of first naming: for a maintainer to review. */
export function unregisteredNames(ids: readonly string[], tags: readonly ArticleTags[], rules: NameRules): NewName[] {
  const registered = new Set(rules.curation.people.map((person) => person.name));
  const found = new Map<string, NewName>();
  tags.forEach((article, index) => {
    for (const name of new Set([...article.people, ...article.captionPeople])) {
      if (registered.has(name)) continue;
      const entry = found.get(name) ?? { name, articles: 0, firstArticle: ids[index]!, withRole: 0 };
      entry.articles++;
      const role = article.roles[name];
      if (role !== undefined) {
        entry.withRole++;
        entry.role ??= role;
      }
      found.set(name, entry);
    }
  });
  return [...found.values()];
}
