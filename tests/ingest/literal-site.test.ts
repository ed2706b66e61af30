/**
 * Hostile text through the whole pipeline: one fixture-site build over a dump of generated
 * stories, then each story page's headline, caption and body read back from the HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '#tools/fixture-site.ts';
import { SEED } from '../helpers/seed.ts';
import { hostileLine } from './hostile.ts';

/** The documented whitespace normalisation: a page shows each run of whitespace as one space. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Story {
  title: string;
  caption?: string;
  body: string[];
}

const storyArbitrary = fc
  .record({
    title: hostileLine,
    caption: fc.option(hostileLine, { nil: undefined }),
    body: fc.uniqueArray(hostileLine, { minLength: 1, maxLength: 4 }),
  })
  // Each line of a story distinct, so the layout (doubled captions, repeated headline) stays unambiguous.
  .filter(
    (story) => new Set([story.title, story.caption, ...story.body].map((text) => text && normalise(text))).size === story.body.length + 2,
  );

function siteLayout(story: Story): string {
  const caption = story.caption === undefined ? '' : `${story.caption}\n${story.caption}\n`;
  return `${story.title}\n\n${caption}TT\n\n${story.title}\n\n${caption}${caption ? '\n' : ''}${story.body.join('\n\n')}\n`;
}

const stories = fc
  .sample(storyArbitrary, { numRuns: 60, seed: SEED })
  .filter((story, index, all) => all.findIndex((other) => normalise(other.title) === normalise(story.title)) === index);

describe('hostile text on the built story pages', () => {
  let site: FixtureSite;
  const pages = new Map<string, ReturnType<typeof parse>>();

  beforeAll(async () => {
    console.info(`literal text: ${stories.length} generated stories, seed ${SEED} (rerun with FC_SEED=${SEED})`);
    site = await createFixtureSite({ '2026-02-07/hostile.txt': stories.map(siteLayout).join('\n\n\n') });
    await site.npm('build');
    const dayDir = join(site.dist, '2026/02/07');
    for (const slug of readdirSync(dayDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      const html = parse(readFileSync(join(dayDir, slug.name, 'index.html'), 'utf8'));
      pages.set(normalise(html.querySelector('article h1')?.text ?? ''), html);
    }
  });
  afterAll(() => site?.remove());

  it('generates text a Markdown, MDX or HTML parser would read as syntax', () => {
    const text = stories.flatMap((story) => [story.title, story.caption ?? '', ...story.body]).join('\n');
    for (const syntax of ['{', '<', '*', '&', '\\']) expect(text).toContain(syntax);
  });

  it('builds one page per story', () => {
    expect([...pages.keys()].sort()).toEqual(stories.map((story) => normalise(story.title)).sort());
  });

  it('shows every headline, caption and paragraph exactly as written', () => {
    const wrong: string[] = [];
    for (const story of stories) {
      const page = pages.get(normalise(story.title));
      if (!page) continue;
      const body = page
        .querySelector('.story__body')!
        .childNodes.filter((node) => node.nodeType === 1)
        .map((node) => normalise(node.text));
      if (JSON.stringify(body) !== JSON.stringify(story.body.map(normalise)))
        wrong.push(`body of ${JSON.stringify(story.title)}: ${JSON.stringify(body)} != ${JSON.stringify(story.body)}`);
      const caption = page.querySelector('figcaption')?.text;
      if (story.caption !== undefined && !normalise(caption ?? '').startsWith(normalise(story.caption))) {
        wrong.push(`caption of ${JSON.stringify(story.title)}: ${JSON.stringify(caption)} != ${JSON.stringify(story.caption)}`);
      }
      const injected = page.querySelectorAll('.story__body script, .story__body img, .story__body a, figcaption script, h1 *');
      if (injected.length > 0)
        wrong.push(`elements injected into ${JSON.stringify(story.title)}: ${injected.map((node) => node.tagName).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
