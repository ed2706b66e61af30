/**
 * The same commit always gives the same site. A clean build with the clock a year ahead, another
 * time zone, its sources written in the opposite order with other mtimes, in another folder, is
 * byte-identical to an archive built three times: once, again after a curation file and a setting
 * changed, and again after a story was edited, a day added and a dump removed. The last rebuild
 * updates the second's `dist/`, rendering only the pages whose keys changed, so this also holds
 * the page cache keys to the pages' data; the second must start clean, as every page may show
 * what a curation file or a setting says. The clean build runs its two halves (pages, search
 * index) one after the other, the rebuilds side by side.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, projectRoot, type FixtureSite } from '#tools/fixture-site.ts';
import { HOSTILE_DAY, HOSTILE_DUMP } from './hostile.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Every file's hash, and every folder (an update that deletes a page must not leave its folder). */
async function hashes(dist: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true }))
    if (entry.isDirectory()) result[`${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}/`] = 'folder';
  for (const file of await filesUnder(dist))
    result[file] = createHash('sha256')
      .update(await readFile(join(dist, file)))
      .digest('hex');
  return result;
}

/** The project's own dumps plus hostile ones, two to a day folder so their order could matter. */
async function fixtureSources(): Promise<[string, string | Uint8Array][]> {
  const sourcesDir = join(projectRoot, 'content', 'sources');
  const own = await Promise.all(
    (await filesUnder(sourcesDir)).map(async (file): Promise<[string, Uint8Array]> => [file, await readFile(join(sourcesDir, file))]),
  );
  return [
    ...own,
    [`${HOSTILE_DAY}/a-hostile.txt`, HOSTILE_DUMP],
    [`${HOSTILE_DAY}/z-hostile-copy.txt`, HOSTILE_DUMP.replaceAll('Donald Trump', 'JD Vance')],
  ];
}

const SHIFTED_CLOCK = `--import=${pathToFileURL(join(import.meta.dirname, 'shifted-clock.mjs')).href}`;

/** An earlier state of the same archive: the hostile story under another name, one more dump, no second copy. */
const EDITED_DUMP = `${HOSTILE_DAY}/a-hostile.txt`;
const REMOVED_DUMP = '2026-01-20/removed.txt';
const ADDED_DUMP = `${HOSTILE_DAY}/z-hostile-copy.txt`;

/** The curation and the setting of the final archive: a person's pages move to another slug, tag pages hold fewer stories. */
async function curate(site: FixtureSite): Promise<void> {
  const people = join(site.root, 'content', 'names', 'people.yaml');
  await writeFile(
    people,
    (await readFile(people, 'utf8')).replace('- name: Donald Trump\n', '- name: Donald Trump\n  slug: president-trump\n'),
  );
  await site.setSetting('storiesPerPage', 2);
}

describe('a clean build and a rebuild of the same archive', () => {
  const sites: FixtureSite[] = [];
  let curatedLog = '';
  let rebuildLog = '';
  let shiftedLog = '';

  beforeAll(async () => {
    const sources = await fixtureSources();
    const final = Object.fromEntries(sources);
    const earlier: Record<string, string | Uint8Array> = {
      ...final,
      [EDITED_DUMP]: HOSTILE_DUMP.replaceAll('Donald Trump', 'Keir Starmer'),
      [REMOVED_DUMP]: HOSTILE_DUMP,
    };
    delete earlier[ADDED_DUMP];
    const rebuilt = await createFixtureSite(earlier);
    sites.push(rebuilt);
    await rebuilt.npm('build');
    await curate(rebuilt);
    curatedLog = stripVTControlCharacters((await rebuilt.npm('build')).stdout);
    const sourcesDir = join(rebuilt.root, 'content', 'sources');
    await writeFile(join(sourcesDir, EDITED_DUMP), final[EDITED_DUMP]!);
    await writeFile(join(sourcesDir, ADDED_DUMP), final[ADDED_DUMP]!);
    await rm(join(sourcesDir, REMOVED_DUMP, '..'), { recursive: true });
    // Astro colours its log when it thinks it is on CI.
    rebuildLog = stripVTControlCharacters((await rebuilt.npm('build')).stdout);

    const shifted = await createFixtureSite(Object.fromEntries(sources.toReversed()));
    sites.push(shifted);
    await curate(shifted);
    // Every project file gets another mtime, so nothing may depend on when files were touched.
    const past = new Date('2001-02-03T04:05:06Z');
    for (const file of await filesUnder(shifted.root).catch(() => []))
      await utimes(join(shifted.root, file), past, past).catch(() => undefined);
    // And its two halves one after the other, as on a machine short of memory.
    shiftedLog = stripVTControlCharacters(
      (
        await shifted.npm('build', ['--one-at-a-time'], {
          TZ: 'Pacific/Kiritimati',
          NODE_OPTIONS: SHIFTED_CLOCK,
        })
      ).stdout,
    );
  });

  afterAll(async () => {
    for (const site of sites) await site.remove();
  });

  it('really ran one of them with the clock moved ahead', async () => {
    const script = 'console.log(Date.now(), new Date().getTime())';
    const { stdout } = await promisify(execFile)(join(projectRoot, 'node_modules/.bin/node'), ['-e', script], {
      env: { ...process.env, NODE_OPTIONS: SHIFTED_CLOCK },
    });
    for (const reading of stdout.trim().split(' ').map(Number)) expect(reading - Date.now()).toBeGreaterThan(300 * 24 * 60 * 60 * 1000);
  });

  it('built the search index after the pages in the clean build, and beside them in the rebuild', () => {
    expect(shiftedLog).toMatch(/^build: astro build .*, one after the other \(--one-at-a-time\)$/m);
    // Unless this machine is short of memory, when it too runs them one after the other.
    expect(rebuildLog).toMatch(/^build: astro build .*, (side by side|one after the other \(\d+\.\d GB of memory, under \d+ GB\))$/m);
  });

  it('rebuilt everything after the curation and the setting changed, then only the changed pages', () => {
    expect(curatedLog).toMatch(/^build: clean: \d+ keyed page\(s\) rendered, 0 kept, 0 deleted$/m);
    const [, rendered, kept, deleted] =
      /^build: updated the last build: (\d+) keyed page\(s\) rendered, (\d+) kept, (\d+) deleted$/m.exec(rebuildLog) ?? [];
    expect(Number(kept), 'pages kept from the last build').toBeGreaterThan(Number(rendered));
    // The removed dump's day and story.
    expect(Number(deleted)).toBeGreaterThanOrEqual(2);
    expect(rebuildLog, 'the page of the added story, rendered').toMatch(
      new RegExp(`${HOSTILE_DAY.replaceAll('-', '/')}/[^ ]*jd-vance[^ ]*/index\\.html \\(\\+`),
    );
  });

  it('give byte-identical dist/ folders', async () => {
    const [first, second] = await Promise.all(sites.map((site) => hashes(site.dist)));
    expect(Object.keys(first!).length).toBeGreaterThan(10);
    expect(first, 'the curated slug').toHaveProperty(['people/president-trump/index.html']);
    const differing = Object.keys({ ...first, ...second }).filter((file) => first![file] !== second![file]);
    expect(differing, 'files that differ between the two builds').toEqual([]);
  });
});
