/**
 * `npm run ingest`: turns every raw dump under content/sources/ into MDX articles under
 * content/articles/. Run with `--help` for options.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ingestSources } from './ingest/pipeline.ts';
import { readSources } from './ingest/read.ts';
import { writeArticles } from './ingest/write.ts';

const HELP = `Usage: npm run ingest -- [options]

Turns every dump under content/sources/YYYY-MM-DD/*.txt into MDX articles in content/articles/.
Unchanged articles are left untouched; articles whose dump is gone are removed.

Options:
  --report        also list every skipped line (logo text, repeated headline and caption blocks)
                  and every duplicate story
  --root <dir>    project folder to ingest (default: the current folder)
  -h, --help      show this help

Exit status is 1 when any dump has an error; nothing is written then, so the last good
collection stays in place.`;

const { values } = parseArgs({
  options: {
    report: { type: 'boolean', default: false },
    root: { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const root = resolve(values.root);
const { sources, errors: readErrors } = await readSources(root, resolve(root, 'content/sources'));
const result = ingestSources(sources);
const errors = [...readErrors, ...result.errors];

if (values.report) {
  for (const skip of result.skipped) console.log(`skip  ${skip.file}:${skip.line}  [${skip.reason}]  ${skip.text.slice(0, 80)}`);
  for (const duplicate of result.duplicates) {
    console.log(`dup   ${duplicate.file}#L${duplicate.firstLine}-L${duplicate.lastLine}  same story as ${duplicate.duplicateOf}`);
  }
}

for (const error of errors) console.error(`error ${error.message}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} error(s): nothing was written. Fix the dumps above and run \`npm run ingest\` again.`);
  process.exit(1);
}

const written = await writeArticles(resolve(root, 'content/articles'), result.articles);
console.log(
  `ingest: ${sources.length} source(s), ${result.articles.length} article(s): ` +
    `${written.written.length} new or changed, ${written.unchanged.length} unchanged, ${written.removed.length} removed; ` +
    `${result.duplicates.length} duplicate(s), ${result.skipped.length} skipped line(s)` +
    (values.report ? '' : ' (see `npm run ingest -- --report`)'),
);
