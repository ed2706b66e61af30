/** Stage 7, thread: which stories continue which across days, on hand-made and generated archives and through the pipeline. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestError } from '#ingest/errors.ts';
import { ingestSources } from '#ingest/pipeline.ts';
import {
  defaultThreadRules,
  loadThreadRules,
  storyTerms,
  THREAD_CURATION_FILE,
  threadArchive,
  unusedThreadCuration,
  type StoryThread,
  type ThreadCheckpoint,
  type ThreadCheckpoints,
  type ThreadRules,
  type ThreadStory,
} from '#ingest/thread.ts';
import { tempDirs } from './project.ts';
import { alone, dam, dayDumps, slugOf, strike } from './thread-stories.ts';

/** A story as the thread stage reads it, its words taken from its headline and body. */
function story(id: string, title: string, body: string, tags: { people?: string[]; countries?: string[] } = {}): ThreadStory {
  return {
    id,
    date: id.slice(0, 10),
    title,
    terms: storyTerms({ title, body: [{ kind: 'paragraph', text: body, line: 1 }] }),
    people: tags.people ?? [],
    countries: tags.countries ?? [],
  };
}

const volcano = (id: string) =>
  story(
    id,
    'Volcano erupts on the island of Zorvania',
    'The Krakatoa volcano on Zorvania erupted again, sending ash over the harbour town of Pelmoor.',
    { people: ['Anika Varga'], countries: ['Indonesia'] },
  );
const bank = (id: string) =>
  story(id, 'Central bank raises interest rates', 'The central bank raised interest rates by a quarter point to fight inflation.');
const rules = (change: Partial<ThreadRules> = {}): ThreadRules => ({ ...defaultThreadRules(), ...change });
const curated = (curation: Partial<ThreadRules['curation']>): ThreadRules => rules({ curation: { ...rules().curation, ...curation } });
const slugs = (threads: (StoryThread | undefined)[]) => threads.map((thread) => thread?.slug);

describe('storyTerms', () => {
  it('counts the stemmed words that carry meaning, the headline weighing more, and drops stopwords and short words', () => {
    const terms = storyTerms({
      title: 'Volcano erupts',
      body: [{ kind: 'paragraph', text: 'The volcano erupted and it is on Zorvania.', line: 1 }],
    });
    expect(Object.keys(terms)).toContain('zorvania');
    expect(terms.volcano).toBeGreaterThan(terms.zorvania!);
    for (const dropped of ['the', 'and', 'it', 'is', 'on']) expect(terms).not.toHaveProperty(dropped);
  });
});

