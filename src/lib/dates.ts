/**
 * How the site writes digest days: one place, date-fns underneath. Every function here is pure
 * and a site has far fewer distinct days than pages, so results are kept per day rather than
 * parsed and formatted again on every page.
 */
// Subpaths: the package entry loads hundreds of modules, each resolved through date-fns's large
// exports map, for any script importing this file (the site bundles it either way).
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { TZDate } from '@date-fns/tz';
import { memoise } from './memo.ts';

/** `2026-02-07` -> `Saturday 7 February 2026`. */
export const longDay = memoise((day: string): string => format(parseISO(day), 'EEEE d MMMM yyyy'));

/** `2026-02-07` -> `7 Feb 2026`. */
export const shortDay = memoise((day: string): string => format(parseISO(day), 'd MMM yyyy'));

/** `2026-02` -> `February 2026`. */
export const longMonth = memoise((month: string): string => format(parseISO(`${month}-01`), 'MMMM yyyy'));

/** `2026-02` -> `Feb 2026`. */
export const shortMonth = memoise((month: string): string => format(parseISO(`${month}-01`), 'MMM yyyy'));

/** `2026-02` -> `February`. */
export const monthName = memoise((month: string): string => format(parseISO(`${month}-01`), 'MMMM'));

/** The moment a digest day begins in the site's time zone (feeds and structured data need one). */
function dayStart(day: string, timeZone: string): TZDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, date, timeZone);
}

/** Per time zone (a build has one), per day. */
const dayStartTexts = memoise((timeZone: string) => ({
  iso: memoise((day: string): string => format(dayStart(day, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx")),
  utc: memoise((day: string): string => new Date(dayStart(day, timeZone).getTime()).toUTCString()),
}));

/** `2026-02-07` in `Asia/Riyadh` -> `2026-02-07T00:00:00+03:00`. */
export function dayStartIso(day: string, timeZone: string): string {
  return dayStartTexts(timeZone).iso(day);
}

/** `2026-02-07` in `Asia/Riyadh` -> `Fri, 06 Feb 2026 21:00:00 GMT`, as RSS writes dates. */
export function dayStartUtc(day: string, timeZone: string): string {
  return dayStartTexts(timeZone).utc(day);
}

const DAY_MS = 86_400_000;
const utcTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Whole days from `first` to `last` (`YYYY-MM-DD`): `2026-02-07`, `2026-03-01` -> 22. */
export function daysBetween(first: string, last: string): number {
  return Math.round((utcTime(last) - utcTime(first)) / DAY_MS);
}

/** Every day from `first` to `last` (`YYYY-MM-DD`), both included. */
export function eachDay(first: string, last: string): string[] {
  const days: string[] = [];
  for (let time = utcTime(first); time <= utcTime(last); time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** Every month from `first` to `last` (`YYYY-MM`), both included. */
export function eachMonth(first: string, last: string): string[] {
  const months: string[] = [];
  const [year, month] = first.split('-').map(Number) as [number, number];
  for (let index = year * 12 + month - 1; ; index++) {
    const period = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
    if (period > last) return months;
    months.push(period);
  }
}
