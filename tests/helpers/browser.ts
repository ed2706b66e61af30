/**
 * Real Chromium for reader-facing tests, driven by playwright-core. The browser is found, or
 * installed when missing, by scripts/chromium.ts, so these tests never skip for want of one.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.ts';

/** A headless Chromium; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}
