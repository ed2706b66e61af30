/** Every non-blank line of a dump ends in exactly one article or in the skip report; duplicates merge; slugs are stable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '#ingest/pipeline.ts';
import { ingestDumps } from './helpers.ts';

/** Where each non-blank line went: `file:line` -> how many times it was placed. */
function placements(result: IngestResult): Map<string, number> {
  const placed = new Map<string, number>();
  const place = (key: string) => placed.set(key, (placed.get(key) ?? 0) + 1);
  for (const article of result.articles) {
    const file = article.frontmatter.source.replace(/#.*$/, '');
    for (const line of article.contentLines) place(`${file}:${line}`);
  }
  for (const skip of result.skipped) place(`${skip.file}:${skip.line}`);
  return placed;
}

function nonBlankLines(file: string, text: string): Map<string, string> {
  const lines = new Map<string, string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '') lines.set(`${file}:${index + 1}`, line.trim());
  });
  return lines;
}

const furniture = fc.constantFrom(
  'TT',
  '20',
  '',
  '',
  '',
  '   ',
  '\u00a0',
  'A headline that the site repeats',
  'A photo caption that the site doubles. (Reuters)',
);
const prose = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((text) => text.replace(/[\p{Cc}\u2028\u2029\uFEFF]/gu, ''));
const line = fc.oneof(
  { arbitrary: furniture, weight: 3 },
  { arbitrary: prose, weight: 2 },
  { arbitrary: fc.lorem({ maxCount: 12, mode: 'sentences' }), weight: 2 },
);
const dump = fc.array(line, { minLength: 1, maxLength: 60 }).map((lines) => lines.join('\n'));

describe('nothing lost', () => {
  it('places every non-blank line in exactly one article or the skip report (property)', () => {
    fc.assert(
      // The first dump again under another name: every story in it becomes a duplicate.
      fc.property(fc.array(dump, { minLength: 1, maxLength: 3 }), fc.boolean(), (distinct, repeatFirst) => {
        const dumps = repeatFirst ? [...distinct, distinct[0]!] : distinct;
        const named = Object.fromEntries(dumps.map((text, index) => [`dump-${index}.txt`, text]));
        const result = ingestDumps(named);
        const expected = new Map<string, string>();
        for (const [name, text] of Object.entries(named))
          for (const [key, value] of nonBlankLines(`content/sources/2026-02-07/${name}`, text)) expected.set(key, value);
        const placed = placements(result);
        const erroredFiles = new Set(result.errors.map((error) => error.file));
        for (const key of expected.keys()) {
          if (erroredFiles.has(key.replace(/:\d+$/, ''))) continue;
          expect(placed.get(key), key).toBe(1);
        }
        for (const key of placed.keys()) expect(expected.has(key), `placed a line that is blank or absent: ${key}`).toBe(true);
        // An article holds its lines' text as written (trimmed), headline, caption and body alike.
        for (const article of result.articles) {
          const file = article.frontmatter.source.replace(/#.*$/, '');
          const held = [
            article.frontmatter.title,
            article.frontmatter.standfirst,
            article.frontmatter.caption,
            ...article.body.map((block) => block.text),
          ]
            .filter((text) => text !== undefined)
            .sort();
          expect(held).toEqual(article.contentLines.map((number) => expected.get(`${file}:${number}`)).sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports skipped lines with their file, line and reason', () => {
    const result = ingestDumps({
      'a.txt': 'Headline\n\nCaption of the photo here (AFP)\nCaption of the photo here (AFP)\nTT\n\nHeadline\n\nBody.\n',
    });
    expect(result.skipped.map((skip) => [skip.file, skip.line, skip.reason])).toEqual([
      ['content/sources/2026-02-07/a.txt', 4, 'repeated caption'],
      ['content/sources/2026-02-07/a.txt', 5, 'logo'],
      ['content/sources/2026-02-07/a.txt', 7, 'repeated headline'],
    ]);
  });
});

const story = (title: string, body: string) =>
  `${title}\n\nA caption for the story, in the square. (AFP)\nA caption for the story, in the square. (AFP)\nTT\n\n${title}\n\n${body}\n`;

describe('duplicates and slugs', () => {
  it('merges the same story met twice in one dump, and reports it', () => {
    const same = story('Storm Hits Coast', 'The storm hit the coast on Monday.');
    const result = ingestDumps({ 'a.txt': `${same}\n\n\n${same}` });
    expect(result.articles).toHaveLength(1);
    expect(result.duplicates).toEqual([
      { file: 'content/sources/2026-02-07/a.txt', firstLine: 13, lastLine: 21, duplicateOf: 'content/sources/2026-02-07/a.txt#L1-L9' },
    ]);
    expect(result.skipped.filter((skip) => skip.reason.startsWith('duplicate of')).map((skip) => skip.line)).toEqual([13, 15, 21]);
  });

  it('merges the same story across dumps and days, even with other whitespace', () => {
    const first = ingestDumps({ 'a.txt': story('Storm Hits Coast', 'The storm hit the coast on Monday.') }, '2026-02-07');
    const both = ingestDumps(
      {
        'a.txt': story('Storm Hits Coast', 'The storm hit the coast on Monday.'),
        'b.txt': story('Storm  Hits Coast', 'The storm hit the  coast on Monday.'),
      },
      '2026-02-07',
    );
    expect(both.articles.map((article) => article.path)).toEqual(first.articles.map((article) => article.path));
    expect(both.duplicates.map((duplicate) => duplicate.file)).toEqual(['content/sources/2026-02-07/b.txt']);
  });

  it('merges a story whatever whitespace runs separate its words, and only the same words', () => {
    const separator = fc.constantFrom(' ', '  ', '\t', ' \t ', '\u00a0', '\u2003 ', ' \u00a0');
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { minLength: 3, maxLength: 12 }), word, (words, other) => {
        const plain = words.map(([text]) => text).join(' ');
        const spaced =
          words
            .map(([text, gap]) => `${text}${gap}`)
            .join('')
            .trimEnd() + '.';
        const result = ingestDumps({
          'a.txt': story('Storm Hits Coast', `${plain}.`),
          'b.txt': story('Storm Hits Coast', spaced),
          'c.txt': story('Storm Hits Coast', `${plain} ${other}.`),
        });
        expect(result.duplicates.map((duplicate) => duplicate.file)).toEqual(['content/sources/2026-02-07/b.txt']);
      }),
      { numRuns: 100 },
    );
  });

  it('gives two stories with one headline on one day distinct, stable slugs', () => {
    const dumps = {
      'a.txt': `${story('Talks Resume', 'Talks resumed in Geneva.')}\n\n\n${story('Talks Resume', 'Talks resumed in Oslo.')}`,
    };
    const paths = ingestDumps(dumps).articles.map((article) => article.path);
    expect(paths).toEqual(['2026-02-07/talks-resume.mdx', '2026-02-07/talks-resume-2.mdx']);
    expect(ingestDumps(dumps).articles.map((article) => article.path)).toEqual(paths);
  });

  it('names a story whose headline has no Latin letters', () => {
    const result = ingestDumps({ 'a.txt': story('محادثات في جنيف', 'استؤنفت المحادثات.') });
    expect(result.articles.map((article) => article.path)).toEqual(['2026-02-07/story.mdx']);
  });
});
