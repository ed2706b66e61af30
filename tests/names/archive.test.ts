import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '#ingest/errors.ts';
import { loadCuration } from '#ingest/names/curation.ts';
import { compileRules, projectRules } from '#ingest/names/rules.ts';
import type { NameStage } from '#ingest/names/stage.ts';
import { assembleArchive, ingestSources, processDump, type DumpResult } from '#ingest/pipeline.ts';
import { oneEditApart } from '#ingest/resolve.ts';
import { ingestStories } from './helpers.ts';

describe('names resolved across the archive', () => {
  it('resolves a lone surname to the one person of that name the archive knows', () => {
    const [, second] = ingestStories([
      'Adviser speaks\n\nKamal Kharrazi, an adviser to the supreme leader, said talks could resume.',
      'Talks stall\n\nKharrazi said the offer was not enough. Later Kharrazi added that doors remained open.',
    ]);
    expect(second!.people).toEqual(['Kamal Kharrazi']);
  });

  it('leaves a lone surname alone when the archive knows two people of that name', () => {
    const stories = ingestStories([
      'First\n\nJohn Halloran, a spokesman, said the plan would work.',
      'Second\n\nAnna Halloran, a lawyer, said the plan would fail.',
      'Third\n\nHalloran said nothing. Later Halloran left the room.',
    ]);
    expect(stories[2]!.people).toEqual([]);
  });

  it('resolves a lone surname with the people named on earlier days, never on later ones', () => {
    const kharrazi = 'Adviser speaks\n\nKamal Kharrazi, an adviser to the supreme leader, said talks could resume.';
    const alone = 'Talks stall\n\nKharrazi said the offer was not enough. Later Kharrazi added that doors remained open.';
    expect(
      ingestStories([
        { date: '2026-01-01', text: kharrazi },
        { date: '2026-01-02', text: alone },
      ])[1]!.people,
    ).toEqual(['Kamal Kharrazi']);
    expect(
      ingestStories([
        { date: '2026-01-01', text: alone },
        { date: '2026-01-02', text: kharrazi },
      ])[0]!.people,
    ).toEqual([]);
  });

  it('never retags older stories when a day is added, whatever the new day names', () => {
    const days = [
      { date: '2026-01-01', text: 'First\n\nJohn Halloran, a spokesman, said the plan would work.' },
      {
        date: '2026-01-02',
        text: 'Second\n\nHalloran said nothing. Later Halloran left the room. Rothwell agreed, and Rothwell left too.',
      },
    ];
    const before = ingestStories(days);
    expect(before[1]!.people).toEqual(['John Halloran']);
    const added = {
      date: '2026-01-03',
      text: 'Third\n\nAnna Halloran, a lawyer, and Nancy Rothwell, a scientist, said the plan would fail.',
    };
    const after = ingestStories([...days, added]);
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[2]!.people).toEqual(['Anna Halloran', 'Nancy Rothwell']);
  });

  it('merges transliteration variants that share a given name, across stories', () => {
    const stories = ingestStories([
      'Minister speaks\n\nIranian Foreign Minister Yusuf Qasemi said the talks would go on.',
      'Minister travels\n\nIranian Foreign Minister Yusuf Ghasemi flew to Oman. Ghasemi said he was hopeful.',
      'Minister writes\n\nYusuf Ghasemi, the foreign minister, wrote a letter. Ghasemi signed it.',
    ]);
    expect(new Set(stories.flatMap((story) => story.people))).toEqual(new Set(['Yusuf Ghasemi']));
  });

  it('keeps the spelling most used on the day a person was first named, however later days spell it', () => {
    const first = [
      { date: '2026-01-01', text: 'Minister speaks\n\nIranian Foreign Minister Yusuf Qasemi said the talks would go on.' },
      { date: '2026-01-01', text: 'Minister waits\n\nYusuf Qasemi, the foreign minister, said he would wait.' },
      { date: '2026-01-01', text: 'Minister travels\n\nIranian Foreign Minister Yusuf Ghasemi flew to Oman.' },
    ];
    const later = [2, 3, 4].map((day) => ({
      date: `2026-01-0${day}`,
      text: `Day ${day}\n\nYusuf Ghasemi, the foreign minister, wrote a letter. Ghasemi signed it.`,
    }));
    const stories = ingestStories([...first, ...later]);
    expect(new Set(stories.flatMap((story) => story.people))).toEqual(new Set(['Yusuf Qasemi']));
  });

  it('never merges by spelling alone: different given names stay different people', () => {
    const stories = ingestStories([
      'One\n\nThe analyst Reza Qasemi, an economist, said prices would rise.',
      'Two\n\nThe analyst Ali Ghasemi, an economist, said prices would fall.',
    ]);
    expect(stories[0]!.people).toEqual(['Reza Qasemi']);
    expect(stories[1]!.people).toEqual(['Ali Ghasemi']);
  });

  it('gives the same output from dumps read back from JSON, as the dump cache keeps them', () => {
    const texts = [
      'A\n\nIranian Foreign Minister Abbas Araqchi met Omani officials in Muscat.',
      'B\n\nAraghchi said Tehran was ready. Araghchi added more.',
    ];
    const sources = texts.map((text, index) => ({
      path: `content/sources/2026-01-01/s${index}.txt`,
      date: '2026-01-01',
      bytes: new TextEncoder().encode(text),
    }));
    const rules = projectRules();
    const cached = sources.map((source) => JSON.parse(JSON.stringify(processDump(source, rules))) as DumpResult);
    const fresh = ingestSources(sources, undefined, { rules });
    expect(assembleArchive(sources, cached, rules)).toEqual(fresh);
    expect(fresh.articles[1]!.frontmatter.people).toEqual(['Abbas Araghchi']);
  });
});

