/** Stage 2, decode: raw bytes to clean lines of text, whatever encoding and line ends the scraper used. */
import { IngestError } from './errors.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// windows-1252 is a superset of Latin-1's printable range, and what "Latin-1" files really are.
const LEGACY = new TextDecoder('windows-1252');

/** Share of control bytes above which a file is treated as binary, not text. */
const BINARY_CONTROL_SHARE = 0.1;

/** The 1-based line of the first byte that marks the file as binary, or undefined for text. */
function binaryLine(bytes: Uint8Array): number | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return lineAt(bytes, nul);
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  let firstControl = -1;
  // An index loop: an entries() iterator made this scan a tenth of a second of every ingest.
  for (let index = 0; index < sample.length; index++) {
    const byte = sample[index]!;
    const isControl = byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c;
    if (!isControl) continue;
    if (firstControl < 0) firstControl = index;
    control++;
    if (control > sample.length * BINARY_CONTROL_SHARE) return lineAt(bytes, firstControl);
  }
  return undefined;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

export interface DecodedDump {
  lines: string[];
  encoding: 'utf-8' | 'windows-1252';
}

/** Decodes a dump to lines: strips a BOM, accepts CRLF/CR, falls back to windows-1252 for legacy files. */
export function decode(path: string, bytes: Uint8Array): DecodedDump {
  if (bytes.length === 0) {
    throw new IngestError(path, 1, 'the file is empty', 'paste the scraped text into it, or delete it');
  }
  const binaryAt = binaryLine(bytes);
  if (binaryAt !== undefined) {
    throw new IngestError(
      path,
      binaryAt,
      'the file is binary, not text (it holds NUL or control bytes)',
      'export the dump as plain text (.txt), or delete it',
    );
  }
  let text: string;
  let encoding: DecodedDump['encoding'] = 'utf-8';
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = LEGACY.decode(bytes);
    encoding = 'windows-1252';
  }
  // Stray control characters (other than tab and line ends) are invisible and break MDX and
  // YAML, and the noncharacters U+FFFE/U+FFFF make a feed ill-formed XML; they are dropped,
  // the one change besides trimming that ingest makes to the text.
  text = text.replace(/^\uFEFF/, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\uFFFE\uFFFF]/g, '');
  return { lines: text.split(/\r\n|\r|\n/), encoding };
}
