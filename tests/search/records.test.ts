import { describe, expect, it } from 'vitest';
import type { ArticleFrontmatter } from '#lib/article.ts';
import { writeFrontmatterYaml } from '#lib/frontmatter-yaml.ts';
import { storyRecord } from '../../scripts/search/records.ts';

const FILE = 'content/articles/2026-02-07/iran-leaves-door-open.mdx';
const HEADLINE = "Iran Leaves Door Open for 'Indirect' Talks with Washington";
const CAPTION = "Kamal Kharrazi, an adviser to Iran's supreme leader, during an interview with IRNA.";
const BODY = [
  'Kamal Kharrazi said on Thursday that Tehran is ready for indirect negotiations.',
  'Tehran has so far rebuffed the warning to make a deal.',
];

function record(frontmatter: Partial<ArticleFrontmatter> = {}, body: readonly string[] = BODY) {
  const article: ArticleFrontmatter = {
    title: HEADLINE,
    date: '2026-02-07',
    source: 'content/sources/2026-02-07/a.txt#L1-L9',
    people: ['Kamal Kharrazi', 'Steve Witkoff'],
    countries: ['Iran', 'Oman'],
    captionPeople: ['Kamal Kharrazi'],
    captionCountries: [],
    roles: {},
    caption: CAPTION,
    ...frontmatter,
  };
  return storyRecord(FILE, `---\n${writeFrontmatterYaml(article)}---\n\n${body.join('\n\n')}\n`, 'en');
}

/** The words Pagefind can quote in an excerpt: it quotes the record's content and nothing else. */
const quotable = (text: string) => text.split(/\s+/);

describe("a story's search record", () => {
  it('gives Pagefind the body alone to quote, so a match shows the body passage it is in', () => {
    expect(record().content).toBe(BODY.join('\n'));
  });

  it('keeps the headline out of what can be quoted, so a match only in the headline is never the excerpt', () => {
    const { content, meta } = record();
    expect(content).not.toMatch(/Washington/);
    expect(quotable(content)).not.toContain('Leaves');
    // Found, and ranked, as the result's title: Pagefind searches metadata.
    expect(meta.title).toBe(HEADLINE);
  });

  it('finds the caption and the names it is tagged with as metadata, never quoted', () => {
    const { content, meta } = record();
    expect(content).not.toContain('IRNA');
    expect(content).not.toContain('Witkoff');
    expect(meta.caption).toBe(CAPTION);
    expect(meta.names).toBe('Kamal Kharrazi, Steve Witkoff, Iran, Oman');
    expect(record({ caption: undefined }).meta).not.toHaveProperty('caption');
  });

  it('shows the lede, and indexes a standfirst only where the lede does not hold all of it', () => {
    expect(record().meta.lede).toBe(BODY[0]);
    const short = record({ standfirst: 'Tehran keeps one door open.' }).meta;
    expect(short.lede).toBe('Tehran keeps one door open.');
    expect(short).not.toHaveProperty('standfirst');
    const long = `${'Tehran keeps one door open to talks with Washington, its adviser says, '.repeat(3)}and no more.`;
    const cut = record({ standfirst: long }).meta;
    expect(cut.lede?.length).toBeLessThan(long.length);
    expect(cut.standfirst).toBe(long);
  });

  it("files a story in a thread under the thread filter, and searches none of the slug, which spells the thread's first headline", () => {
    const { filters, meta, content } = record({ thread: { slug: '2026-02-05-talks-resume-in-muscat', title: 'Iran and the US: talks' } });
    expect(filters.thread).toEqual(['Iran and the US: talks']);
    expect([content, ...Object.values(meta)].join(' ')).not.toMatch(/muscat/i);
    expect(meta).toEqual(record().meta);
    expect(record().filters).not.toHaveProperty('thread');
  });

  it('links to the story page', () => {
    expect(record().url).toBe('/2026/02/07/iran-leaves-door-open/');
  });
});
