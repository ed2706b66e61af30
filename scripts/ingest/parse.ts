/** Stage 4, parse: a story's lines into headline, standfirst, photo caption and body. */
import type { Block, StoryText } from '#lib/article.ts';
import { format, isValid, parse as parseDate } from './dates.ts';
import { LOGO_LINE, type SourceLine, type StoryLines } from './split.ts';

/** A body block with the line of the dump it came from. */
export interface NumberedBlock extends Block {
  line: number;
}

/** The story's text fields as the frontmatter declares them, with its body and where it all came from. */
export interface ParsedArticle extends StoryText {
  body: NumberedBlock[];
  firstLine: number;
  lastLine: number;
  /** Line numbers in the dump whose text this article holds: headline, standfirst, caption, body. */
  contentLines: number[];
  /** Lines of the story that are layout, not content: logo text and repeated headline/caption. */
  skipped: SkippedLine[];
}

export interface SkippedLine {
  line: number;
  text: string;
  reason: 'logo' | 'edition number' | 'repeated headline' | 'repeated caption' | 'repeated standfirst';
}

/** A bare number the scraper leaves after the logo (e.g. `20`). */
const EDITION_NUMBER = /^\d{1,4}$/;

const AGENCIES = ['Reuters', 'AFP', 'AP', 'EPA', 'Getty Images', 'Getty', 'SPA', 'WAM', 'Anadolu', 'Xinhua', 'IRNA', 'SANA', 'dpa'];
const AGENCY_PATTERN = AGENCIES.map((name) => name.replace(/ /g, '\\s+')).join('|');
/** `(Reuters)`, `(AFP file photo)`, `(AP Photo/Jane Doe)` at the caption's end. */
const PARENTHESISED_CREDIT = /\(([^()]{1,60})\)\s*\.?$/;
/** `(L)`, `(2nd R)`, `(C)`: where someone stands in the photo, not who took it. */
const POSITION_MARKER = /^(?:\d+(?:st|nd|rd|th)\s+)?(?:[LRC]|left|right|centre|center)$/i;
/**
 * `Reuters file photo`, `REUTERS/Jane Doe`, `AFP` closing the caption, without parentheses. It must
 * stand after a sentence end or a dash, so `an interview with IRNA.` is not read as a credit.
 */
const BARE_CREDIT = new RegExp(
  `(?:^|[.!?]\\s+|\\s[-–—|]\\s*)((?:${AGENCY_PATTERN})(?:\\s+file\\s+photo|/[\\p{L} .'-]{1,40})?)\\s*\\.?$`,
  'iu',
);

