/** Stage 1, read: find every raw dump under the sources folder and check where it lives. */
import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { format, isValid, parseISO } from './dates.ts';
import { IngestError } from './errors.ts';

export interface DumpFile {
  /** Path relative to the repository root, with `/` separators. */
  path: string;
  /** The digest day from the dated folder, `YYYY-MM-DD`. */
  date: string;
  /** A dump found on disk reads its bytes when first asked for them (see `readDumps`). */
  readonly bytes: Uint8Array;
  /** SHA-1 of the bytes, hex, when known without them (see `dumpSha1`). */
  sha1?: string;
}

/** SHA-1 of a dump's bytes, hex. */
export function dumpSha1(source: DumpFile): string {
  return source.sha1 ?? hash('sha1', source.bytes);
}

const readBuffer = Buffer.allocUnsafeSlow(1 << 20);

function fileSha1(file: string): string {
  const sha1 = createHash('sha1');
  const fd = openSync(file, 'r');
  try {
    for (let read; (read = readSync(fd, readBuffer, 0, readBuffer.length, null)) > 0;) sha1.update(readBuffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return sha1.digest('hex');
}

/**
 * A dump on disk, hashed through one reused buffer and read whole only when its bytes are asked
 * for: an unchanged dump comes from the dump cache by its hash, and holding every dump's bytes
 * in fresh memory costs more than hashing them. Changed between the two reads, it fails rather
 * than be cached under the other version's hash.
 */
function diskDump(file: string, path: string, date: string): DumpFile {
  const sha1 = fileSha1(file);
  let bytes: Uint8Array | undefined;
  return {
    path,
    date,
    sha1,
    get bytes() {
      if (bytes === undefined) {
        const read = readFileSync(file);
        if (hash('sha1', read) !== sha1)
          throw new IngestError(
            path,
            undefined,
            'the dump changed while it was being ingested',
            'run `npm run ingest` again once it is saved',
          );
        bytes = read;
      }
      return bytes;
    },
  };
}

const DATED_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day a dump belongs to, from its path inside the sources folder, or an error naming
 * `shownPath` (its path in the repository) and where it should go.
 */
export function digestDayOf(pathInSources: string, shownPath = pathInSources): string {
  const parts = pathInSources.split('/');
  const folder = parts.at(-2) ?? '';
  if (parts.length !== 2 || !DATED_FOLDER.test(folder)) {
    throw new IngestError(
      shownPath,
      1,
      'source is not inside a dated folder',
      'move it to a folder named after its digest day, e.g. `content/sources/YYYY-MM-DD/<name>.txt` (or use `npm run add -- <file> --date YYYY-MM-DD`)',
    );
  }
  // parseISO rolls 2026-02-30 over to March; formatting it back exposes days that do not exist.
  const day = parseISO(folder);
  if (!isValid(day) || format(day, 'yyyy-MM-dd') !== folder) {
    throw new IngestError(
      shownPath,
      1,
      `folder \`${folder}\` is not a real day`,
      'rename the folder to the digest day it holds, as YYYY-MM-DD',
    );
  }
  return folder;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Every `.txt` dump under `sourcesDir`, sorted by path so output never depends on the file
 * system's order. Files elsewhere or outside a dated folder come back as errors, not silence.
 */
export async function readDumps(root: string, sourcesDir: string): Promise<{ sources: DumpFile[]; errors: IngestError[] }> {
  let files: string[];
  try {
    files = (await listFiles(sourcesDir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const shown = relative(root, sourcesDir).split(sep).join('/');
    return {
      sources: [],
      errors: [
        new IngestError(shown, undefined, 'the sources folder does not exist', `create it and add a dump with \`npm run add -- <file>\``),
      ],
    };
  }
  const sources: DumpFile[] = [];
  const errors: IngestError[] = [];
  for (const file of files) {
    const repoPath = relative(root, file).split(sep).join('/');
    const insideSources = relative(sourcesDir, file).split(sep).join('/');
    try {
      if (!file.endsWith('.txt')) {
        throw new IngestError(repoPath, 1, 'not a .txt dump', 'save the dump as plain text with a `.txt` name, or remove it');
      }
      const date = digestDayOf(insideSources, repoPath);
      // Synchronous: dumps are small, and thousands of awaited reads cost more in scheduling than in reading.
      sources.push(diskDump(file, repoPath, date));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      errors.push(error);
    }
  }
  return { sources, errors };
}