describe('threadArchive on hand-made stories', () => {
  it('threads two near-identical stories of consecutive days under the first one, and leaves an unrelated story alone', () => {
    const threads = threadArchive(
      [volcano('2026-01-01/volcano-erupts'), bank('2026-01-01/bank'), volcano('2026-01-02/volcano-again')],
      rules(),
    );
    const thread = { slug: '2026-01-01-volcano-erupts', title: 'Volcano erupts on the island of Zorvania' };
    expect(threads).toEqual([thread, undefined, thread]);
  });

  it('joins a story at most windowDays after the story it is like, and no later', () => {
    const after = (days: number, windowDays = 7) =>
      slugs(
        threadArchive(
          [volcano('2026-01-01/a'), volcano(`${format(addDays(parseISO('2026-01-01'), days), 'yyyy-MM-dd')}/b`)],
          rules({ windowDays }),
        ),
      );
    expect(after(7)).toEqual(['2026-01-01-a', '2026-01-01-a']);
    expect(after(8)).toEqual([undefined, undefined]);
    expect(after(2, 2)).toEqual(['2026-01-01-a', '2026-01-01-a']);
    expect(after(3, 2)).toEqual([undefined, undefined]);
  });

  it('carries a thread past the window through its newer stories, keeping its first slug', () => {
    const threads = threadArchive([volcano('2026-01-01/a'), volcano('2026-01-06/b'), volcano('2026-01-11/c')], rules());
    expect(slugs(threads)).toEqual(['2026-01-01-a', '2026-01-01-a', '2026-01-01-a']);
  });

  it('joins what the curation file joins, keeps out what it keeps apart, and names a thread by its first story', () => {
    const archive = [volcano('2026-01-01/volcano'), bank('2026-01-02/bank'), volcano('2026-01-03/volcano-again')];
    expect(slugs(threadArchive(archive, rules()))).toEqual(['2026-01-01-volcano', undefined, '2026-01-01-volcano']);
    // Unlike as they are, the bank story joins the volcano's thread, and the later volcano story follows.
    const joined = threadArchive(archive, curated({ join: { '2026-01-02/bank': '2026-01-01/volcano' } }));
    expect(slugs(joined)).toEqual(['2026-01-01-volcano', '2026-01-01-volcano', '2026-01-01-volcano']);
    // Kept apart, the later volcano story starts a thread of its own: both are alone.
    expect(slugs(threadArchive(archive, curated({ apart: ['2026-01-03/volcano-again'] })))).toEqual([undefined, undefined, undefined]);
    // A join names an earlier story; one naming a later story would make a thread depend on the future.
    expect(slugs(threadArchive(archive, curated({ join: { '2026-01-01/volcano': '2026-01-02/bank' } })))).toEqual(
      slugs(threadArchive(archive, rules())),
    );
    const titled = threadArchive(
      archive,
      curated({ titles: { '2026-01-01/volcano': 'Zorvania eruption', '2026-01-03/volcano-again': 'Ignored' } }),
    );
    expect(titled.map((thread) => thread?.title)).toEqual(['Zorvania eruption', undefined, 'Zorvania eruption']);
  });

  it('warns of every correction that changed nothing, naming the file and the fix', () => {
    const archive = [volcano('2026-01-01/volcano'), bank('2026-01-02/bank'), volcano('2026-01-03/volcano-again')];
    const curation = {
      join: { '2026-01-01/volcano': '2026-01-02/bank', '2026-01-02/bnak': '2026-01-01/volcano' },
      apart: ['2026-01-09/gone'],
      titles: { '2026-01-01/volcano': 'Zorvania eruption', '2026-01-03/volcano-again': 'Ignored' },
    };
    const warnings = unusedThreadCuration(archive, threadArchive(archive, curated(curation)), curation);
    expect(warnings).toEqual([
      expect.stringMatching(/join `2026-01-01\/volcano` to `2026-01-02\/bank` does nothing.*swap them/),
      expect.stringMatching(/join names `2026-01-02\/bnak`, which is no article/),
      expect.stringMatching(/apart names `2026-01-09\/gone`, which is no article/),
      expect.stringMatching(/titles names `2026-01-03\/volcano-again`, which begins no thread/),
    ]);
    for (const warning of warnings) expect(warning.startsWith(`${THREAD_CURATION_FILE}: `)).toBe(true);
  });

  it('never renames an older thread when later days are added', () => {
    const first = [
      volcano('2026-01-01/volcano'),
      bank('2026-01-01/bank'),
      volcano('2026-01-02/volcano-again'),
      bank('2026-01-02/bank-again'),
    ];
    const before = threadArchive(first, rules());
    expect(slugs(before)).toEqual(['2026-01-01-volcano', '2026-01-01-bank', '2026-01-01-volcano', '2026-01-01-bank']);
    // Stories that resemble both threads, and a flood of volcano stories that makes its words common.
    const later = [
      story(
        '2026-01-03/both',
        'Volcano ash closes the central bank',
        'Ash from the Zorvania volcano closed the central bank before it could raise rates.',
      ),
      ...Array.from({ length: 20 }, (_, index) => volcano(`2026-01-0${4 + (index % 5)}/volcano-${index}`)),
    ];
    expect(threadArchive([...first, ...later], rules()).slice(0, first.length)).toEqual(before);
  });
});

/** Invented words, so few that stories share them often and threads really form. */
const VOCABULARY = ['zorvania', 'pelmoor', 'krakatoa', 'escondida', 'quiroga', 'varnita', 'selkie', 'orchestra', 'reservoir', 'copper'];
const PEOPLE = ['Anika Varga', 'Tomas Quiroga', 'Ilinca Rusu'];
const COUNTRIES = ['Chile', 'Moldova', 'Japan'];

const generatedStory = fc.record({
  terms: fc.dictionary(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 5 }), { minKeys: 1, maxKeys: 4 }),
  people: fc.subarray(PEOPLE, { maxLength: 2 }),
  countries: fc.subarray(COUNTRIES, { maxLength: 1 }),
});