/** The agency's usual spelling (`REUTERS/Jane Doe` -> `Reuters`), or the credit as written when no agency is known. */
function canonicalCredit(credit: string): string {
  const agency = AGENCIES.find((name) => new RegExp(`^${name.replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu').test(credit));
  return agency ?? credit.replace(/\s+file\s+photo$/i, '');
}

export function creditOf(caption: string): string | undefined {
  const parenthesised = PARENTHESISED_CREDIT.exec(caption)?.[1]?.trim();
  if (parenthesised && !POSITION_MARKER.test(parenthesised)) return canonicalCredit(parenthesised);
  const bare = BARE_CREDIT.exec(caption)?.[1]?.trim();
  return bare ? canonicalCredit(bare) : undefined;
}

const CAPTION_DATES: { pattern: RegExp; shapes: string[] }[] = [
  { pattern: /\b(\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4})\b/u, shapes: ['MMMM d, yyyy', 'MMM. d, yyyy', 'MMM d, yyyy'] },
  { pattern: /\b(\d{1,2} \p{Lu}\p{Ll}+ \d{4})\b/u, shapes: ['d MMMM yyyy', 'd MMM yyyy'] },
];

/** The photo's date as the caption gives it (`January 6, 2026`, `02 February 2026`), as `YYYY-MM-DD`. */
export function captionDateOf(caption: string): string | undefined {
  for (const { pattern, shapes } of CAPTION_DATES) {
    const found = pattern.exec(caption)?.[1];
    if (!found) continue;
    for (const shape of shapes) {
      const date = parseDate(found, shape, new Date(2000, 0, 1));
      if (isValid(date)) return format(date, 'yyyy-MM-dd');
    }
  }
  return undefined;
}

const HEADING_MAX_WORDS = 8;
const HEADING_MAX_LENGTH = 60;

/** A paragraph that reads as a finished sentence: the text around a subheading. */
function isSentence(line: SourceLine | undefined): boolean {
  return line !== undefined && line.text.length > HEADING_MAX_LENGTH && /[.!?"”’)]$/u.test(line.text);
}

/**
 * A subheading inside the body: a short capitalised line without closing punctuation, between
 * two finished paragraphs, the next one starting a new sentence. Runs of short lines (fixture
 * lists, results tables) and lines broken mid-sentence by the scraper stay paragraphs.
 */
function isSubheading(previous: SourceLine | undefined, line: SourceLine, next: SourceLine | undefined): boolean {
  return (
    line.text.length <= HEADING_MAX_LENGTH &&
    line.text.split(/\s+/).length <= HEADING_MAX_WORDS &&
    /^[\p{Lu}\p{N}]/u.test(line.text) &&
    !/[.!?:;,"'”’)\]…-]$/u.test(line.text) &&
    isSentence(previous) &&
    isSentence(next) &&
    /^[\p{Lu}"“‘']/u.test(next!.text)
  );
}

export function parseStory(story: StoryLines): ParsedArticle {
  const [titleLine, ...rest] = story.lines;
  if (!titleLine) throw new Error('parseStory needs story lines with at least one line');
  const title = titleLine.text;
  const skipped: SkippedLine[] = [];
  const contentLines = [titleLine.number];
  let standfirst: string | undefined;
  let caption: string | undefined;
  let index = 0;

  // Walk the header: headline furniture (standfirst, doubled caption, logo, the headline and
  // caption repeated) until the first line that is none of these.
  for (; index < rest.length; index++) {
    const line = rest[index]!;
    const next = rest[index + 1];
    const afterNext = rest[index + 2];
    if (line.text === LOGO_LINE) {
      skipped.push({ line: line.number, text: line.text, reason: 'logo' });
    } else if (EDITION_NUMBER.test(line.text) && rest[index - 1]?.text === LOGO_LINE) {
      skipped.push({ line: line.number, text: line.text, reason: 'edition number' });
    } else if (line.text === title) {
      skipped.push({ line: line.number, text: line.text, reason: 'repeated headline' });
    } else if (line.text === caption) {
      skipped.push({ line: line.number, text: line.text, reason: 'repeated caption' });
    } else if (line.text === standfirst) {
      skipped.push({ line: line.number, text: line.text, reason: 'repeated standfirst' });
    } else if (caption === undefined && next?.text === line.text) {
      caption = line.text;
      contentLines.push(line.number);
    } else if (
      caption === undefined &&
      standfirst === undefined &&
      next !== undefined &&
      (next.text === afterNext?.text || next.text === LOGO_LINE)
    ) {
      standfirst = line.text;
      contentLines.push(line.number);
    } else {
      break;
    }
  }

  // The furniture never reaches the body, even where the scraper repeats it further down.
  const bodyLines: SourceLine[] = [];
  for (const line of rest.slice(index)) {
    const reason =
      line.text === LOGO_LINE ? 'logo' : line.text === title ? 'repeated headline' : line.text === caption ? 'repeated caption' : undefined;
    if (reason) skipped.push({ line: line.number, text: line.text, reason });
    else bodyLines.push(line);
  }
  const body = bodyLines.map((line, position): NumberedBlock => ({
    kind: isSubheading(bodyLines[position - 1], line, bodyLines[position + 1]) ? 'heading' : 'paragraph',
    text: line.text,
    line: line.number,
  }));
  contentLines.push(...bodyLines.map((line) => line.number));

  const article: ParsedArticle = { title, body, firstLine: story.firstLine, lastLine: story.lastLine, contentLines, skipped };
  if (standfirst !== undefined) article.standfirst = standfirst;
  if (caption !== undefined) {
    article.caption = caption;
    const credit = creditOf(caption);
    if (credit) article.credit = credit;
    const captionDate = captionDateOf(caption);
    if (captionDate) article.captionDate = captionDate;
  }
  return article;
}

/** The lines an article holds, with their text, in file order: what is reported when it becomes no article. */
export function contentOf(article: ParsedArticle): SourceLine[] {
  // parseStory takes them in this order: headline, standfirst (always before a caption), caption, body.
  const texts = [article.title, article.standfirst, article.caption, ...article.body.map((block) => block.text)].filter(
    (text) => text !== undefined,
  );
  return article.contentLines.map((number, index) => ({ number, text: texts[index]! }));
}
