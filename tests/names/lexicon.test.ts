import { words } from 'popular-english-words';
import { expect, it } from 'vitest';
import { COMMON_WORDS_FILE, commonWords } from '#ingest/names/lexicon.ts';

it('common-words.txt is the 8,000 most popular words of popular-english-words (`npx vitest -u` rewrites it)', async () => {
  await expect(`${words.getMostPopular(8000).join('\n')}\n`).toMatchFileSnapshot(COMMON_WORDS_FILE);
});

it('everyday words leave out the given names the popularity list holds', () => {
  expect(words.getMostPopular(8000)).toEqual(expect.arrayContaining(['despite', 'shares', 'john', 'james']));
  expect(['despite', 'shares'].filter((word) => commonWords().has(word))).toEqual(['despite', 'shares']);
  expect(['john', 'james'].filter((word) => commonWords().has(word))).toEqual([]);
});
