/**
 * The Chromium that the browser tests, Lighthouse and `npm run screenshots` drive. Looked up in
 * this order: the CHROMIUM_PATH environment variable, Debian's /usr/bin/chromium, then
 * Playwright's browser cache. When none is there it installs one (Debian's `chromium` package
 * when running as root on Debian or Ubuntu, otherwise Playwright's installer) or stops with a
 * message saying what to run, so browser checks never quietly go missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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
    log("none found; installing Debian's chromium package with apt-get");
    // Waits for a concurrent apt run (another test worker, an unattended upgrade) instead of failing.
    const apt = ['-o', 'DPkg::Lock::Timeout=600', '-y', '--no-install-recommends'];
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', ...apt, 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  log("none found; installing Playwright's Chromium");
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
    throw new Error(`No Chromium found and installing one failed (${(error as Error).message}). ${HOW_TO_INSTALL}`, { cause: error });
  }
  const installed = findChromium();
  if (!installed) throw new Error(`No Chromium found after installing one. ${HOW_TO_INSTALL}`);
  return installed;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

export interface DebuggableChromium {
  /** The port Chromium serves the DevTools protocol on, for tools that connect by port (Lighthouse). */
  port: number;
  close(): Promise<void>;
}

/**
 * Waits for Chromium to write the port it listens on into its profile folder: watched rather than
 * polled, and bounded, so a Chromium that never listens fails the caller instead of hanging it.
 */
function devToolsPort(profile: string, timeoutMs = 30_000): Promise<number> {
  const file = join(profile, 'DevToolsActivePort');
  return new Promise((resolve, reject) => {
    const watcher = watch(profile);
    const timer = setTimeout(() => finish(new Error(`Chromium wrote no ${file} within ${timeoutMs / 1000} s of starting`)), timeoutMs);
    function finish(outcome: number | Error): void {
      clearTimeout(timer);
      watcher.close();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    // Its first line is the port, once the file is complete.
    const check = () => {
      const port = /^(\d+)\n/.exec(existsSync(file) ? readFileSync(file, 'utf8') : '')?.[1];
      if (port !== undefined) finish(Number(port));
    };
    watcher.on('change', check);
    watcher.on('error', finish);
    // The watch is set first, so a file written in between is seen here or by the watch.
    check();
  });
}

/**
 * A Chromium serving the DevTools protocol on a port. Chromium binds port 0 itself and reports
 * the port it got, so there is no free port picked beforehand that something else could take.
 */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'broadsheet-chromium-'));
  const context = await chromium
    .launchPersistentContext(profile, { executablePath: ensureChromium(), args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'] })
    .catch(async (error: unknown) => {
      await rm(profile, { recursive: true, force: true });
      throw error;
    });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    return { port: await devToolsPort(profile), close };
  } catch (error) {
    await close();
    throw error;
  }
}

// `npm run browser`: find or install Chromium ahead of the test run, and say which one is used.
if (import.meta.main) console.log(`chromium: using ${ensureChromium()}`);
