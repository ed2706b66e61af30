/** Cache keys: equal for equal parts, different when any part or any code file changes. */
import { describe, expect, it } from 'vitest';
import { cacheKey, codeVersion } from '#lib/cache-key.ts';

describe('cacheKey', () => {
  it('depends on every part and on where parts split', () => {
    expect(cacheKey('a', { b: [1, 2] })).toBe(cacheKey('a', { b: [1, 2] }));
    expect(cacheKey('a', { b: [1, 2] })).not.toBe(cacheKey('a', { b: [2, 1] }));
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey()).not.toBe(cacheKey(undefined));
  });
});

describe('codeVersion', () => {
  it('is stable, and covers every file of a folder', () => {
    const version = codeVersion(['scripts/ingest']);
    expect(version).toMatch(/^[0-9a-f]{40}$/);
    expect(codeVersion(['scripts/ingest'])).toBe(version);
    expect(codeVersion(['scripts/ingest/write.ts'])).not.toBe(version);
    expect(codeVersion(['scripts/ingest', 'src/lib/slug.ts'])).not.toBe(version);
  });
});
