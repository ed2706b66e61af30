/**
 * The Chromium that the browser tests, Lighthouse and `npm run screenshots` drive. Looked up in
 * this order: the CHROMIUM_PATH environment variable, Debian's /usr/bin/chromium, then
 * Playwright's browser cache. When none is there it installs one (Debian's `chromium` package
 * when running as root on Debian or Ubuntu, otherwise Playwright's installer) or stops with a
 * message saying what to run, so browser checks never quietly go missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH_VARIABLE = 'CHROMIUM_PATH';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless browser in containers and CI (no sandbox: runs as root there). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const HOW_TO_INSTALL =
  `Install one and run again: \`sudo apt-get install chromium\` (Debian/Ubuntu), or ` +
  `\`npx playwright-core install chromium\`, or point ${CHROMIUM_PATH_VARIABLE} at an installed Chromium or Chrome.`;

export function findChromium(): string | undefined {
  const explicit = process.env[CHROMIUM_PATH_VARIABLE];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${CHROMIUM_PATH_VARIABLE}=${explicit}, but there is no such file. ${HOW_TO_INSTALL}`);
    return explicit;
  }
  return [DEBIAN_CHROMIUM, chromium.executablePath()].find((candidate) => existsSync(candidate));
}

function isDebianLike(): boolean {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return /^ID(?:_LIKE)?="?[\w ]*\b(?:debian|ubuntu)\b/m.test(osRelease);
}

function install(): void {
  const log = (message: string) => console.error(`chromium: ${message}`);
  if (process.getuid?.() === 0 && isDebianLike()) {
    log('none found; installing Debian\'s chromium package with apt-get');
    // Waits for a concurrent apt run (another test worker, an unattended upgrade) instead of failing.
    const apt = ['-o', 'DPkg::Lock::Timeout=600', '-y', '--no-install-recommends'];
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', ...apt, 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  log('none found; installing Playwright\'s Chromium');
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
  execFileSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' });
}

/** The path of a usable Chromium, installing one first when the machine has none. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  try {
    install();
  } catch (error) {
    throw new Error(`No Chromium found and installing one failed (${(error as Error).message}). ${HOW_TO_INSTALL}`);
  }
  const installed = findChromium();
  if (!installed) throw new Error(`No Chromium found after installing one. ${HOW_TO_INSTALL}`);
  return installed;
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// `npm run browser`: find or install Chromium ahead of the test run, and say which one is used.
if (import.meta.main) console.log(`chromium: using ${ensureChromium()}`);
