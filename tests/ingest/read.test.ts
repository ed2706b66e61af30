/** Stage 1 hashes each dump without holding its bytes, and reads them whole only when asked. */
import { hash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '#ingest/errors.ts';
import { readDumps, dumpSha1 } from '#ingest/read.ts';
import { tempProjects } from './project.ts';

const project = tempProjects();

describe('readDumps', () => {
  // Bigger than the buffer dumps are hashed through.
  const text = 'Headline\n\nA paragraph of a story.\n'.repeat(60_000);
  const read = (root: string) => readDumps(root, join(root, 'content/sources'));

  it("gives each dump's SHA-1 before its bytes, and the bytes on disk when asked", async () => {
    const { root } = project({ '2026-02-07/a.txt': text });
    const { sources, errors } = await read(root);
    expect(errors).toEqual([]);
    expect(sources.map((source) => [source.path, source.date])).toEqual([['content/sources/2026-02-07/a.txt', '2026-02-07']]);
    expect(sources[0]!.sha1).toBe(hash('sha1', text));
    expect(Buffer.from(sources[0]!.bytes).toString('utf8')).toBe(text);
    expect(dumpSha1(sources[0]!)).toBe(hash('sha1', text));
  });

  it('fails a dump saved again between its hash and its reading, naming it and the fix', async () => {
    const { root } = project({ '2026-02-07/a.txt': text });
    const { sources } = await read(root);
    writeFileSync(join(root, 'content/sources/2026-02-07/a.txt'), `${text}One more line.\n`);
    expect(() => sources[0]!.bytes).toThrow(IngestError);
    expect(() => sources[0]!.bytes).toThrow(/content\/sources\/2026-02-07\/a\.txt.*changed while it was being ingested.*npm run ingest/s);
  });

  it('hashes the bytes of a source made in memory', () => {
    const bytes = new TextEncoder().encode(text);
    expect(dumpSha1({ path: 'content/sources/2026-02-07/b.txt', date: '2026-02-07', bytes })).toBe(hash('sha1', bytes));
  });
});
