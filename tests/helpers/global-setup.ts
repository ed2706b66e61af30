/**
 * Vitest global setup, in the main process: serves the demo builds that test files share (see
 * demo-build.ts) on a local port, and removes them when the run ends. Every project of a run
 * shares the one server, so a demo site built for the site tier is the one the browser tier reads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { createFixtureSite, type FixtureSite } from '#tools/fixture-site.ts';

export const DEMO_SITE_URL = 'https://example.org';

/** Builds each base path once, on first request; a failure is shared the same way. */
class DemoBuilds {
  private readonly builds = new Map<string, Promise<FixtureSite>>();

  get(basePath: string): Promise<FixtureSite> {
    let build = this.builds.get(basePath);
    if (build === undefined) {
      build = this.build(basePath);
      this.builds.set(basePath, build);
    }
    return build;
  }

  private async build(basePath: string): Promise<FixtureSite> {
    const site = await createFixtureSite();
    try {
      await site.npm('build', [], { BASE_PATH: basePath, SITE_URL: DEMO_SITE_URL });
      return site;
    } catch (error) {
      await site.remove();
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`npm run build with BASE_PATH=${basePath} failed:\n${stdout ?? ''}\n${stderr ?? (error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Removes every build, waiting for one still running. */
  async removeAll(): Promise<void> {
    for (const site of await Promise.allSettled(this.builds.values())) if (site.status === 'fulfilled') await site.value.remove();
  }
}

interface Service {
  url: string;
  server: Server;
  builds: DemoBuilds;
  /** Projects whose setup has run and whose teardown has not. */
  users: number;
}

// Each project loads this file as a module of its own; the process-wide slot lets them share one service.
const SLOT = Symbol.for('broadsheet.demoBuilds');
const registry = globalThis as { [SLOT]?: Promise<Service> };

async function startService(): Promise<Service> {
  const builds = new DemoBuilds();
  const server = createServer((request, response) => {
    const basePath = new URL(request.url ?? '/', 'http://host').searchParams.get('basePath') ?? '/';
    builds.get(basePath).then(
      (site) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ dist: site.dist })),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(error.message),
    );
  });
  // Port 0: the system picks a free port, read back once listening.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server, builds, users: 0 };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  registry[SLOT] ??= startService();
  const service = await registry[SLOT];
  service.users++;
  project.provide('demoBuildsUrl', service.url);
  return async () => {
    if (--service.users > 0) return;
    delete registry[SLOT];
    service.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => service.server.close((error) => (error ? reject(error) : resolve())));
    await service.builds.removeAll();
  };
}
