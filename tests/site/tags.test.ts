import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '#lib/site-index.ts';
import { oftenNamedWith } from '#lib/tags.ts';
import { entry } from './fixtures.ts';

describe('oftenNamedWith', () => {
  it('lists the names a tag shares two or more stories with, most shared first, at most ten', () => {
    const others = Array.from({ length: 12 }, (_, index) => `Person ${String.fromCharCode(65 + index)}`);
    const index = buildSiteIndex([
      entry({ title: 'One', date: '2026-02-07', line: 1, people: ['Ann Lee', 'Bo Chan', ...others], countries: ['Italy'] }),
      entry({ title: 'Two', date: '2026-02-07', line: 2, people: ['Ann Lee', 'Bo Chan', ...others], countries: ['France'] }),
      entry({ title: 'Three', date: '2026-02-08', line: 1, people: ['Ann Lee', 'Bo Chan', 'Cy Dee'], countries: ['Italy'] }),
    ]);
    const ann = index.personBySlug.get('ann-lee')!;
    expect(oftenNamedWith(ann.people).map((tagCount) => [tagCount.tag.name, tagCount.count])).toEqual([
      ['Bo Chan', 3],
      ...others.slice(0, 9).map((name) => [name, 2]),
    ]);
    expect(oftenNamedWith(ann.countries).map((tagCount) => tagCount.tag.name)).toEqual(['Italy']);
    expect(oftenNamedWith(index.personBySlug.get('cy-dee')!.people)).toEqual([]);
  });
});
