import { describe, expect, it } from 'vitest';
import { drawPages, scorePages, type PersonPage } from '#tools/eval/person-pages.ts';

const page = (name: string): PersonPage => ({ name, evidence: [], stories: 1 });
const pages = Array.from({ length: 50 }, (_, index) => page(`Person ${index}`));

describe('the person pages evaluation', () => {
  it('draws the same pages for the same seed, and a removed page only makes room for the next', () => {
    const drawn = drawPages(pages, 22, 10).map((drawnPage) => drawnPage.name);
    expect(drawPages([...pages].reverse(), 22, 10).map((drawnPage) => drawnPage.name)).toEqual(drawn);
    const without = drawPages(
      pages.filter((candidate) => candidate.name !== drawn[3]),
      22,
      10,
    ).map((drawnPage) => drawnPage.name);
    expect(without.filter((name) => drawn.includes(name))).toEqual(drawn.filter((name) => name !== drawn[3]));
  });

  it("counts a duplicate as the person's one page once its other page is gone, and lists what is unjudged", () => {
    const verdicts = {
      verdicts: { 'J Lewsey': 'duplicate', 'Wolf Brother': 'not-person', 'Josh Lewsey': 'person' } as const,
      duplicateOf: { 'J Lewsey': 'Josh Lewsey' },
    };
    const drawn = [page('J Lewsey'), page('Wolf Brother'), page('Tana Umaga')];
    const withOther = scorePages(drawn, verdicts, [...drawn, page('Josh Lewsey')]);
    expect(withOther).toMatchObject({ judged: 2, people: 0, notPeople: ['Wolf Brother'], duplicates: ['J Lewsey'] });
    expect(withOther.unjudged.map((unjudged) => unjudged.name)).toEqual(['Tana Umaga']);
    expect(scorePages(drawn, verdicts, drawn)).toMatchObject({ judged: 2, people: 1, duplicates: [] });
  });
});
