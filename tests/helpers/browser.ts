/**
 * Real Chromium for reader-facing tests, driven by playwright-core. The browser is found, or
 * installed when missing, by scripts/tools/chromium.ts, so these tests never skip for want of one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '#tools/chromium.ts';
import { serveSite, type ServedSite } from '#tools/static-server.ts';
import { demoBuild, type DemoBuild } from './demo-build.ts';

/** A headless Chromium; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface ServedDemo {
  build: DemoBuild;
  served: ServedSite;
  browser: Browser;
}

/**
 * What every reader-facing gate starts from: the shared demo build served under its base path,
 * and a Chromium. Registers the file's hooks; the fields are set once `beforeAll` has run.
 */
export function useServedDemo(): ServedDemo {
  const demo = {} as ServedDemo;
  beforeAll(async () => {
    demo.build = await demoBuild();
    demo.served = await serveSite(demo.build.dist, demo.build.basePath);
    demo.browser = await launchBrowser();
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.served?.close();
  });
  return demo;
}
