/**
 * `npm run deploy:s3` end to end, against a local S3-compatible server (s3rver) in website mode
 * standing in for the bucket and the CDN: a fixture site is built under `/digest/` and published
 * to the bucket `digest`, so `http://127.0.0.1:port/digest/` serves it as a reader would see it.
 * Then a day is added and one removed, and the second publish must send only what changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Browser } from 'playwright-core';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, objectHeaders, REVALIDATE } from '#lib/object-store.ts';
import { launchChromium } from '#tools/chromium.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from '#tools/fixture-site.ts';

const BUCKET = 'digest';
const BASE_PATH = `/${BUCKET}/`;
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const WEBSITE = `<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexDocument><Suffix>index.html</Suffix></IndexDocument>
  <ErrorDocument><Key>404.html</Key></ErrorDocument>
</WebsiteConfiguration>`;

/**
 * s3rver keeps each object as a file and removes a folder once a delete empties it, without a
 * lock, so a delete beside an upload or another delete in the same folder can fail. A real store
 * has no folders: here each object write and delete waits for the one before.
 */
function oneWriteAtATime(server: S3rver): void {
  type Write = (...args: unknown[]) => Promise<unknown>;
  const store = (server as unknown as { store: Record<'putObject' | 'deleteObject', Write> }).store;
  let last: Promise<unknown> = Promise.resolve();
  for (const name of ['putObject', 'deleteObject'] as const) {
    const write = store[name].bind(store);
    store[name] = (...args) => (last = last.catch(() => undefined).then(() => write(...args)));
  }
}

const dump = (name: string) => readFile(join(projectRoot, 'tests/fixtures/dumps', name));

let site: FixtureSite;
let storage: string;
let server: S3rver;
let endpoint: string;
let client: S3Client;
let browser: Browser;

/** The MD5 of every file of the built site, by key. */
async function distHashes(): Promise<Map<string, string>> {
  const entries = (await readdir(site.dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const hashes = new Map<string, string>();
  for (const entry of entries) {
    const file = join(entry.parentPath, entry.name);
    hashes.set(
      relative(site.dist, file).split(sep).join('/'),
      createHash('md5')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return hashes;
}

const build = () => site.npm('build', [], { BASE_PATH, SITE_URL: 'https://example.org' });

/** Publishes the site; resolves with the keys it says it uploaded and deleted, and its summary. */
async function publish(): Promise<{ uploaded: string[]; deleted: string[]; summary: string }> {
  const { stdout } = await site.npm('deploy:s3', [], {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  });
  const lines = stdout.trim().split('\n');
  const summary = lines.find((line) => line.startsWith('deploy-s3: ')) ?? '';
  console.info(summary);
  return {
    uploaded: lines.filter((line) => line.startsWith('upload ')).map((line) => line.slice('upload '.length)),
    deleted: lines.filter((line) => line.startsWith('delete ')).map((line) => line.slice('delete '.length)),
    summary,
  };
}

async function bucketEtags(): Promise<Map<string, string>> {
  const { Contents = [], IsTruncated } = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  expect(IsTruncated).toBe(false);
  return new Map(Contents.map(({ Key, ETag }) => [Key ?? '', (ETag ?? '').replaceAll('"', '')]));
}

beforeAll(async () => {
  site = await createFixtureSite({
    '2026-02-06/credits.txt': await dump('caption-credits.txt'),
    '2026-02-07/standfirst.txt': await dump('standfirst.txt'),
  });
  storage = await mkdtemp(join(tmpdir(), 'broadsheet-s3-'));
  // Port 0: the system picks a free port, read back once listening.
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: storage,
    configureBuckets: [{ name: BUCKET, configs: [WEBSITE] }],
  });
  oneWriteAtATime(server);
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  const [, launched] = await Promise.all([build(), launchChromium()]);
  browser = launched;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
  if (storage) await rm(storage, { recursive: true, force: true });
});

describe('publishing to an S3-compatible bucket', () => {
  it('uploads every file of the first build, each with its content type and cache header', async () => {
    const hashes = await distHashes();
    const { uploaded, deleted, summary } = await publish();
    expect(uploaded).toEqual([...hashes.keys()].sort((a, b) => a.localeCompare(b)));
    expect(deleted).toEqual([]);
    expect(summary).toMatch(new RegExp(`uploaded ${hashes.size} files \\(\\d+ bytes\\), deleted 0, 0 unchanged$`));
    expect(await bucketEtags()).toEqual(hashes);
    for (const key of hashes.keys()) {
      const { ContentType, CacheControl } = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect({ ContentType, CacheControl }, key).toEqual(objectHeaders(key));
    }
    const keys = [...hashes.keys()];
    const headersOf = (pattern: RegExp) => objectHeaders(keys.find((key) => pattern.test(key)) ?? 'missing');
    expect(headersOf(/^index\.html$/)).toEqual({ ContentType: 'text/html; charset=utf-8', CacheControl: REVALIDATE });
    expect(headersOf(/^rss\.xml$/)).toEqual({ ContentType: 'text/xml; charset=utf-8', CacheControl: REVALIDATE });
    expect(headersOf(/^_astro\/.*\.css$/)).toEqual({ ContentType: 'text/css; charset=utf-8', CacheControl: IMMUTABLE });
    expect(headersOf(/^pagefind\/fragment\/.*\.pf_fragment$/)).toEqual({
      ContentType: 'application/octet-stream',
      CacheControl: IMMUTABLE,
    });
    expect(headersOf(/^pagefind\/pagefind-entry\.json$/)).toEqual({ ContentType: 'application/json', CacheControl: REVALIDATE });
  });

  it('uploads only what changed when a day is added and one removed, and deletes what is gone', async () => {
    const before = await distHashes();
    await rm(join(site.root, 'content/sources/2026-02-06'), { recursive: true });
    await mkdir(join(site.root, 'content/sources/2026-02-08'));
    await writeFile(join(site.root, 'content/sources/2026-02-08/subheadings.txt'), await dump('subheadings.txt'));
    await build();
    const after = await distHashes();
    const changed = [...after].filter(([key, hash]) => before.get(key) !== hash).map(([key]) => key);
    const gone = [...before.keys()].filter((key) => !after.has(key));
    const { uploaded, deleted, summary } = await publish();
    expect(uploaded).toEqual(changed.sort((a, b) => a.localeCompare(b)));
    expect(deleted).toEqual(gone.sort((a, b) => a.localeCompare(b)));
    expect(gone).toContain('2026/02/06/index.html');
    expect(uploaded).toContain('2026/02/08/index.html');
    // What a day leaves alone is not sent again: the styles, the older day's pages.
    expect(uploaded.length).toBeLessThan(after.size);
    expect(uploaded).not.toContain('2026/02/07/council-approves-new-bridge/index.html');
    expect(uploaded.filter((key) => key.startsWith('_astro/'))).toEqual([]);
    expect(summary).toContain(`, ${after.size - changed.length} unchanged`);
    expect(await bucketEtags()).toEqual(after);
  });

  it('serves the site from the bucket: pages, the feed, and search in Chromium', async () => {
    const url = `${endpoint}${BASE_PATH}`;
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe(REVALIDATE);
    expect(await home.text()).toContain('Budget Brings Tax Changes');
    const feed = await fetch(`${url}rss.xml`);
    expect(feed.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await feed.text()).toContain('<title>Budget Brings Tax Changes</title>');
    expect((await fetch(`${url}2026/02/06/`)).status).toBe(404);

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}search/?q=budget`);
    await expect.poll(() => page.locator('pagefind-results .pf-result-link').allTextContents()).toContain('Budget Brings Tax Changes');
  });
});