/** Days of an archive, each some days after the last (so some gaps pass the window), with a story or more each. */
const generatedDays = fc.array(
  fc.record({ gap: fc.integer({ min: 1, max: 5 }), stories: fc.array(generatedStory, { minLength: 1, maxLength: 4 }) }),
  {
    minLength: 1,
    maxLength: 8,
  },
);

function archiveOf(days: { gap: number; stories: Omit<ThreadStory, 'id' | 'date' | 'title'>[] }[]): ThreadStory[] {
  let date = parseISO('2026-01-01');
  return days.flatMap(({ gap, stories }) => {
    date = addDays(date, gap);
    const day = format(date, 'yyyy-MM-dd');
    return stories.map((generated, index) => ({ ...generated, id: `${day}/story-${index}`, date: day, title: `Story ${index} of ${day}` }));
  });
}

/** Curation over the archive's stories, by position: joins, apart and titles, any of them pointing anywhere. */
const generatedCuration = fc.record({
  join: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  apart: fc.array(fc.nat(), { maxLength: 2 }),
  titles: fc.array(fc.nat(), { maxLength: 2 }),
});

function rulesFor(
  archive: ThreadStory[],
  windowDays: number,
  picks: { join: [number, number][]; apart: number[]; titles: number[] },
): ThreadRules {
  const id = (position: number) => archive[position % archive.length]!.id;
  return {
    windowDays,
    curation: {
      join: Object.fromEntries(picks.join.map(([later, earlier]) => [id(later), id(earlier)])),
      apart: picks.apart.map(id),
      titles: Object.fromEntries(picks.titles.map((position) => [id(position), `Curated title of ${id(position)}`])),
    },
  };
}

/** A generated archive under generated rules, and how many stories its first days, cut anywhere, hold. */
const generatedCut = fc
  .tuple(generatedDays, fc.integer({ min: 1, max: 7 }), generatedCuration, fc.nat())
  .map(([days, windowDays, picks, cut]) => {
    const archive = archiveOf(days);
    return {
      archive,
      threadRules: rulesFor(archive, windowDays, picks),
      kept: days.slice(0, 1 + (cut % days.length)).reduce((count, day) => count + day.stories.length, 0),
    };
  });

