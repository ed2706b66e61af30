/**
 * `npm run add -- <file> [--date YYYY-MM-DD]`: files a raw dump under the dated folder of its
 * digest day (default: today), where `npm run ingest` picks it up.
 */
import { access, copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { replaceAtomically } from '#lib/atomic-write.ts';
import { decode } from './ingest/decode.ts';
import { IngestError } from './ingest/errors.ts';

const HELP = `Usage: npm run add -- <file> [--date YYYY-MM-DD] [--root <dir>]

Copies a raw news dump to content/sources/<date>/<name>.txt, the folder \`npm run ingest\` reads.

Options:
  --date <day>    the digest day the dump belongs to, as YYYY-MM-DD (default: today)
  --root <dir>    project folder (default: the current folder)
  -h, --help      show this help

Then: git add content/sources && git commit && git push.`;

function fail(message: string): never {
  console.error(`add: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      root: { type: 'string', default: '.' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (positionals.length !== 1) fail(`expected exactly one dump file, got ${positionals.length}.\n\n${HELP}`);

const day = values.date ?? format(new Date(), 'yyyy-MM-dd');
const parsedDay = parse(day, 'yyyy-MM-dd', new Date(2000, 0, 1));
if (!isValid(parsedDay) || format(parsedDay, 'yyyy-MM-dd') !== day) {
  fail(`--date ${day} is not a real day. Fix: give the digest day as YYYY-MM-DD, e.g. --date ${format(new Date(), 'yyyy-MM-dd')}.`);
}

// npm runs scripts from the project folder; INIT_CWD is where the maintainer typed the command.
const input = resolve(process.env.INIT_CWD ?? '.', positionals[0]!);
let bytes: Uint8Array;
try {
  bytes = await readFile(input);
} catch (error) {
  fail(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Fix: check the path.`);
}
// Refuse what ingest would refuse, before it lands in the repository.
try {
  decode(positionals[0]!, bytes);
} catch (error) {
  if (error instanceof IngestError) fail(error.message);
  throw error;
}

const root = resolve(values.root);
const name = `${basename(input, extname(input))}.txt`;
const target = join(root, 'content', 'sources', day, name);
const shownTarget = relative(root, target);
if (
  await access(target).then(
    () => true,
    () => false,
  )
) {
  fail(`${shownTarget} already exists. Fix: rename the dump (its file name is kept) or remove the old one first.`);
}
await mkdir(join(root, 'content', 'sources', day), { recursive: true });
await replaceAtomically(target, (temporary) => copyFile(input, temporary));
console.log(`added ${shownTarget}; run \`npm run ingest\` (or \`npm run build\`) to see its stories.`);
