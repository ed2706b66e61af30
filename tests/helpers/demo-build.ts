/**
 * One build of the demo site per base path, shared by every test file of a run, across tiers: the
 * site, browser and Lighthouse checks all read the same dist/, and a 2-core machine cannot afford
 * a build per file. The builds happen in Vitest's main process (see global-setup.ts), on first
 * request: a test file asks over a local HTTP request that is answered when the build is done,
 * so nothing polls, and a run that needs no demo site builds none.
 */
import { request } from 'node:http';
import { inject } from 'vitest';
import { DEMO_SITE_URL } from './global-setup.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the main process answers requests for demo builds, e.g. `http://127.0.0.1:40123/`. */
    demoBuildsUrl: string;
  }
}

export interface DemoBuild {
  /** The built site folder. */
  dist: string;
  /** The base path it was built for, e.g. `/` or `/digest/`. */
  basePath: string;
  siteUrl: string;
}

/** The demo site built for `basePath`, waiting for the build if it is under way. */
export function demoBuild(basePath = '/'): Promise<DemoBuild> {
  const url = new URL(`?basePath=${encodeURIComponent(basePath)}`, inject('demoBuildsUrl'));
  return new Promise((resolve, reject) => {
    // No socket timeout: a build takes as long as it takes, and the hook timeout bounds the wait.
    const call = request(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(body));
        else resolve({ dist: (JSON.parse(body) as { dist: string }).dist, basePath, siteUrl: DEMO_SITE_URL });
      });
    });
    call.on('error', reject);
    call.end();
  });
}
