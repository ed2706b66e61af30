/**
 * Flags as images. world-countries ships an SVG flag per country, named by its ISO alpha-3 code;
 * flag emoji are not used because many systems draw them as two letters.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import worldCountries from 'world-countries';

const alpha3ByAlpha2 = new Map(worldCountries.map((country) => [country.cca2, country.cca3.toLowerCase()]));

/** Site-relative path of the flag of the country with this ISO alpha-2 code. */
export function flagPath(code: string): string {
  return `flags/${code.toLowerCase()}.svg`;
}

/** The flag's SVG as world-countries ships it. */
export async function flagSvg(code: string): Promise<string> {
  const alpha3 = alpha3ByAlpha2.get(code.toUpperCase());
  if (!alpha3) throw new Error(`no flag for country code "${code}"`);
  const require = createRequire(join(process.cwd(), 'package.json'));
  return readFile(require.resolve(`world-countries/data/${alpha3}.svg`), 'utf8');
}
