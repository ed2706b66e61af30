/** Stage 3, split: one dump's lines into story lines, each story's with its 1-based line range. */

export interface SourceLine {
  /** 1-based line number in the dump. */
  number: number;
  /** The line with surrounding whitespace (including no-break spaces) trimmed. */
  text: string;
}

/** The lines of one story in a dump. */
export interface StoryLines {
  /** Its non-blank lines, in order. */
  lines: SourceLine[];
  firstLine: number;
  lastLine: number;
}

/** The site's logo text, left between the caption and the repeated headline by the scraper. */
export const LOGO_LINE = 'TT';

/** Shorter doubled lines (`Yes`, `Goal!`) happen in ordinary prose; headlines and captions are longer. */
const MIN_DOUBLED_LENGTH = 20;

/**
 * A dump in the news site's layout carries the logo line, or doubles its headlines and
 * captions (the same line again as the next non-blank line). A plain dump (one story per
 * file, as in the BBC corpus) carries neither and is never split, because its bodies hold
 * runs of blank lines of their own.
 */
export function hasSiteLayout(lines: readonly string[]): boolean {
  let previous = '';
  for (const line of lines) {
    if (line === '') continue;
    if (line === LOGO_LINE || (line.length >= MIN_DOUBLED_LENGTH && line === previous)) return true;
    previous = line;
  }
  return false;
}

/**
 * Articles are separated by two or more empty lines. A whitespace-only line is not empty: the
 * site leaves one between paragraphs, so `empty, spaces, empty` is not a boundary.
 */
export function split(rawLines: readonly string[]): StoryLines[] {
  // `trim` also strips no-break spaces, which the site leaves at line ends.
  const trimmed = rawLines.map((line) => line.trim());
  const multiArticle = hasSiteLayout(trimmed);
  const stories: StoryLines[] = [];
  let current: SourceLine[] = [];
  let emptyRun = 0;

  const close = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) stories.push({ lines: current, firstLine: first.number, lastLine: last.number });
    current = [];
  };

  trimmed.forEach((text, index) => {
    if (text === '') {
      emptyRun = rawLines[index] === '' ? emptyRun + 1 : 0;
      return;
    }
    if (multiArticle && emptyRun >= 2) close();
    emptyRun = 0;
    current.push({ number: index + 1, text });
  });
  close();
  return stories;
}
