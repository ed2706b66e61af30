import { describe, expect, it } from 'vitest';
import { captionDateOf, creditOf } from '#ingest/parse.ts';
import { bodies, ingestFixture } from './helpers.ts';

const harbour = {
  title: 'Harbour Reopens After Storm Damage Repaired',
  caption: 'Workers repair the harbour wall in Port Example, March 3, 2026. (Reuters)',
  body: [
    'The harbour of Port Example reopened on Monday after three weeks of repairs.',
    'Fishing boats returned to their moorings before dawn, the port authority said.',
  ],
};

describe('layout variants of the news site', () => {
  it('skips the `20` line after the logo', () => {
    const result = ingestFixture('edition-number.txt');
    expect(result.articles.map((article) => article.frontmatter.title)).toEqual(['Valley Harvest Starts Early', harbour.title]);
    expect(bodies(result)[0]).toEqual([
      'Farmers in the valley began the harvest early this year, officials said.',
      'The regional office expects a record crop of apples and pears.',
    ]);
    expect(result.skipped.filter((skip) => skip.reason === 'edition number').map((skip) => [skip.line, skip.text])).toEqual([[6, '20']]);
    expect(result.articles[0]!.frontmatter.captionDate).toBe('2026-02-02');
  });

  it('reads the standfirst between headline and caption, once', () => {
    const [bridge] = ingestFixture('standfirst.txt').articles;
    expect(bridge!.frontmatter.standfirst).toBe('The crossing will link the old town with the new railway station');
    expect(bridge!.frontmatter.caption).toBe('An artist impression of the planned bridge over the river. (AFP)');
    expect(bridge!.body.map((block) => block.text)).toEqual([
      'The city council approved the new bridge by a large majority on Tuesday.',
      'Construction is due to begin next spring and last two years.',
    ]);
  });

  it('does not split an article at a whitespace-only line between blank lines', () => {
    const result = ingestFixture('whitespace-only-line.txt');
    expect(result.articles.map((article) => article.frontmatter.title)).toEqual(['Museum Opens Its Doors Again', harbour.title]);
    expect(bodies(result)[0]).toEqual([
      'The city museum reopened on Sunday after a two-year renovation.',
      'More than a thousand visitors came on the first day.',
    ]);
  });

  it('trims trailing spaces and no-break spaces, so repeated lines still match', () => {
    const result = ingestFixture('trailing-spaces.txt');
    const [fares] = result.articles;
    expect(fares!.frontmatter.title).toBe('Train Fares to Rise in Spring');
    expect(fares!.frontmatter.caption).toBe('Passengers wait on a platform at the central station. (Reuters)');
    expect(fares!.body.map((block) => block.text)).toEqual([
      'Train fares will rise by four percent in the spring, the operator said.',
      'Season tickets are included in the rise.',
    ]);
  });

  it('takes each line as a paragraph when paragraphs are separated by single newlines', () => {
    expect(bodies(ingestFixture('single-newlines.txt'))[0]).toEqual([
      'All schools in the district closed on Thursday because of heavy snow.',
      'The weather service expects more snow overnight.',
      'Roads in the hills remain closed to traffic.',
    ]);
  });

  it('marks subheadings inside the body as headings', () => {
    const [budget] = ingestFixture('subheadings.txt').articles;
    expect(budget!.body.map((block) => [block.kind, block.text.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['paragraph', 'The finance minister'],
      ['heading', 'Income tax'],
      ['paragraph', 'The basic rate'],
      ['heading', 'Fuel duty'],
      ['paragraph', 'Fuel duty will'],
    ]);
  });

  it('reads caption credits with or without parentheses', () => {
    const articles = ingestFixture('caption-credits.txt').articles;
    expect(articles.map((article) => [article.frontmatter.title, article.frontmatter.credit])).toEqual([
      ['Ministers Meet in Capital', 'Reuters'],
      ['Old Bridge Closes for Repairs', 'Reuters'],
      ['Crowds Gather for Festival', 'Reuters'],
    ]);
    expect(articles[0]!.frontmatter.captionDate).toBe('2026-01-06');
  });

  it('accepts an article with no caption and no logo', () => {
    const result = ingestFixture('no-caption-no-tt.txt');
    const library = result.articles[1]!;
    expect(library.frontmatter.title).toBe('Library Extends Opening Hours');
    expect(library.frontmatter.caption).toBeUndefined();
    expect(library.body.map((block) => block.text)).toEqual([
      'The central library will open until ten in the evening from next week.',
      'The change follows requests from students.',
    ]);
  });

  it('reads CRLF line ends like LF', () => {
    const result = ingestFixture('crlf.txt');
    expect(result.articles.map((article) => article.frontmatter.title)).toEqual([harbour.title, 'Valley Harvest Starts Early']);
    expect(result.articles[0]!.frontmatter.caption).toBe(harbour.caption);
    expect(bodies(result)[0]).toEqual(harbour.body);
    expect(result.articles.flatMap((article) => article.body).some((block) => block.text.includes('\r'))).toBe(false);
  });

  it('drops a UTF-8 byte order mark from the headline', () => {
    const [article] = ingestFixture('utf8-bom.txt').articles;
    expect(article!.frontmatter.title).toBe(harbour.title);
    expect(article!.body.map((block) => block.text)).toEqual(harbour.body);
  });

  it('reads windows-1252 bytes and warns that the file is not UTF-8', () => {
    const result = ingestFixture('windows-1252.txt');
    const [cafe] = result.articles;
    expect(cafe!.frontmatter.title).toBe('Café Owner Wins “Best Coffee” Prize');
    expect(cafe!.body.map((block) => block.text)).toEqual([
      'The owner of the café, José Núñez, won the prize on Friday.',
      'The prize is worth £500, the jury said.',
    ]);
    expect(result.warnings).toEqual([expect.stringContaining('windows-1252.txt: not UTF-8')]);
  });

  it('reads a plain dump (headline, then paragraphs) as one article, blank runs included', () => {
    const result = ingestFixture('plain-layout.txt');
    expect(result.articles).toHaveLength(1);
    const [cup] = result.articles;
    expect(cup!.frontmatter.title).toBe('Local Team Wins Cup Final');
    expect(cup!.body.map((block) => block.kind)).toEqual(Array(6).fill('paragraph'));
    expect(cup!.body.at(-1)!.text).toBe('Rovers v United');
  });

  it.each([
    'edition-number.txt',
    'standfirst.txt',
    'whitespace-only-line.txt',
    'trailing-spaces.txt',
    'single-newlines.txt',
    'subheadings.txt',
    'caption-credits.txt',
    'crlf.txt',
  ])('%s: logo, headlines and captions never reach a body', (name) => {
    const result = ingestFixture(name);
    const furniture = new Set([
      'TT',
      '20',
      ...result.articles.flatMap((article) => [
        article.frontmatter.title,
        article.frontmatter.caption ?? '',
        article.frontmatter.standfirst ?? '',
      ]),
    ]);
    expect(result.articles.flatMap((article) => article.body).filter((block) => furniture.has(block.text))).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});

describe('caption details', () => {
  it.each([
    ['A crowd in the square. (Reuters)', 'Reuters'],
    ['A crowd in the square. Reuters file photo', 'Reuters'],
    ['A crowd in the square. (AFP file photo)', 'AFP'],
    ['A crowd in the square. REUTERS/Amr Abdallah Dalsh', 'Reuters'],
    ['A crowd in the square (AP Photo/Jane Doe)', 'AP'],
    ['A crowd in the square. (Getty Images)', 'Getty Images'],
    ['The minister (2nd R) meets the envoy (L)', undefined],
    ["Kamal Kharrazi, an adviser to Iran's supreme leader, during an interview with IRNA.", undefined],
  ])('%s -> credit %s', (caption, credit) => {
    expect(creditOf(caption)).toBe(credit);
  });

  it.each([
    ['In Paris, France, January 6, 2026. (Reuters)', '2026-01-06'],
    ['In Jerusalem, 02 February 2026. (EPA)', '2026-02-02'],
    ['In Zagreb, Croatia, 30 January 2026. (EPA)', '2026-01-30'],
    ['In Rome, Feb. 3, 2026. (AP)', '2026-02-03'],
    ['In Rome on Monday. (AP)', undefined],
    ['In Rome, February 30, 2026. (AP)', undefined],
  ])('%s -> captionDate %s', (caption, date) => {
    expect(captionDateOf(caption)).toBe(date);
  });
});
