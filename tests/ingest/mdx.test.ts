/** Article text survives the MDX and YAML serialisers exactly: parsed back, it is the text that went in. */
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { NumberedBlock } from '#ingest/parse.ts';
import { bodyToMdx, renderArticle, serialisedBody } from '#ingest/mdx.ts';
import { FRONTMATTER_YAML_OPTIONS, writeFrontmatterYaml } from '#lib/frontmatter-yaml.ts';
import { frontmatterText, hostileLine } from './hostile.ts';

function parseMdx(mdx: string) {
  return fromMarkdown(mdx, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}

const block = fc.record({
  kind: fc.constantFrom<NumberedBlock['kind']>('paragraph', 'paragraph', 'heading'),
  text: hostileLine,
  line: fc.nat(),
});

describe('bodyToMdx', () => {
  it('parses back to the same blocks with the same text, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (body) => {
        const tree = parseMdx(bodyToMdx(body));
        expect(tree.children.map((node) => node.type)).toEqual(body.map((item) => (item.kind === 'heading' ? 'heading' : 'paragraph')));
        expect(tree.children.map((node) => toString(node))).toEqual(body.map((item) => item.text));
      }),
      { numRuns: 400 },
    );
  });

  // Prose as the archive holds it, with every character markup could start with now and then.
  const prose = fc
    .array(
      fc.oneof(
        {
          arbitrary: fc.constantFrom('word', 'Trump', 'é', '2026', '£5', '(AP)', '“a”', "it's", '-', '1.', '5)', ':', 'import ', 'export '),
          weight: 8,
        },
        { arbitrary: fc.constantFrom(...'#*_`<>{}[]!&\\~=+|\t\u00a0$£'.split('')), weight: 1 },
      ),
      { minLength: 1, maxLength: 8 },
    )
    .chain((parts) =>
      fc.array(fc.constantFrom('', ' ', '  '), { minLength: parts.length, maxLength: parts.length }).map((gaps) =>
        parts
          .map((part, index) => gaps[index] + part)
          .join('')
          .trim(),
      ),
    )
    .filter((text) => text !== '');

  it('is the bytes the serializer itself writes, for prose and markup alike (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom<NumberedBlock['kind']>('paragraph', 'heading'),
            text: fc.oneof(prose, hostileLine),
            line: fc.nat(),
          }),
          { maxLength: 5 },
        ),
        (body) => {
          expect(bodyToMdx(body)).toBe(serialisedBody(body));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps a known tricky paragraph literal', () => {
    const text = '1. {x} <script>alert(1)</script> &amp; import x from "y" # *a* _b_ \\ -->';
    const tree = parseMdx(bodyToMdx([{ kind: 'paragraph', text, line: 1 }]));
    expect(tree.children).toHaveLength(1);
    expect(toString(tree.children[0])).toBe(text);
  });
});

describe('renderArticle frontmatter', () => {
  it('reads back as the same headline, standfirst and caption (property)', () => {
    fc.assert(
      fc.property(hostileLine, hostileLine, hostileLine, (title, standfirst, caption) => {
        const mdx = renderArticle({
          frontmatter: {
            title,
            standfirst,
            caption,
            date: '2026-02-07',
            source: 'a.txt#L1-L2',
            people: [],
            countries: [],
            captionPeople: [],
            captionCountries: [],
            roles: {},
          },
          body: [{ kind: 'paragraph', text: 'Body.', line: 2 }],
        });
        const yaml = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1];
        expect(parseYaml(yaml ?? '')).toMatchObject({ title, standfirst, caption });
      }),
      { numRuns: 300 },
    );
  });

  it('is the bytes `yaml` itself writes, for any text in any field (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: frontmatterText,
          standfirst: fc.option(frontmatterText, { nil: undefined }),
          caption: fc.option(frontmatterText, { nil: undefined }),
          people: fc.array(frontmatterText, { maxLength: 3 }),
          roles: fc.dictionary(frontmatterText, frontmatterText, { maxKeys: 3 }),
        }),
        ({ title, standfirst, caption, people, roles }) => {
          const frontmatter = {
            title,
            date: '2026-02-07',
            source: 'a.txt#L1-L2',
            standfirst,
            caption,
            people,
            countries: [],
            captionPeople: people.slice(1),
            captionCountries: ['France'],
            roles,
          };
          expect(writeFrontmatterYaml(frontmatter)).toBe(stringifyYaml(frontmatter, FRONTMATTER_YAML_OPTIONS));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
