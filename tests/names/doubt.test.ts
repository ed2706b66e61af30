import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOUBT_WEIGHTS, doubtOf, MANY_STORIES, rankByDoubt } from '#ingest/names/doubt.ts';
import type { NewName } from '#ingest/resolve.ts';

const named = (name: string, articles = 1, role?: string): NewName => ({
  name,
  articles,
  firstArticle: '2026-01-01/story',
  withRole: role === undefined ? 0 : articles,
  ...(role === undefined ? {} : { role }),
});
const why = (entry: NewName, sameAs?: string) => doubtOf(entry, sameAs).reasons.map((reason) => `${reason.weight} ${reason.why}`);

describe('doubt of a new name', () => {
  it('gives each reason in words with its weight, heaviest first, and sums them', () => {
    const doubt = doubtOf(named('Babinet Research'));
    expect(doubt.reasons.map((reason) => `${reason.weight} ${reason.why}`)).toEqual([
      "3 'Research' is an organisation, work or place word",
      "1 'Babinet' is no known given name",
      '1 no role in any story',
      '1 one story',
    ]);
    expect(doubt.score).toBe(6);
  });

  it('doubts a work, a place, everyday words, a sentence opener and an initial', () => {
    expect(why(named('Love of My Life'))).toContain("3 'of' inside, as in the title of a work");
    expect(why(named('West Ham'))).toContain("2 'West' as in place names");
    expect(why(named('Reservoir Dogs'))).toContain('3 everyday words only');
    expect(why(named('Although Wal-Mart'))).toContain("2 'Although' is an everyday word, no given name");
    expect(why(named('J Lewsey'))).toContain('1 an initial for a given name');
    expect(why(named('Rainey Senior'))).toContain("1 'Senior' is a title word");
  });

  it('counts a role, many stories and a known given name as evidence of a person', () => {
    expect(why(named('Kamal Kharrazi', MANY_STORIES, 'adviser'))).toEqual([
      "-1 'Kamal' is a known given name",
      `-1 ${MANY_STORIES} stories`,
      `-2 a role in ${MANY_STORIES} stories ('adviser')`,
    ]);
  });

  it("reads a peer's title as standing in for a given name", () => {
    expect(why(named('Lord Butler', 2))).toEqual(['1 no role in any story']);
  });
});

describe('the weights in docs/curating-names.md', () => {
  it('are the weights the report sums', () => {
    const doc = readFileSync(new URL('../../docs/curating-names.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\|.*\|\s+([+-]\d+) \|$/gm)].map((row) => Number(row[1]));
    const sorted = (weights: number[]) => [...weights].sort((a, b) => a - b);
    expect(sorted(documented)).toEqual(sorted(Object.values(DOUBT_WEIGHTS)));
    expect(doc).toContain(`named in ${MANY_STORIES} stories or more`);
  });
});

describe('new names ranked by doubt', () => {
  it('puts the likely mistakes first, the one in more stories first among equals', () => {
    const ranked = rankByDoubt(
      [named('Kamal Kharrazi', 9, 'adviser'), named('Reservoir Dogs', 2), named('Lina Okafor'), named('Calendar Girls', 3)],
      [],
    );
    expect(ranked.map((doubt) => doubt.name)).toEqual(['Calendar Girls', 'Reservoir Dogs', 'Lina Okafor', 'Kamal Kharrazi']);
  });

  it('names the person another form likely names: an initial, words in front, a given name spelled alike', () => {
    const ranked = rankByDoubt(
      [
        named('J Lewsey'),
        named('Josh Lewsey', 3),
        named('Exchequer Gordon Brown', 4),
        named('De Niro', 2),
        named('Robert De Niro', 9),
        named('Johann Cruyff', 2),
        named('Johan Cruyff', 5),
      ],
      ['Gordon Brown'],
    );
    const sameAs = Object.fromEntries(ranked.map((doubt) => [doubt.name, doubt.sameAs]));
    expect(sameAs).toEqual({
      'J Lewsey': 'Josh Lewsey',
      'Josh Lewsey': undefined,
      'Exchequer Gordon Brown': 'Gordon Brown',
      'De Niro': 'Robert De Niro',
      'Robert De Niro': undefined,
      'Johann Cruyff': 'Johan Cruyff',
      'Johan Cruyff': undefined,
    });
    expect(ranked.find((doubt) => doubt.name === 'J Lewsey')!.reasons[0]).toEqual({
      weight: DOUBT_WEIGHTS.samePerson,
      why: 'likely the same person as Josh Lewsey',
    });
  });

  it('gives no hint when two people could be meant', () => {
    const ranked = rankByDoubt([named('M Williams'), named('Martyn Williams', 4), named('Matt Williams', 4)], []);
    expect(ranked.find((doubt) => doubt.name === 'M Williams')!.sameAs).toBeUndefined();
  });

  it('takes any text as a name: every reason a listed weight, the score their sum, the ranking a stable order of all', () => {
    const weights = new Set<number>(Object.values(DOUBT_WEIGHTS));
    const word = fc.oneof(
      fc.constantFrom('J', 'Lord', 'Research', 'of', 'West', 'North', 'Life', 'Kamal', 'De', 'Niro', "O'Gara", '李', ''),
      fc.string({ maxLength: 8 }),
    );
    const entry = fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
      articles: fc.integer({ min: 1, max: 40 }),
      role: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (item) => item.name, maxLength: 12 }),
        fc.array(word, { maxLength: 3 }),
        (entries, registered) => {
          const names = entries.map(({ name, articles, role }) => named(name, articles, role));
          const ranked = rankByDoubt(names, registered);
          expect(ranked.map((doubt) => doubt.name).sort()).toEqual(names.map((item) => item.name).sort());
          for (const doubt of ranked) {
            expect(doubt.score).toBe(doubt.reasons.reduce((sum, reason) => sum + reason.weight, 0));
            for (const reason of doubt.reasons) expect(weights).toContain(reason.weight);
            if (doubt.sameAs !== undefined) expect(doubt.sameAs).not.toBe(doubt.name);
          }
          expect(ranked.map((doubt) => doubt.score)).toEqual(ranked.map((doubt) => doubt.score).sort((a, b) => b - a));
          expect(rankByDoubt([...names].reverse(), registered)).toEqual(ranked);
        },
      ),
    );
  });
});
