/** Stage 1, read: find every raw dump under the sources folder and check where it lives. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isValid, parseISO, format } from 'date-fns';
import { IngestError } from './errors.ts';

export interface SourceFile {
  /** Path relative to the repository root, with `/` separators. */
  path: string;
  /** The digest day from the dated folder, `YYYY-MM-DD`. */
  date: string;
  bytes: Uint8Array;
}

const DATED_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/** The day a dump belongs to, or an error explaining where it should go. */
export function digestDayOf(relativePath: string): string {
  const parts = relativePath.split('/');
  const folder = parts.at(-2) ?? '';
  const isRealDay = DATED_FOLDER.test(folder) && isValid(parseISO(folder)) && format(parseISO(folder), 'yyyy-MM-dd') === folder;
  if (parts.length !== 2 || !isRealDay) {
    throw new IngestError(
      relativePath,
      undefined,
      'source is not inside a dated folder',
      'move it to a folder named after its digest day, e.g. `YYYY-MM-DD/<name>.txt` (or use `npm run add -- <file> --date YYYY-MM-DD`)',
    );
  }
  return folder;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Every `.txt` dump under `sourcesDir`, sorted by path so output never depends on the file
 * system's order. Files elsewhere or outside a dated folder come back as errors, not silence.
 */
export async function readSources(root: string, sourcesDir: string): Promise<{ sources: SourceFile[]; errors: IngestError[] }> {
  const files = (await listFiles(sourcesDir)).sort();
  const sources: SourceFile[] = [];
  const errors: IngestError[] = [];
  for (const file of files) {
    const repoPath = relative(root, file).split(sep).join('/');
    const insideSources = relative(sourcesDir, file).split(sep).join('/');
    try {
      if (!file.endsWith('.txt')) {
        throw new IngestError(repoPath, undefined, 'not a .txt dump', 'save the dump as plain text with a `.txt` name, or remove it');
      }
      const date = digestDayOf(insideSources);
      sources.push({ path: repoPath, date, bytes: await readFile(file) });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      errors.push(error);
    }
  }
  return { sources, errors };
}
