import { describe, expect, it } from 'vitest';
import { extract, readText, type Reading } from '#ingest/extract.ts';
import { projectRules } from '#ingest/names/rules.ts';

const rules = projectRules();

/** The reading of the run that ends in `name`: each test names invented people, so only its own rule decides. */
function readingOf(text: string, name: string): Reading | undefined {
  return readText(text, rules).find((reading) => (reading.kind === 'single' ? reading.word : reading.name) === name);
}

describe('each name step gives its own reading', () => {
  it('skips a ship, a curated not-person and a country', () => {
    expect(readingOf('Crowds saw the USS Abraham Lincoln sail.', 'USS Abraham Lincoln')).toEqual({
      kind: 'skipped',
      name: 'USS Abraham Lincoln',
      reason: 'ship',
    });
    expect(readingOf('Crowds saw Harry Potter there.', 'Harry Potter')).toMatchObject({ kind: 'skipped', reason: 'not a person' });
    expect(readingOf('Trade with New Zealand grew.', 'New Zealand')).toMatchObject({ kind: 'skipped', reason: 'country' });
  });

  it('rejects an object, a phrase qualifying a role, a place and a work', () => {
    expect(readingOf('The firm Vextal Domecq grew.', 'Vextal Domecq')).toMatchObject({ kind: 'rejected', reason: 'object' });
    expect(readingOf('On Monday Acme Widgets chairman Jonas Pell spoke.', 'Acme Widgets')).toMatchObject({
      kind: 'rejected',
      reason: 'qualifies a role',
    });
    expect(readingOf('Crowds met in West Midlands.', 'West Midlands')).toMatchObject({ kind: 'rejected', reason: 'place' });
    expect(readingOf('He sang Gone With The Wind there.', 'Gone With The Wind')).toMatchObject({ kind: 'rejected', reason: 'work' });
  });

  it('keeps a title that is part of a one-word name, and hands other lone words on', () => {
    expect(readingOf('Crowds met Lord Sugar there.', 'Lord Sugar')).toEqual({ kind: 'person', name: 'Lord Sugar' });
    expect(readingOf('Crowds met Mr Plandt there.', 'Plandt')).toEqual({ kind: 'single', word: 'Plandt', marked: true, midSentence: true });
    expect(readingOf('Crowds met Plandt there.', 'Plandt')).toEqual({ kind: 'single', word: 'Plandt', marked: false, midSentence: true });
  });
});

describe('evidence proves a name no step decided', () => {
  const proven = (text: string) => readingOf(text, 'Zorvic Plandt');
  it('leaves a name with no evidence unproven', () => {
    expect(proven('Crowds met Zorvic Plandt there.')).toMatchObject({ kind: 'candidate', proven: false });
  });

  it.each([
    ['a title', 'Crowds met Inspector Zorvic Plandt there.'],
    ['an honorific on the surname elsewhere', 'Crowds met Zorvic Plandt there. Then Mr Plandt left.'],
    ['a person word before', 'Crowds met spokesman Zorvic Plandt there.'],
    ['a speech verb', 'Crowds met them, said Zorvic Plandt.'],
    ['an apposition', 'Crowds met Zorvic Plandt, who spoke.'],
    ['a country before', "Crowds met Ethiopia's Zorvic Plandt there."],
    ['the surname alone elsewhere', 'Crowds met Zorvic Plandt there. The rain fell on Plandt today.'],
  ])('proves it by %s', (_, text) => {
    expect(proven(text)).toMatchObject({ kind: 'candidate', proven: true });
  });

  it('proves it by a known given name', () => {
    expect(readingOf('Crowds met John Qorvel there.', 'John Qorvel')).toMatchObject({ kind: 'candidate', proven: true });
  });

  it('takes an honorific for a name of everyday words alone: a word of office heads table columns too', () => {
    expect(readingOf('Crowds met Golden Eagle, who spoke.', 'Golden Eagle')).toMatchObject({ kind: 'skipped', reason: 'everyday words' });
    expect(readingOf('Crowds met Inspector Golden Eagle there.', 'Inspector Golden Eagle')).toMatchObject({
      kind: 'skipped',
      reason: 'everyday words',
    });
    expect(readingOf('Crowds met Sgt Golden Eagle there.', 'Golden Eagle')).toMatchObject({ kind: 'candidate', proven: true });
    // A known given name among them makes a name like any other (`Rose` of `Judge Rose Hill`).
    expect(readingOf('Crowds met Judge Rose Hill there.', 'Rose Hill')).toMatchObject({ kind: 'candidate', proven: true });
  });
});

describe('the readings folded into an article', () => {
  const peopleIn = (text: string) =>
    extract(
      { title: 'News', body: [{ kind: 'paragraph', text, line: 1 }], firstLine: 1, lastLine: 1, contentLines: [1], skipped: [] },
      rules,
    ).people;

  it('proves a name listed with a proven one, keeps the text order, and drops a rejected name everywhere', () => {
    expect(peopleIn('Crowds met Zorvic Plandt and John Qorvel there.')).toEqual(['Zorvic Plandt', 'John Qorvel']);
    expect(peopleIn('Crowds met Zorvic Plandt there.')).toEqual([]);
    expect(peopleIn('Crowds met Vextal Domecq, who spoke.')).toEqual(['Vextal Domecq']);
    expect(peopleIn('The firm Vextal Domecq grew. Crowds met Vextal Domecq, who spoke.')).toEqual([]);
  });
});
