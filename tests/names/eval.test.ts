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

  it('reaches its F1 targets on the tuned and the untuned BBC stories, and the two do not drift apart', () => {
    const [tuned, untuned] = evaluateBbc();
    const f1 = (report: typeof tuned, field: string) => {
      const score = report!.scores[field]!;
      console.log(`${report!.name} ${field}: P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}`);
      return score.f1;
    };
    // The untuned set's misses are never printed: they are not to be read for ideas.
    const tunedPeople = f1(tuned, 'people');
    const untunedPeople = f1(untuned, 'people');
    expect(tunedPeople, `tuned misses: ${tuned!.scores.people!.misses.join('; ')}`).toBeGreaterThanOrEqual(0.97);
    expect(untunedPeople).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(tunedPeople - untunedPeople), 'people F1 of the two sets drift apart: rules fitted to examples').toBeLessThanOrEqual(
      0.03,
    );
    expect(f1(tuned, 'countries')).toBeGreaterThanOrEqual(0.98);
    // Just under the tuned stories' floor here: what the rules reach on news they never saw (docs/performance.md).
    expect(f1(untuned, 'countries')).toBeGreaterThanOrEqual(0.975);
  });
});
