import { describe, expect, it } from 'vitest';
import { evaluateBbc, evaluateSeed, sharedCorpus, sharedCorpusPresent } from '#tools/eval/labelled.ts';

const present = sharedCorpusPresent();
if (!present) console.log(`names eval skipped: the labelled corpora are not at ${sharedCorpus} (seed/ and bbc/ beside the repository)`);

describe.skipIf(!present)('names stage against the labelled sets (npm run eval)', () => {
  it('matches the seed gold exactly for people and countries, in the body and in captions', () => {
    const report = evaluateSeed();
    for (const field of ['people', 'countries', 'captionPeople', 'captionCountries']) {
      const score = report.scores[field]!;
      expect({ field, misses: score.misses, falseHits: score.falseHits, f1: score.f1 }).toEqual({
        field,
        misses: [],
        falseHits: [],
        f1: 1,
      });
    }
  });

  it('reaches F1 >= 0.95 for people and for countries on the hand-labelled BBC stories', () => {
    const report = evaluateBbc();
    expect(report.stories).toBeGreaterThanOrEqual(80);
    for (const field of ['people', 'countries']) {
      const score = report.scores[field]!;
      console.log(`bbc ${field}: P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}`);
      expect(score.f1, `${field} misses: ${score.misses.join('; ')} / false hits: ${score.falseHits.join('; ')}`).toBeGreaterThanOrEqual(
        0.95,
      );
    }
  });
});
