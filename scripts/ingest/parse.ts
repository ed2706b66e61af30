/** Stage 4, parse: an article block into headline, standfirst, photo caption and body. */
import { format, isValid, parse as parseDate } from 'date-fns';
import { LOGO_LINE, type Block, type SourceLine } from './split.ts';

export interface BodyBlock {
  kind: 'paragraph' | 'heading';
  text: string;
  line: number;
}

export interface ParsedArticle {
  title: string;
  standfirst?: string;
  caption?: string;
  credit?: string;
  captionDate?: string;
  body: BodyBlock[];
  firstLine: number;
  lastLine: number;
  /** Lines of the block that are layout, not content: logo text and repeated headline/caption. */
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
/**
 * `Reuters file photo`, `REUTERS/Jane Doe`, `AFP` closing the caption, without parentheses. It must
 * stand after a sentence end or a dash, so `an interview with IRNA.` is not read as a credit.
 */
const BARE_CREDIT = new RegExp(`(?:^|[.!?]\\s+|\\s[-–—|]\\s*)((?:${AGENCY_PATTERN})(?:\\s+file\\s+photo|/[\\p{L} .'-]{1,40})?)\\s*\\.?$`, 'iu');

function canonicalAgency(credit: string): string {
  const agency = AGENCIES.find((name) => credit.toLowerCase().startsWith(name.toLowerCase()));
  if (!agency) return credit;
  const rest = credit.slice(agency.length).replace(/^\s+file\s+photo$/i, '');
  return agency + rest;
}

export function creditOf(caption: string): string | undefined {
  const parenthesised = PARENTHESISED_CREDIT.exec(caption)?.[1]?.trim();
  if (parenthesised) return canonicalAgency(parenthesised.replace(/\s+file\s+photo$/i, ''));
  const bare = BARE_CREDIT.exec(caption)?.[1]?.trim();
  return bare ? canonicalAgency(bare) : undefined;
}

const CAPTION_DATES: { pattern: RegExp; format: string }[] = [
  { pattern: /\b([A-Z][a-z]+ \d{1,2}, \d{4})\b/, format: 'MMMM d, yyyy' },
  { pattern: /\b(\d{1,2} [A-Z][a-z]+ \d{4})\b/, format: 'd MMMM yyyy' },
];

/** The photo's date as the caption gives it (`January 6, 2026`, `02 February 2026`), as `YYYY-MM-DD`. */
export function captionDateOf(caption: string): string | undefined {
  for (const { pattern, format: shape } of CAPTION_DATES) {
    const found = pattern.exec(caption)?.[1];
    if (!found) continue;
    const date = parseDate(found, shape, new Date(2000, 0, 1));
    if (isValid(date)) return format(date, 'yyyy-MM-dd');
  }
  return undefined;
}

/**
 * A subheading inside the body: a short line that ends without sentence punctuation and is
 * followed by more text. Lines with a colon or a dash lead-in are kept as paragraphs.
 */
function isSubheading(line: SourceLine, next: SourceLine | undefined): boolean {
  const words = line.text.split(/\s+/).length;
  return next !== undefined && words <= 8 && line.text.length <= 60 && /^\p{Lu}/u.test(line.text) && !/[.!?:;,"'”’)\]…-]$/u.test(line.text);
}

export function parseBlock(block: Block): ParsedArticle {
  const [titleLine, ...rest] = block.lines;
  if (!titleLine) throw new Error('parseBlock needs a block with at least one line');
  const title = titleLine.text;
  const skipped: SkippedLine[] = [];
  let standfirst: string | undefined;
  let caption: string | undefined;
  let sawLogo = false;
  let index = 0;

  // Walk the header: everything before the first body line is headline furniture.
  for (; index < rest.length; index++) {
    const line = rest[index]!;
    const next = rest[index + 1];
    if (line.text === LOGO_LINE) {
      sawLogo = true;
      skipped.push({ line: line.number, text: line.text, reason: 'logo' });
    } else if (sawLogo && EDITION_NUMBER.test(line.text) && rest[index - 1]?.text === LOGO_LINE) {
      skipped.push({ line: line.number, text: line.text, reason: 'edition number' });
    } else if (line.text === title) {
      skipped.push({ line: line.number, text: line.text, reason: 'repeated headline' });
    } else if (line.text === caption) {
      skipped.push({ line: line.number, text: line.text, reason: 'repeated caption' });
    } else if (line.text === standfirst) {
      skipped.push({ line: line.number, text: line.text, reason: 'repeated standfirst' });
    } else if (caption === undefined && next?.text === line.text) {
      caption = line.text;
    } else if (caption === undefined && standfirst === undefined && !sawLogo && (next?.text === rest[index + 2]?.text || next?.text === LOGO_LINE)) {
      standfirst = line.text;
    } else {
      break;
    }
  }

  const bodyLines = rest.slice(index);
  const body = bodyLines.map((line, position): BodyBlock => ({
    kind: isSubheading(line, bodyLines[position + 1]) && bodyLines.length > 2 ? 'heading' : 'paragraph',
    text: line.text,
    line: line.number,
  }));

  const article: ParsedArticle = { title, body, firstLine: block.firstLine, lastLine: block.lastLine, skipped };
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
