import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryByName } from '#lib/countries.ts';
import { BBC_LABELS } from '#tools/eval/labelled.ts';

describe('the BBC labels file', () => {
  const { stories } = JSON.parse(readFileSync(BBC_LABELS, 'utf8')) as {
    stories: Record<string, { people: string[]; countries: string[]; optional_countries?: string[] }>;
  };

  it('covers at least 80 stories from all five folders, keyed by path only', () => {
    const keys = Object.keys(stories);
    expect(keys.length).toBeGreaterThanOrEqual(80);
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
