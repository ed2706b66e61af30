/**
 * Publishes the built site (dist/) to a bucket of an S3-compatible object store (AWS S3,
 * Cloudflare R2, MinIO...), for a CDN to serve: uploads the files that changed since the last
 * publish, each with its content type and cache header (src/lib/object-store.ts), then deletes
 * the objects whose file is gone. Prints what it did.
 *
 * A file is unchanged when its MD5 equals its object's ETag, which S3 and the stores like it
 * make the MD5 of an object uploaded in one part (a larger file, uploaded in parts, has another
 * ETag and is sent again). The sync client compares sizes and modification times, and every
 * build writes every file anew, so it is handed only the files whose content changed.
 *
 * Configured by the environment (see docs/deploying.md):
 *   S3_BUCKET                                 the bucket (required)
 *   S3_ENDPOINT                               the store's endpoint; unset for AWS S3
 *   S3_REGION                                 default us-east-1 (R2 takes auto)
 *   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY    else the AWS SDK's usual credentials
 *
 *   node scripts/deploy-s3.ts [--all] [folder]   (npm run deploy:s3; folder defaults to dist)
 *
 * `--all` leaves out the content comparison, so a fresh build is sent whole: after a change to
 * the headers the files are published with.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { DeleteBucketObjectsCommand, S3SyncClient } from 's3-sync-client';
import { objectHeaders } from '#lib/object-store.ts';

/** Files hashed at once: enough to keep the disk busy, few enough to stay clear of the open-file limit. */
const HASH_BATCH = 64;

/** The MD5 (hex) of every file under `folder`, by its key: its path inside the folder, with `/`. */
async function localHashes(folder: string): Promise<Map<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const hashes = new Map<string, string>();
  for (let start = 0; start < files.length; start += HASH_BATCH) {
    await Promise.all(
      files.slice(start, start + HASH_BATCH).map(async (file) => {
        hashes.set(
          relative(folder, file).split(sep).join('/'),
          createHash('md5')
            .update(await readFile(file))
            .digest('hex'),
        );
      }),
    );
  }
  return hashes;
}

/** The ETag of every object in the bucket, by key, without its quotes. */
async function remoteEtags(client: S3Client, bucket: string): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket })) {
    for (const { Key, ETag } of page.Contents ?? []) if (Key !== undefined && ETag !== undefined) etags.set(Key, ETag.replaceAll('"', ''));
  }
  return etags;
}

function required(name: string, what: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${what} (see docs/deploying.md, "An object store")`);
  return value;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false } } });
const folder = positionals[0] ?? 'dist';

try {
  const bucket = required('S3_BUCKET', 'the name of the bucket to publish to');
  // An empty or missing folder would delete the whole site from the bucket.
  if (!existsSync(join(folder, 'index.html'))) throw new Error(`${folder}/index.html is missing: run npm run build first`);
  const endpoint = process.env.S3_ENDPOINT || undefined;
  const accessKeyId = process.env.S3_ACCESS_KEY_ID;
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY;
  const client = new S3Client({
    region: process.env.S3_REGION || 'us-east-1',
    endpoint,
    // Every S3-compatible store takes bucket-in-path addresses; not all give each bucket a host name.
    forcePathStyle: endpoint !== undefined,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Checksums only where S3 demands one: not every S3-compatible store takes the SDK's default
    // checksum trailers on uploads.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const [hashes, etags] = await Promise.all([localHashes(folder), remoteEtags(client, bucket)]);
  const unchanged = new Set(values.all ? [] : [...hashes].filter(([key, hash]) => etags.get(key) === hash).map(([key]) => key));
  const gone = [...etags.keys()].filter((key) => !hashes.has(key)).sort((a, b) => a.localeCompare(b));
  const syncClient = new S3SyncClient({ client });
  const { created, updated } = await syncClient.sync(folder, `s3://${bucket}`, {
    filters: [{ exclude: (key: string) => unchanged.has(key) }],
    commandInput: (input: { Key?: string }) => objectHeaders(input.Key ?? ''),
  });
  const uploaded = [...created, ...updated].sort((a, b) => a.id.localeCompare(b.id));
  for (const object of uploaded) console.log(`upload ${object.id}`);
  // Only once every new page is up, so no page online links to one already deleted.
  await new DeleteBucketObjectsCommand({ bucket, keys: gone }).execute(client);
  for (const key of gone) console.log(`delete ${key}`);
  const bytes = uploaded.reduce((sum, object) => sum + object.size, 0);
  console.log(
    `deploy-s3: s3://${bucket}: uploaded ${uploaded.length} files (${bytes} bytes), deleted ${gone.length}, ${unchanged.size} unchanged`,
  );
} catch (error) {
  console.error(`deploy-s3: ${(error as Error).message}`);
  process.exitCode = 1;
}