describe('threadArchive on generated archives (properties)', () => {
  it('storyTerms never throws on any text and gives each word a finite positive count', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      // Lone surrogates and control characters, which a scraped page can hold.
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 300 }),
      fc
        .array(fc.constantFrom('Zorvania', 'the', "O'Neill's", 'İstanbul', 'ǅemal', 'ß', '\u0000', '\u200b', '’s', 'ÉTÉ', '日本'), {
          maxLength: 60,
        })
        .map((words) => words.join(' ')),
    );
    const check = (terms: Record<string, number>) => {
      for (const [term, count] of Object.entries(terms)) {
        expect(term).not.toBe('');
        expect(Number.isFinite(count) && count > 0, `${JSON.stringify(term)}: ${count}`).toBe(true);
      }
    };
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), fc.array(text, { maxLength: 4 }), (title, standfirst, body) => {
        check(
          storyTerms({
            title,
            ...(standfirst === undefined ? {} : { standfirst }),
            body: body.map((block, line) => ({ kind: 'paragraph', text: block, line })),
          }),
        );
      }),
      { numRuns: 500 },
    );
    // A huge story: a few words many times over, and a hundred thousand distinct ones (letters only, so each is one word).
    const distinct = (index: number) =>
      `zq${[...index.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`;
    const huge = `${'Zorvania volcano\u0000 ash\u0007 '.repeat(200_000)}${Array.from({ length: 100_000 }, (_, index) => distinct(index)).join(' ')}`;
    const terms = storyTerms({ title: huge, body: [{ kind: 'paragraph', text: huge, line: 1 }] });
    check(terms);
    expect(terms.zorvania).toBeGreaterThan(0);
  });

  it('gives the stories of earlier days the threads they had before later days were added', () => {
    let grown = 0;
    fc.assert(
      fc.property(generatedCut, ({ archive, threadRules, kept }) => {
        const whole = threadArchive(archive, threadRules);
        const prefix = threadArchive(archive.slice(0, kept), threadRules);
        for (const [index, thread] of prefix.entries()) {
          const later = whole[index];
          if (thread) expect(later, archive[index]!.id).toEqual(thread);
          // A story alone so far may only have been joined by a later one: it then starts the thread.
          else if (later) {
            expect(later.slug, archive[index]!.id).toBe(slugOf(archive[index]!.id));
            grown++;
          }
        }
      }),
      { numRuns: 300 },
    );
    // The generated archives do exercise a story alone gaining a later one.
    expect(grown).toBeGreaterThan(0);
  });

  it('goes on from the checkpoint of any earlier run as if it had read every day, and reads every day again when an older one changed', () => {
    let resumed = 0;
    fc.assert(
      fc.property(generatedCut, ({ archive, threadRules, kept }) => {
        let saved: ThreadCheckpoint | undefined;
        const checkpoints: ThreadCheckpoints = {
          read: () => (saved === undefined ? undefined : (JSON.parse(JSON.stringify(saved)) as ThreadCheckpoint)),
          write: (checkpoint) => {
            saved = checkpoint;
          },
        };
        threadArchive(archive.slice(0, kept), threadRules, checkpoints);
        const read = checkpoints.read;
        checkpoints.read = () => {
          resumed++;
          return read();
        };
        expect(threadArchive(archive, threadRules, checkpoints)).toEqual(threadArchive(archive, threadRules));
        // The first story told otherwise: its day's hash differs, and every day is read again.
        const changed = [{ ...archive[0]!, terms: { ...archive[0]!.terms, zzchanged: 9 } }, ...archive.slice(1)];
        expect(threadArchive(changed, threadRules, checkpoints)).toEqual(threadArchive(changed, threadRules));
      }),
      { numRuns: 300 },
    );
    expect(resumed).toBeGreaterThan(0);
  });

  it('returns threads of two or more stories that share the slug and title of their first story', () => {
    let threaded = 0;
    let alone = 0;
    fc.assert(
      fc.property(generatedDays, fc.integer({ min: 1, max: 7 }), generatedCuration, (days, windowDays, picks) => {
        const archive = archiveOf(days);
        const threadRules = rulesFor(archive, windowDays, picks);
        const threads = threadArchive(archive, threadRules);
        expect(threads).toHaveLength(archive.length);
        const members = new Map<string, number[]>();
        for (const [index, thread] of threads.entries()) {
          if (!thread) {
            alone++;
            continue;
          }
          threaded++;
          members.set(thread.slug, [...(members.get(thread.slug) ?? []), index]);
        }
        for (const [slug, [first, ...rest]] of members) {
          expect(rest.length, slug).toBeGreaterThanOrEqual(1);
          const opener = archive[first!]!;
          expect(slug).toBe(slugOf(opener.id));
          for (const index of [first!, ...rest])
            expect(threads[index]).toEqual({ slug, title: threadRules.curation.titles[opener.id] ?? opener.title });
        }
      }),
      { numRuns: 300 },
    );
    // Joins really happen in the generated archives, and not every story joins.
    expect(threaded).toBeGreaterThan(0);
    expect(alone).toBeGreaterThan(0);
  });
});

