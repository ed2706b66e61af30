import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, SETTINGS_FILE } from '#lib/settings.ts';
import { projectRoot } from '#tools/fixture-site.ts';

const valid = 'title: T\ndescription: D\nlanguage: en-GB\ntimeZone: Asia/Riyadh\nstoriesPerPage: 10\n';

describe('content/site.yaml', () => {
  it('the shipped file is valid', () => {
    const settings = parseSettings(readFileSync(join(projectRoot, SETTINGS_FILE), 'utf8'));
    expect(settings.storiesPerPage).toBeGreaterThan(0);
  });

  it('reads every setting', () => {
    expect(parseSettings(`${valid}searchPartStories: 300\npublisherNames: [Asharq Al-Awsat]\n`)).toEqual({
      title: 'T',
      description: 'D',
      language: 'en-GB',
      timeZone: 'Asia/Riyadh',
      storiesPerPage: 10,
      searchPartStories: 300,
      publisherNames: ['Asharq Al-Awsat'],
      host: { name: 'GitHub Pages', maxSize: 1e9 },
      threadWindowDays: 7,
    });
  });

  it('reads the host limits, sizes written with a unit or in bytes', () => {
    expect(parseSettings(`${valid}host:\n  name: GitLab Pages\n  maxSize: 1.5 GB\n  maxFiles: 200000\n`).host).toEqual({
      name: 'GitLab Pages',
      maxSize: 1_500_000_000,
      maxFiles: 200_000,
    });
    expect(parseSettings(`${valid}host: { name: Bucket, maxSize: 500mb }`).host.maxSize).toBe(500_000_000);
    expect(parseSettings(`${valid}host: { name: Bucket, maxSize: 12345 }`).host.maxSize).toBe(12_345);
  });

  it('defaults the stories per search-index part when the file leaves it out', () => {
    expect(parseSettings(valid).searchPartStories).toBe(5000);
  });

  it.each([
    ['timeZone: Mars/Olympus', /timeZone: "Mars\/Olympus" is not an IANA time zone/],
    ['language: not a tag!', /language: "not a tag!" is not a language tag/],
    ['storiesPerPage: 0', /storiesPerPage: expected a whole number/],
    ['storiesPerPage: many', /storiesPerPage: expected a whole number/],
    ['searchPartStories: 2.5', /searchPartStories: expected a whole number/],
    ['title: ""', /title: expected a non-empty text/],
    ['tittle: T', /tittle: unknown setting/],
    ['host: { name: H, maxSize: 1 GiB }', /host\.maxSize: "1 GiB" is not a size such as 1 GB/],
    ['host: { name: H, maxSize: -5 }', /host\.maxSize: "-5" is not a size/],
    ['host: { name: H, maxSize: 1 GB, maxFile: 9 }', /host: maxFile: unknown setting \(known: name, maxSize, maxFiles\)/],
    ['host: { maxSize: 1 GB }', /host\.name: expected a non-empty text/],
    ['host: 1 GB', /host: expected keys name, maxSize/],
  ])('rejects %j with a message naming the file and the key', (line, message) => {
    const key = line.split(':')[0] ?? '';
    const text = valid
      .split('\n')
      .filter((existing) => !existing.startsWith(`${key}:`))
      .concat(line)
      .join('\n');
    expect(() => parseSettings(text)).toThrow(message);
    expect(() => parseSettings(text)).toThrow(/^content\/site\.yaml: /);
  });

  it('rejects a file that is not a mapping', () => {
    expect(() => parseSettings('- a list')).toThrow(/content\/site\.yaml: expected keys/);
  });
});
