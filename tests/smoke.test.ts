import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from './helpers/site.ts';

describe('demo site build', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await createFixtureSite();
    await site.npm('build');
  });
  afterAll(() => site.remove());

  it('renders every seed story as a page', async () => {
    const html = await readFile(join(site.dist, '2026/02/07/iran-leaves-door-open-for-indirect-talks-with-washington/index.html'), 'utf8');
    expect(html).toContain('Kamal Kharrazi, an adviser to Iran');
  });
});