describe('content/threads.yaml', () => {
  const tempDir = tempDirs('broadsheet-threads-');
  const projectWith = (threads: string) => {
    const root = tempDir();
    mkdirSync(join(root, 'content'), { recursive: true });
    writeFileSync(join(root, THREAD_CURATION_FILE), threads);
    return root;
  };

  it('is read with the window setting; an empty or missing file curates nothing', () => {
    const root = projectWith(
      'join:\n  2026-01-03/later: 2026-01-01/earlier\napart: [2026-01-05/other]\ntitles:\n  2026-01-01/earlier: The long story\n',
    );
    writeFileSync(
      join(root, 'content/site.yaml'),
      'title: T\ndescription: D\nlanguage: en\ntimeZone: UTC\nstoriesPerPage: 10\nthreadWindowDays: 3\n',
    );
    expect(loadThreadRules(root)).toEqual({
      windowDays: 3,
      curation: {
        join: { '2026-01-03/later': '2026-01-01/earlier' },
        apart: ['2026-01-05/other'],
        titles: { '2026-01-01/earlier': 'The long story' },
      },
    });
    expect(loadThreadRules(projectWith('# nothing curated yet\n'))).toEqual(defaultThreadRules());
    expect(loadThreadRules(tempDir())).toEqual(defaultThreadRules());
  });

  it.each([
    [
      'a field of the wrong type',
      'join:\n  2026-01-02/b: 2026-01-01/a\napart: 2026-01-03/c\n',
      /^content\/threads\.yaml:3: `apart` must be a list of article ids\. Fix: /,
    ],
    [
      'an unknown field',
      'join: {}\napart: []\nmerge:\n  - 2026-01-03/c\n',
      /^content\/threads\.yaml:3: unknown field `merge`\. Fix: use only join, apart and titles/,
    ],
    [
      'a key that is no article id',
      'join:\n  2026-01-02/b: 2026-01-01/a\n  later-story: 2026-01-01/a\n',
      /^content\/threads\.yaml:3: `later-story` is not an article id\. Fix: /,
    ],
    [
      'an empty title',
      'titles:\n  2026-01-01/a: Fine\n  2026-01-02/b: ""\n',
      /^content\/threads\.yaml:3: a thread title must be a non-empty text\. Fix: /,
    ],
    ['a list for the whole file', '- 2026-01-02/b\n', /^content\/threads\.yaml:1: expected `join`, `apart` and `titles`\. Fix: /],
    ['broken YAML', 'apart: [2026-01-02/b\n', /^content\/threads\.yaml:\d+: not valid YAML/],
  ])('names the file, the line and the fix for %s', (_case, text, message) => {
    const root = projectWith(text);
    expect(() => loadThreadRules(root)).toThrow(IngestError);
    expect(() => loadThreadRules(root)).toThrow(message);
  });

  it('names content/site.yaml for a bad window', () => {
    const root = projectWith('');
    writeFileSync(
      join(root, 'content/site.yaml'),
      'title: T\ndescription: D\nlanguage: en\ntimeZone: UTC\nstoriesPerPage: 10\nthreadWindowDays: 0\n',
    );
    expect(() => loadThreadRules(root)).toThrow(/^content\/site\.yaml: threadWindowDays: expected a whole number of 1 or more/);
  });
});

describe('the thread stage in the pipeline', () => {
  const ingest = (stories: { id: string; text: string }[], threadRules?: ThreadRules) => {
    const sources = Object.entries(dayDumps(stories)).map(([path, text]) => ({
      path: `content/sources/${path}`,
      date: path.slice(0, 10),
      bytes: new TextEncoder().encode(text),
    }));
    const result = ingestSources(sources, undefined, undefined, threadRules);
    expect(result.errors).toEqual([]);
    return new Map(result.articles.map((article) => [article.path.replace(/\.mdx$/, ''), article.frontmatter]));
  };

  it("threads the third day's story under the first day's story of the same event, and nothing else", () => {
    const articles = ingest([dam.burst, strike.walkout, alone.orchestra, dam.inquiry]);
    expect([...articles.keys()].sort()).toEqual([dam.burst.id, alone.orchestra.id, strike.walkout.id, dam.inquiry.id].sort());
    const thread = { slug: slugOf(dam.burst.id), title: 'Dam bursts above the Moldovan town of Varnita' };
    expect(articles.get(dam.inquiry.id)!.thread).toEqual(thread);
    expect(articles.get(dam.burst.id)!.thread).toEqual(thread);
    // A story alone has no thread key at all.
    expect(articles.get(strike.walkout.id)).not.toHaveProperty('thread');
    expect(articles.get(alone.orchestra.id)).not.toHaveProperty('thread');
  });

  it("applies the curation file's title and its joins", () => {
    const articles = ingest(
      [dam.burst, strike.walkout, dam.inquiry],
      curated({ titles: { [dam.burst.id]: 'The Varnita dam' }, join: { [strike.walkout.id]: dam.burst.id } }),
    );
    for (const id of [dam.burst.id, strike.walkout.id, dam.inquiry.id])
      expect(articles.get(id)!.thread).toEqual({ slug: slugOf(dam.burst.id), title: 'The Varnita dam' });
  });
});
