/** Stage 3, split: one dump's lines into article blocks, each with its 1-based line range. */

export interface SourceLine {
  /** 1-based line number in the source file. */
  number: number;
  /** The line with surrounding whitespace (including no-break spaces) trimmed. */
  text: string;
}

export interface Block {
  /** Non-blank lines of the block, in order. */
  lines: SourceLine[];
  firstLine: number;
  lastLine: number;
}

/** The site's logo text, left between the caption and the repeated headline by the scraper. */
export const LOGO_LINE = 'TT';

/**
 * A dump in the news site's layout carries the logo line or doubled captions; a plain dump
 * (one story per file, as in the BBC corpus) carries neither and is never split, because its
 * bodies may hold runs of blank lines of their own.
 */
function hasSiteLayout(lines: readonly string[]): boolean {
  return lines.some((line, index) => line === LOGO_LINE || (line !== '' && line.length > 40 && line === lines[index + 1]));
}

/**
 * Articles are separated by two or more empty lines. A whitespace-only line is a separator
 * inside an article, not part of a boundary: scrapers leave them between paragraphs.
 */
export function split(rawLines: readonly string[]): Block[] {
  const trimmed = rawLines.map((line) => line.trim());
  const multiArticle = hasSiteLayout(trimmed);
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  let emptyRun = 0;

  const close = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) blocks.push({ lines: current, firstLine: first.number, lastLine: last.number });
    current = [];
  };

  trimmed.forEach((text, index) => {
    if (text === '') {
      // Only lines that are truly empty count towards a boundary.
      emptyRun = rawLines[index] === '' ? emptyRun + 1 : 0;
      return;
    }
    if (multiArticle && emptyRun >= 2) close();
    emptyRun = 0;
    current.push({ number: index + 1, text });
  });
  close();
  return blocks;
}
