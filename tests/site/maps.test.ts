import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryByName } from '#lib/countries.ts';
import { locatorMap, worldMap, worldMarks } from '#lib/maps.ts';

const bytes = (text: string) => Buffer.byteLength(text);

describe('locator maps', () => {
  it('marks every country, as an outline or a dot, in a few kilobytes', () => {
    for (const country of COUNTRIES) {
      const map = locatorMap(country);
      const [mark] = map.marks;
      expect(mark?.outline !== '' || mark?.dot !== undefined, country.name).toBe(true);
      expect(bytes(map.sphere + map.graticule + map.land + (mark?.outline ?? '')), country.name).toBeLessThan(8_000);
    }
  });

  it('faces the country: its centre is the middle of the globe', () => {
    const map = locatorMap(countryByName('Bahrain')!);
    expect(map.marks[0]?.dot).toEqual([60, 60]);
  });

  it('draws a large country as an outline without a dot', () => {
    const [mark] = locatorMap(countryByName('United States')!).marks;
    expect(mark?.outline).toMatch(/^M/);
    expect(mark?.dot).toBeUndefined();
  });
});

describe('world map', () => {
  it('is one small shared drawing, with small per-day marks', () => {
    const map = worldMap();
    expect(bytes(map.land)).toBeLessThan(20_000);
    const marks = worldMarks(
      ['United States', 'Iran', 'Israel', 'Oman', 'Yemen', 'Italy', 'Palestine'].map((name) => countryByName(name)!),
    );
    expect(marks.map((mark) => mark.name)).toEqual(['United States', 'Iran', 'Israel', 'Oman', 'Yemen', 'Italy', 'Palestine']);
    expect(bytes(marks.map((mark) => mark.outline).join(''))).toBeLessThan(4_000);
  });

  it('marks a country the same whichever countries share the day, as a fresh drawing would', () => {
    const italy = countryByName('Italy')!;
    const [alone] = worldMarks([italy]);
    const [withOthers] = worldMarks([italy, countryByName('France')!]).filter((mark) => mark.name === 'Italy');
    // A copy of the country is not the memo's key, so it is drawn afresh.
    const [fresh] = worldMarks([{ ...italy }]);
    expect(alone?.outline).toMatch(/^M/);
    expect(withOthers).toEqual(alone);
    expect(fresh).toEqual(alone);
  });
});
