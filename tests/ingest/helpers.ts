/** Runs the pure pipeline on dumps held in memory or in tests/fixtures/dumps/, as `npm run ingest` would. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestSources, type IngestResult } from '#ingest/pipeline.ts';

export const fixturesDir = resolve(import.meta.dirname, '../fixtures/dumps');

export function ingestDumps(dumps: Record<string, string | Uint8Array>, date = '2026-02-07'): IngestResult {
  return ingestSources(
    Object.entries(dumps).map(([name, content]) => ({
      path: `content/sources/${date}/${name}`,
      date,
      bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    })),
  );
}

export function ingestFixture(name: string): IngestResult {
  return ingestDumps({ [name]: readFileSync(join(fixturesDir, name)) });
}

/** Body texts of each article, in order: what a reader sees below the headline. */
export function bodies(result: IngestResult): string[][] {
  return result.articles.map((article) => article.body.map((block) => block.text));
}
