/** The article frontmatter contract: what the ingest writes, the schema reads back, in the order written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ArticleFileError, readArticle, readArticleFile } from '#integration/article-loader.ts';
import { readWrittenFrontmatter, writeFrontmatterYaml } from '#lib/frontmatter-yaml.ts';
import { articleDataSchema, articleFrontmatterSchema } from '#lib/article.ts';
import { YamlFile } from '#lib/yaml-file.ts';
import { renderArticle } from '#ingest/mdx.ts';
import { ingestDumps } from './helpers.ts';
import { frontmatterText } from './hostile.ts';

const story = [
  'Ministers meet in Paris',
  '',
  'A standfirst long enough to be read as one, about the talks in France and what came of them.',
  '',
  'Donald Trump arrives in Paris, January 6, 2026 (Reuters)',
  'Donald Trump arrives in Paris, January 6, 2026 (Reuters)',
  '',
  'US President Donald Trump met Emmanuel Macron in Paris on Tuesday.',
  '',
  'Trump said the talks on Iran went well.',
].join('\n');

const valid = {
  title: 'T',
  date: '2026-02-07',
  source: 'content/sources/2026-02-07/a.txt#L1-L9',
  people: [],
  countries: [],
  captionPeople: [],
  captionCountries: [],
  roles: {},
};

describe('article frontmatter', () => {
  it('reads back from a written file as the frontmatter the pipeline gave, keys in the schema order', () => {
    const [article] = ingestDumps({ 'a.txt': story }).articles;
    const file = renderArticle(article!);
    const { frontmatter } = readArticle(file, 'content/articles/a.mdx');
    expect(frontmatter).toEqual(article!.frontmatter);
    expect(frontmatter.caption).toBeDefined();
    const written = [...file.matchAll(/^(\w+):/gm)].map((match) => match[1]);
    expect(written).toEqual(Object.keys(articleFrontmatterSchema.shape).filter((key) => key in frontmatter));
    expect(Object.keys(article!.frontmatter)).toEqual(written);
  });

  it('rejects a day or a source location in another shape, with the messages the site build shows', () => {
    expect(articleFrontmatterSchema.safeParse({ ...valid, date: '7 Feb 2026' }).error?.issues[0]?.message).toBe(
      'expected a day as YYYY-MM-DD',
    );
    expect(articleFrontmatterSchema.safeParse({ ...valid, captionDate: '2026-2-7' }).error?.issues[0]?.message).toBe(
      'expected a day as YYYY-MM-DD',
    );
    expect(articleFrontmatterSchema.safeParse({ ...valid, source: 'content/sources/a.txt' }).error?.issues[0]?.message).toBe(
      'expected `<path>#L<first>-L<last>`',
    );
    expect(articleDataSchema.safeParse(valid).success).toBe(false);
    expect(articleDataSchema.parse({ ...valid, opening: 'First paragraph.' }).opening).toBe('First paragraph.');
  });

  it('names the file and the line of a bad field when the search index reads an article', () => {
    const file = `---\ntitle: "T"\ndate: "2026-02-07"\nsource: "a.txt"\n---\n\nBody.\n`;
    expect(() => readArticle(file, 'content/articles/2026-02-07/t.mdx')).toThrow(ArticleFileError);
    expect(() => readArticle(file, 'content/articles/2026-02-07/t.mdx')).toThrow(
      /^content\/articles\/2026-02-07\/t\.mdx:4: frontmatter `source`: expected `<path>#L<first>-L<last>`/,
    );
  });

  it('names the line of a YAML syntax error in the file, counting the opening `---`', () => {
    expect(() => readArticleFile('---\ntitle: "T"\npeople: [unclosed\n---\n\nBody.\n', 'a.mdx')).toThrow(
      /^a\.mdx:3: the frontmatter is not valid YAML/,
    );
  });
});

describe("the loader's frontmatter reader", () => {
  it('reads what the ingest writes without a YAML parser, as `yaml` reads it', () => {
    const [article] = ingestDumps({ 'a.txt': story }).articles;
    // The frontmatter as the loader cuts it from the file, without its closing newline.
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(renderArticle(article!))![1]!;
    expect(readWrittenFrontmatter(yaml)).toBeDefined();
    expect(readWrittenFrontmatter(yaml)).toEqual(parseYaml(yaml));
  });

  it('reads any frontmatter, whoever wrote it, as `yaml` does (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: frontmatterText,
          standfirst: fc.option(frontmatterText, { nil: undefined }),
          people: fc.array(frontmatterText, { maxLength: 3 }),
          roles: fc.dictionary(frontmatterText, frontmatterText, { maxKeys: 3 }),
        }),
        fc.boolean(),
        ({ title, standfirst, people, roles }, ownWriter) => {
          const frontmatter = {
            title,
            date: '2026-02-07',
            source: 'a.txt#L1-L2',
            standfirst,
            people,
            countries: [],
            captionPeople: people.slice(1),
            captionCountries: [],
            roles,
          };
          const yaml = ownWriter ? writeFrontmatterYaml(frontmatter) : stringifyYaml(frontmatter, { lineWidth: 20 });
          const file = `---\n${yaml}---\n\nBody.\n`;
          expect(readArticleFile(file, 'a.mdx').data).toEqual(parseYaml(yaml));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads only what `yaml` reads the same, and leaves the rest to it (property)', () => {
    const line = fc.constantFrom(
      'title: "a"',
      'title:',
      'people:',
      'roles:',
      'people: []',
      'roles: {}',
      'null: "x"',
      'x: "a" "b"',
      'x: "a" # c',
      '# comment',
      '',
      "x: 'a'",
      '  - "x"',
      '  - "\\x41"',
      '  - "\\u0041"',
      '  - "\\/"',
      '  - x',
      '   - "x"',
      '  A: "y"',
      '  A: "z"',
      '  null: "z"',
      '  B : "q"',
      '  A #b: "c"',
      '  A.: "d"',
      '  O\'Neil: "e"',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const yaml = lines.join('\n');
        const data = readWrittenFrontmatter(yaml);
        if (data !== undefined) expect(data).toEqual(parseYaml(yaml));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('YamlFile', () => {
  const yaml = new YamlFile('- name: Ada\n  aliases:\n    - Countess\n    - 3\n- name: Alan\n  nickname: A\n');

  it('gives the line of the node a schema issue is about', () => {
    expect(yaml.lineOf({ code: 'invalid_type', expected: 'string', path: [0, 'aliases', 1], message: '', input: 3 })).toBe(4);
    expect(yaml.lineOf({ code: 'unrecognized_keys', keys: ['nickname'], path: [1], message: '', input: {} })).toBe(6);
    // A missing field: the line of the mapping that lacks it.
    expect(yaml.lineOf({ code: 'invalid_type', expected: 'string', path: [1, 'role'], message: '', input: undefined })).toBe(5);
  });

  it('reports a syntax error with its line and no data', () => {
    const broken = new YamlFile('a: 1\na: 2\n');
    expect(broken.syntaxError?.line).toBe(2);
    expect(broken.data).toBeUndefined();
  });
});
