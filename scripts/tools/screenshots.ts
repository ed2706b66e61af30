/**
 * `npm run screenshots`: photographs the built site (run `npm run build` first) as a reader sees
 * it: the home page, a story, the most-named person and country, in light and dark, on a phone
 * (390 px) and a desktop (1280 px). Writes docs/screenshots/<page>-<width>-<scheme>.png; the README
 * shows one of them. Beside them, the story's and the country's share cards as the build drew
 * them: card-story.png, card-country.png.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { launchChromium } from './chromium.ts';
import { serveSite } from './static-server.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const out = join(root, 'docs/screenshots');
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];
const SCHEMES = ['light', 'dark'] as const;

const home = parse(
  await readFile(join(dist, 'index.html'), 'utf8').catch(() => {
    throw new Error('dist/index.html is missing: run `npm run build` first');
  }),
);
const firstHref = (selector: string) => {
  const href = home.querySelector(selector)?.getAttribute('href');
  if (!href) throw new Error(`the home page has no ${selector}: is the demo content tagged?`);
  return href.replace(/^\//, '');
};
const pages = {
  home: '',
  story: firstHref('.story-summary__headline a'),
  person: firstHref('.digest-strip a[href*="/people/"]'),
  country: firstHref('.digest-strip a[href*="/countries/"]'),
};

await mkdir(out, { recursive: true });
for (const name of ['story', 'country'] as const) {
  const page = parse(await readFile(join(dist, pages[name], 'index.html'), 'utf8'));
  const image = page.querySelector('meta[property="og:image"]')?.getAttribute('content');
  if (!image) throw new Error(`${pages[name]} names no og:image`);
  const file = join(out, `card-${name}.png`);
  await copyFile(join(dist, decodeURIComponent(new URL(image).pathname)), file);
  console.log(`screenshots: ${file.slice(root.length + 1)}`);
}
const served = await serveSite(dist, '/');
const browser = await launchChromium();
try {
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await tab.goto(served.url + path, { waitUntil: 'load' });
        const file = join(out, `${name}-${viewport.width}-${colorScheme}.png`);
        await tab.screenshot({ path: file });
        console.log(`screenshots: ${file.slice(root.length + 1)}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await served.close();
}