describe('curation files', () => {
  let root: string;
  const write = async (name: string, text: string) => {
    await mkdir(join(root, 'content', 'names'), { recursive: true });
    await writeFile(join(root, 'content', 'names', name), text);
  };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'broadsheet-names-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('applies registry aliases, the not-people list and per-article overrides', async () => {
    await write(
      'people.yaml',
      '- name: Volodymyr Zelensky\n  aliases: [Volodymyr Zelenskyy]\n  role: President of Ukraine\n  country: Ukraine\n',
    );
    await write('not-people.yaml', '- Morgan Grenfell\n');
    await write('overrides.yaml', '2026-01-01/war-talks:\n  add_countries: [Switzerland]\n  remove_people: [Peter Hollis]\n');
    const rules = compileRules(loadCuration(root));
    const [story] = ingestStories(
      ['War talks\n\nVolodymyr Zelenskyy met bankers from Morgan Grenfell. Peter Hollis, a diplomat, said little.'],
      { rules },
    );
    expect(story!.people).toEqual(['Volodymyr Zelensky']);
    expect(story!.roles['Volodymyr Zelensky']).toBe('President of Ukraine');
    expect(story!.countries).toContain('Switzerland');
  });

  it("never takes the publisher's own names from content/site.yaml for a person, and names a mistake there", async () => {
    const story = 'Talks\n\nVarno Quill, an official, told Kestrel Gazetteo the talks would go on, said Tamsin Orrel.';
    expect(ingestStories([story], { rules: compileRules(loadCuration(root)) })[0]!.people).toEqual(['Varno Quill', 'Tamsin Orrel']);
    await writeFile(
      join(root, 'content', 'site.yaml'),
      'title: T\ndescription: D\nlanguage: en\ntimeZone: UTC\nstoriesPerPage: 10\npublisherNames: [Tamsin Orrel]\n',
    );
    expect(ingestStories([story], { rules: compileRules(loadCuration(root)) })[0]!.people).toEqual(['Varno Quill']);
    await writeFile(
      join(root, 'content', 'site.yaml'),
      'title: T\ndescription: D\nlanguage: en\ntimeZone: UTC\nstoriesPerPage: 10\npublisherNames: Tamsin Orrel\n',
    );
    expect(() => loadCuration(root)).toThrow(/content\/site\.yaml: publisherNames: expected a list of names/);
    await rm(join(root, 'content', 'site.yaml'));
  });

  it('names the file, the line and the fix for a mistake', async () => {
    await write('people.yaml', '- name: Ada Lovelace\n- name: Alan Turing\n  country: Narnia\n');
    expect(() => loadCuration(root)).toThrow(IngestError);
    expect(() => loadCuration(root)).toThrow(
      /content\/names\/people\.yaml:3: `Narnia` is not a country's canonical name\. Fix: use the English short name/,
    );
    await write('people.yaml', '- name: Ada Lovelace\n  nickname: Ada\n');
    expect(() => loadCuration(root)).toThrow(/people\.yaml:2: unknown field `nickname`/);
    await write('people.yaml', '- name: Ada\n  aliases: [Countess]\n- name: Augusta\n  aliases: [countess]\n');
    expect(() => loadCuration(root)).toThrow(/is listed for both Ada and Augusta/);
    await write('people.yaml', '- name: [unclosed\n');
    expect(() => loadCuration(root)).toThrow(/people\.yaml:\d+: not valid YAML/);
  });

  it('names the line of a mistake in the overrides and the country names too', async () => {
    await write('people.yaml', '');
    await write('overrides.yaml', '2026-01-01/a:\n  add_people: [Bob]\nwar-talks:\n  add_countries: [France]\n');
    expect(() => loadCuration(root)).toThrow(
      /content\/names\/overrides\.yaml:3: `war-talks` is not an article id\. Fix: use the article path without `\.mdx`/,
    );
    await write('overrides.yaml', '2026-01-01/a:\n  add_people: [Bob]\n  add_country: [France]\n');
    expect(() => loadCuration(root)).toThrow(/overrides\.yaml:3: unknown change `add_country`/);
    await write('overrides.yaml', '');
    await write('countries.yaml', 'names:\n  France: [Frankia]\n  Narnia: [Narnians]\n');
    expect(() => loadCuration(root)).toThrow(/content\/names\/countries\.yaml:3: `Narnia` is not a country's canonical name/);
    await write('countries.yaml', '');
    expect(loadCuration(root).overrides).toEqual({});
  });
});

