/**
 * The host's limits on a built site (`host` in content/site.yaml): `npm run build` measures
 * dist/ and warns once it passes `WARN_SHARE` of a limit, and fails past the limit, so the
 * maintainer hears of it from the build rather than from a deploy the host refuses.
 */
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { HostLimits } from './settings.ts';

/** Share of a limit past which the build warns. */
export const WARN_SHARE = 0.8;

/** Where the docs tell the way past a host's limit. */
const WAY_OUT = 'docs/deploying.md, "Past the host\'s limit"';

export interface SiteSize {
  bytes: number;
  files: number;
}

export interface LimitFinding {
  level: 'warning' | 'error';
  message: string;
}

/**
 * Every file under `folder`, by its path relative to `folder`, with its size. One stat after
 * another: tens of thousands of them in flight at once queue on the thread pool and take longer.
 */
export async function filesIn(folder: string): Promise<{ path: string; bytes: number }[]> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return files.map((file) => {
    const path = join(file.parentPath, file.name);
    return { path: relative(folder, path), bytes: statSync(path).size };
  });
}

/** Bytes and files under `folder`, counted as a host counts an uploaded site. */
export async function measureFolder(folder: string): Promise<SiteSize> {
  const files = await filesIn(folder);
  return { bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length };
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** `812 bytes`, `3.4 MB`, `1 GB`: in the largest unit (powers of 1000, as in the settings) that keeps it 1 or more. */
export function formatSize(bytes: number): string {
  const power = Math.min(UNITS.length - 1, Math.floor(Math.log10(bytes) / 3));
  if (!(power > 0)) return `${bytes} bytes`;
  return new Intl.NumberFormat('en', { style: 'unit', unit: UNITS[power], unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    bytes / 1000 ** power,
  );
}

const formatFiles = (files: number) => `${files.toLocaleString('en')} files`;

/** A measured size rounded, then exact, so one just past a limit does not read as equal to it. */
const formatMeasuredSize = (bytes: number) =>
  bytes < 1000 ? formatSize(bytes) : `${formatSize(bytes)} (${bytes.toLocaleString('en')} bytes)`;

/** A warning for each limit the site has passed `WARN_SHARE` of, an error for each it has passed. */
export function checkHostLimits(size: SiteSize, host: HostLimits, folder = 'dist/'): LimitFinding[] {
  const limits = [
    { key: 'host.maxSize', verb: 'takes up', used: size.bytes, limit: host.maxSize, format: formatSize, measured: formatMeasuredSize },
  ];
  if (host.maxFiles !== undefined) {
    limits.push({
      key: 'host.maxFiles',
      verb: 'holds',
      used: size.files,
      limit: host.maxFiles,
      format: formatFiles,
      measured: formatFiles,
    });
  }
  return limits.flatMap(({ key, verb, used, limit, format, measured }): LimitFinding[] => {
    const where = `the ${format(limit)} limit of ${host.name} (${key} in content/site.yaml)`;
    if (used > limit) {
      return [
        {
          level: 'error',
          message: `${folder} ${verb} ${measured(used)}, over ${where}, so the host would refuse it. Raise ${key} if your host allows more, or deploy to an object store instead (${WAY_OUT}).`,
        },
      ];
    }
    if (used <= limit * WARN_SHARE) return [];
    return [
      {
        level: 'warning',
        message: `${folder} ${verb} ${measured(used)}, ${Math.floor((used / limit) * 100)}% of ${where}; past it the build fails. Raise ${key} if your host allows more, or plan the move to an object store (${WAY_OUT}).`,
      },
    ];
  });
}
