/** Every HTML file the build writes is valid HTML by html-validate's recommended rules. */
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBuild, type DemoBuild } from '../helpers/demo-build.ts';
import { htmlFiles } from '../helpers/dist-pages.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Story pages are titled with their headline, which the newsroom wrote and can run long;
    // 70 characters is a search-snippet guideline, not a validity rule.
    'long-title': 'off',
  },
});

describe('valid HTML (html-validate)', () => {
  let build: DemoBuild;
  beforeAll(async () => {
    build = await demoBuild();
  });

  it('finds no error in any page of the build', async () => {
    const files = await htmlFiles(build.dist);
    expect(files).toContain('index.html');
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(join(build.dist, file));
      for (const message of report.results.flatMap((result) => result.messages)) {
        errors.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('would report an error, so a clean result means something', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><p><div></div></p></body></html>',
    );
    expect(report.valid).toBe(false);
  });
});
