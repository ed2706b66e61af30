import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironment, projectRoot } from '#tools/fixture-site.ts';

const ASTRO = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Runs a command to its end, failing or not, and returns its exit code and everything it printed. */
function runToEnd(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: projectRoot, env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('types', () => {
  // `astro check` generates the astro:content types first (a fresh clone has none), then checks
  // every file tsconfig includes, .ts and .astro alike, under the strict settings: tsc alone
  // cannot read .astro components.
  it('the whole project type-checks under strict', async () => {
    const { code, output } = await runToEnd(process.execPath, [ASTRO, 'check']);
    expect(output, 'astro check did not report a result').toMatch(/Result \(\d+ files\)/);
    expect(code, `astro check found type errors:\n${output}`).toBe(0);
  });
});
