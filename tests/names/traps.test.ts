import { describe, expect, it } from 'vitest';
import { TRAPS } from '../fixtures/names/traps.ts';
import { captionedStory, ingestStories } from './helpers.ts';

describe('names stage on the classic traps', () => {
  for (const trap of TRAPS) {
    it(trap.name, () => {
      const [article] = ingestStories([trap.text]);
      for (const person of trap.people ?? []) expect(article!.people).toContain(person);
      for (const name of trap.notPeople ?? []) expect(article!.people).not.toContain(name);
      for (const country of trap.countries ?? []) expect(article!.countries).toContain(country);
      for (const country of trap.notCountries ?? []) expect(article!.countries).not.toContain(country);
    });
  }

  it('keeps people and countries named only in the caption out of the main lists', () => {
    const [article] = ingestStories([
      captionedStory('Minister visits Rome', 'Foreign Minister Antonio Tajani speaks in Zagreb, Croatia, 30 January 2026. (EPA)', [
        'Italy will not take part in the board, Italian Foreign Minister Antonio Tajani said on Saturday.',
        'He spoke after meeting officials in Rome.',
      ]),
    ]);
    expect(article!.captionPeople).toEqual(['Antonio Tajani']);
    expect(article!.captionCountries).toEqual(['Croatia']);
    expect(article!.people).toEqual(['Antonio Tajani']);
    expect(article!.countries).toEqual(['Italy']);
    expect(article!.people).not.toContain('EPA');
  });

  it('gives each person the role the story gives them', () => {
    const [article] = ingestStories([
      'Envoy speaks\n\nUS special envoy Steve Witkoff met Iranian Foreign Minister Abbas Araghchi. Kamal Kharrazi, an adviser to the supreme leader, said talks would go on.\n\nWitkoff left on Sunday.',
    ]);
    expect(article!.roles).toMatchObject({
      'Steve Witkoff': 'US special envoy',
      'Abbas Araghchi': 'Iranian Foreign Minister',
      'Kamal Kharrazi': 'adviser to the supreme leader',
    });
  });
});