/** A story of its own day. */
const day = (date: string, text: string) => ({ date, text });

describe('a misspelt name', () => {
  it('joins the person an earlier day named, when one long word is one letter off', () => {
    const stories = ingestStories([
      day('2026-01-01', 'Premiere\n\nThe director Akira Kurosawa, 80, said the film was done.'),
      day('2026-01-02', 'Retrospective\n\nThe director Akira Hurosawa, 81, said he would rest.'),
    ]);
    expect(stories.map((story) => story.people)).toEqual([['Akira Kurosawa'], ['Akira Kurosawa']]);
  });

  it('stays apart from a short name one letter off, or a surname another person bears', () => {
    const stories = ingestStories([
      day('2026-01-01', 'Talks\n\nThe senator John Kerry said talks would go on. Alex Thomson, a reporter, agreed.'),
      day('2026-01-01', 'Match\n\nThe captain John Terry said the side was ready. Paul Thompson, a coach, agreed.'),
      day('2026-01-02', 'Review\n\nThe critic Paul Thomson, 52, said the play was long.'),
    ]);
    expect(stories.map((story) => story.people)).toEqual([
      ['John Kerry', 'Alex Thomson'],
      ['John Terry', 'Paul Thompson'],
      ['Paul Thomson'],
    ]);
  });
});

describe('a name with a word too many or too few', () => {
  it('is the person named before: a word that is no given name glued on, or a double surname alone', () => {
    const stories = ingestStories([
      day('2026-01-01', 'Coach stays\n\nMatt Williams, the coach, said he would stay. The curator Charles Saumarez Smith, 51, agreed.'),
      day('2026-01-02', 'Coach defiant\n\nDefiant Matt Williams says he will not quit. Saumarez Smith, the director, said so too.'),
    ]);
    expect(stories[1]!.people).toEqual(['Matt Williams', 'Charles Saumarez Smith']);
  });
});

describe('a name a story called a thing', () => {
  it('is no person in the stories after, unless one gives it a role; a thing of a person proves nothing', () => {
    const stories = ingestStories([
      day('2026-01-01', 'Doughnut shares fall\n\nMolly Kreme shares fell. A portrait of Ada Welch was sold.'),
      day('2026-01-02', 'Profits\n\nMolly Kreme said profits fell. Ada Welch said she was pleased.'),
      day('2026-01-03', 'Chief\n\nThe founder Molly Kreme, 61, said sorry.'),
    ]);
    expect(stories.map((story) => story.people)).toEqual([[], ['Ada Welch'], ['Molly Kreme']]);
  });
});

