/** The browser the gates use is found in a fixed order, and a wrong explicit choice is an error, not a fallback. */
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH_VARIABLE, ensureChromium, findChromium } from '#tools/chromium.ts';

describe('finding Chromium', () => {
  const before = process.env[CHROMIUM_PATH_VARIABLE];
  afterEach(() => {
    if (before === undefined) delete process.env[CHROMIUM_PATH_VARIABLE];
    else process.env[CHROMIUM_PATH_VARIABLE] = before;
  });

  it(`prefers ${CHROMIUM_PATH_VARIABLE} over every other place`, () => {
    process.env[CHROMIUM_PATH_VARIABLE] = process.execPath;
    expect(findChromium()).toBe(process.execPath);
  });

  it(`stops with what to run when ${CHROMIUM_PATH_VARIABLE} names no file`, () => {
    process.env[CHROMIUM_PATH_VARIABLE] = '/nonexistent/chromium';
    expect(() => ensureChromium()).toThrow(/no such file.*apt-get install chromium.*playwright-core install chromium/s);
  });

  it('finds a browser on this machine (installing one if needed) that is an executable file', () => {
    const path = ensureChromium();
    expect(statSync(path).mode & 0o111, `${path} is executable`).not.toBe(0);
  });
});
