import { describe, expect, it } from 'vitest';
import { countryByName } from '#lib/countries.ts';
import {
  BBC_DEV_LABELS,
  BBC_LABELS,
  BBC_UNTUNED_LABELS,
  drawDevStories,
  drawUntunedStories,
  readLabels as read,
  sharedCorpusPresent,
} from '#tools/eval/labelled.ts';

describe.each([
  ['tuned', BBC_LABELS, 80],
  ['untuned', BBC_UNTUNED_LABELS, 100],
  ['development', BBC_DEV_LABELS, 90],
])('the %s BBC labels file', (_, file, least) => {
  const stories = read(file);

  it(`covers at least ${least} stories from all five folders, keyed by path only`, () => {
    const keys = Object.keys(stories);
    expect(keys.length).toBeGreaterThanOrEqual(least);
    for (const key of keys) expect(key).toMatch(/^(business|entertainment|politics|sport|tech)\/\d{3}\.txt$/);
    expect(new Set(keys.map((key) => key.split('/')[0]))).toEqual(new Set(['business', 'entertainment', 'politics', 'sport', 'tech']));
  });

  it('names countries only by their canonical names', () => {
    for (const [story, label] of Object.entries(stories)) {
      for (const country of [...label.countries, ...(label.optional_countries ?? [])])
        expect(countryByName(country), `${story}: ${country}`).toBeDefined();
    }
  });
});

describe.skipIf(!sharedCorpusPresent())('the untuned set', () => {
  it('is the seeded draw from the stories outside the tuned set, so nobody picked its stories', () => {
    expect(Object.keys(read(BBC_UNTUNED_LABELS))).toEqual(drawUntunedStories());
  });

  it('shares no story with the tuned sets', () => {
    const tuned = new Set([...Object.keys(read(BBC_LABELS)), ...Object.keys(read(BBC_DEV_LABELS))]);
    expect(Object.keys(read(BBC_UNTUNED_LABELS)).filter((story) => tuned.has(story))).toEqual([]);
  });

  it('is followed by the development set, the seeded draw from outside both', () => {
    expect(Object.keys(read(BBC_DEV_LABELS))).toEqual(drawDevStories());
  });
});
