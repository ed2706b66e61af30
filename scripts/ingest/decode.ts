/** Stage 2, decode: raw bytes to clean lines of text, whatever encoding and line ends the scraper used. */
import { IngestError } from './errors.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// windows-1252 is a superset of Latin-1's printable range, and what "Latin-1" files really are.
const LEGACY = new TextDecoder('windows-1252');

/** Share of control bytes above which a file is treated as binary, not text. */
const BINARY_CONTROL_SHARE = 0.1;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * BINARY_CONTROL_SHARE;
}

export interface DecodedSource {
  lines: string[];
  encoding: 'utf-8' | 'windows-1252';
}

/** Decodes a dump to lines: strips a BOM, accepts CRLF/CR, falls back to windows-1252 for legacy files. */
export function decode(path: string, bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) {
    throw new IngestError(path, undefined, 'the file is empty', 'paste the scraped text into it, or delete it');
  }
  if (looksBinary(bytes)) {
    throw new IngestError(path, undefined, 'the file is binary, not text', 'export the dump as plain text (.txt), or delete it');
  }
  let text: string;
  let encoding: DecodedSource['encoding'] = 'utf-8';
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = LEGACY.decode(bytes);
    encoding = 'windows-1252';
  }
  text = text.replace(/^\uFEFF/, '');
  return { lines: text.split(/\r\n|\r|\n/), encoding };
}
