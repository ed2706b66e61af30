/**
 * Serves a built site folder the way a static host does: under the site's base path, with the
 * site's own 404.html for unknown paths. Used by the link check, the browser checks and
 * `npm run screenshots`, so they see exactly the files a host would publish.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface ServedSite {
  /** The site's address including the base path, always ending in `/`, e.g. `http://127.0.0.1:4567/digest/`. */
  url: string;
  close(): Promise<void>;
}

export async function serveSite(dist: string, basePath = '/'): Promise<ServedSite> {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const files = sirv(dist, { dev: true, etag: true });
  const notFound = async (response: ServerResponse) => {
    const page = await readFile(join(dist, '404.html')).catch(() => Buffer.from('Not found'));
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (`${path}/` === base) {
      response.writeHead(301, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      void notFound(response);
      return;
    }
    request.url = `/${(request.url ?? '/').slice(base.length)}`;
    files(request, response, () => void notFound(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