describe('one edit apart', () => {
  /** Optimal string alignment distance, the slow way: the reference the fast check must agree with. */
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };

  it('agrees with the edit distance on any two short words', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(letters, letters, (a, b) => {
        expect(oneEditApart(a, b), `${a} ${b}`).toBe(distance(a, b) === 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a name the text alone does not prove', () => {
  it('is a person once a story of that day or before has given it a role, never from a later day', () => {
    const stories = ingestStories([
      { date: '2026-01-01', text: 'Before\n\nCrowds watched Zorvik Baltan arrive.' },
      { date: '2026-01-02', text: 'Match\n\nThe coach Zorvik Baltan praised the side.' },
      { date: '2026-01-03', text: 'After\n\nCrowds watched Zorvik Baltan leave.' },
    ]);
    expect(stories.map((story) => story.people)).toEqual([[], ['Zorvik Baltan'], ['Zorvik Baltan']]);
  });
});

describe('an initial and a surname', () => {
  it('become the one full name the archive knows by then with that initial and surname, else no person', () => {
    const [, second, third] = ingestStories([
      { date: '2026-01-01', text: 'Match\n\nJosh Lewsey, the winger, scored twice. Mark Cueto and Martin Cueto played.' },
      { date: '2026-01-02', text: 'Team\n\nThe side: Andy Robinson, J Lewsey, M Cueto and R Quibble.' },
      { date: '2026-01-03', text: 'Again\n\nJ Lewsey and Jason Lewsey, the new winger, started.' },
    ]);
    // M Cueto could be either Cueto, and R Quibble is no one the archive knows: both stay off.
    expect(second!.people).toEqual(['Andy Robinson', 'Josh Lewsey']);
    // Two of that initial and surname by the third day: the story's own full name wins.
    expect(third!.people).toEqual(['Jason Lewsey']);
  });
});

describe('person page slugs', () => {
  it('come from the name unless the registry sets one', async () => {
    const { personSlug } = await import('#lib/people.ts');
    expect(personSlug('Abbas Araghchi')).toBe('abbas-araghchi');
    expect(personSlug('Beyoncé')).toBe('beyonce');
  });
});

describe('ingest --report', () => {
  const texts = [
    'One\n\nUS President Donald Trump met Kamal Kharrazi, an adviser, and Lina Okafor, a lawyer.',
    'Two\n\nKamal Kharrazi, an adviser, said little. Zorvath Quillon said he would play.',
    'Three\n\nJosh Lewsey, the winger, scored twice.',
  ];
  const report = async (limit?: number) => {
    const { namesReport } = await import('#ingest/names/stage.ts');
    const stage: NameStage = { rules: projectRules() };
    const sources = texts.map((text, index) => ({
      path: `content/sources/2026-01-01/s${index}.txt`,
      date: '2026-01-01',
      bytes: new TextEncoder().encode(text),
    }));
    return namesReport(ingestSources(sources, undefined, stage).articles, stage, limit);
  };

  it('lists the people the registry does not know yet, most doubtful first, with the reasons and the fix, and not the registered ones', async () => {
    expect(await report()).toEqual([
      'names 4 not in content/names/people.yaml, most doubtful first (doubt: the sum of the weights of its reasons)',
      "name  doubt 3  Zorvath Quillon  (1 story, first 2026-01-01/two): +1 'Zorvath' is no known given name, +1 no role in any story, +1 one story -> if not a person, add it to content/names/not-people.yaml",
      "name  doubt -2  Josh Lewsey  (1 story, first 2026-01-01/three): +1 one story, -1 'Josh' is a known given name, -2 a role in one story ('winger') -> likely a person; if not a person, add it to content/names/not-people.yaml",
      "name  doubt -2  Lina Okafor  (1 story, first 2026-01-01/one): +1 one story, -1 'Lina' is a known given name, -2 a role in one story ('lawyer') -> likely a person; if not a person, add it to content/names/not-people.yaml",
      "name  doubt -3  Kamal Kharrazi  (2 stories, first 2026-01-01/one): -1 'Kamal' is a known given name, -2 a role in 2 stories ('adviser') -> likely a person; if not a person, add it to content/names/not-people.yaml",
    ]);
  });

  it('lists only the most doubtful when told how many, and counts the rest', async () => {
    const lines = await report(1);
    expect(lines.slice(1, 2)).toEqual([expect.stringMatching(/^name {2}doubt 3 {2}Zorvath Quillon /)]);
    expect(lines.at(-1)).toBe('names and 3 more, less doubtful (`--names all` lists every one)');
  });
});
