import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryByName } from '#lib/countries.ts';
import { extract } from '#ingest/extract.ts';
import { projectRules } from '#ingest/names/rules.ts';
import { resolveArchive } from '#ingest/resolve.ts';

const rules = projectRules();
const registered = new Set(rules.curation.people.map((person) => person.name));
/** Words that make names, mixed with punctuation, titles and country words, to reach the rules' corners. */
const word = fc.oneof(
  fc.constantFrom(
    'Mr',
    'Adm.',
    'President',
    'said',
    'the',
    'of',
    'USS',
    'Iran',
    'Iranian',
    "Trump's",
    'Jordan',
    'Washington',
    'Post',
    'and',
    ',',
    '.',
    '"',
    '-',
    'al-Sabah',
    'van',
    'U.S.',
    'Ocean',
  ),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
);
const paragraph = fc.array(word, { maxLength: 40 }).map((words) => words.join(' '));

describe('names stage on untrusted text', () => {
  it('never throws, lists each name once, uses canonical countries, and names only people whose words are in the text', () => {
    fc.assert(
      fc.property(
        paragraph,
        fc.array(paragraph, { minLength: 1, maxLength: 4 }),
        fc.option(paragraph, { nil: undefined }),
        (title, body, caption) => {
          const article = {
            title,
            body: body.map((text, line) => ({ kind: 'paragraph' as const, text, line })),
            firstLine: 1,
            lastLine: 1,
            contentLines: body.map((_, line) => line),
            skipped: [],
            ...(caption === undefined ? {} : { caption }),
          };
          const result = extract(article, rules);
          const text = [title, ...body, caption ?? ''].join(' ').replace(/’/g, "'");
          for (const list of [result.people, result.countries, result.captionPeople, result.captionCountries])
            expect(new Set(list).size).toBe(list.length);
          for (const country of [...result.countries, ...result.captionCountries]) expect(countryByName(country)).toBeDefined();
          for (const person of [...result.people, ...result.captionPeople]) {
            if (registered.has(person)) continue;
            for (const part of person.split(' ')) expect(text).toContain(part);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('names resolved across the archive', () => {
  // Spellings of a few people (two given names share surnames, one has a variant) and their lone surnames.
  const fullName = fc.constantFrom(
    'Yusuf Qasemi',
    'Yusuf Ghasemi',
    'Ali Qasemi',
    'Nancy Rothwell',
    'John Halloran',
    'Anna Halloran',
    'Volodymyr Zelensky',
  );
  const loneName = fc.constantFrom('Qasemi', 'Ghasemi', 'Rothwell', 'Halloran', 'Zelensky', 'Blackburn');
  const extraction = fc
    .record({
      people: fc.uniqueArray(fullName, { maxLength: 3 }),
      captionPeople: fc.uniqueArray(fullName, { maxLength: 1 }),
      loneNames: fc.uniqueArray(loneName, { maxLength: 3 }),
      captionLoneNames: fc.uniqueArray(loneName, { maxLength: 1 }),
      unprovenNames: fc.uniqueArray(fullName, { maxLength: 2 }),
      things: fc.uniqueArray(fullName, { maxLength: 1 }),
    })
    // The first person gets a role: what lets another story's unproven mention count.
    .map((names) => ({
      ...names,
      countries: [],
      captionCountries: [],
      captionUnprovenNames: [],
      roles: Object.fromEntries(names.people.slice(0, 1).map((name) => [name, 'official'])),
    }));
  /** Stories on consecutive days from `firstDay`, a few a day. */
  const days = (firstDay: number) =>
    fc
      .array(fc.array(extraction, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 })
      .map((stories) =>
        stories.flatMap((day, offset) =>
          day.map((story, index) => ({ id: `2026-01-${String(firstDay + offset).padStart(2, '0')}/story-${index}`, extraction: story })),
        ),
      );

  it('gives the stories of earlier days the same names whatever later days are added', () => {
    fc.assert(
      fc.property(days(1), days(10), (earlier, later) => {
        expect(resolveArchive([...earlier, ...later], rules).slice(0, earlier.length)).toEqual(resolveArchive(earlier, rules));
      }),
      { numRuns: 300 },
    );
  });
});
