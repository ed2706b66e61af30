/** How the site writes digest days: one place, date-fns underneath. */
import { format, parseISO } from 'date-fns';
import { TZDate } from '@date-fns/tz';

/** `2026-02-07` -> `Saturday 7 February 2026`. */
export function longDay(day: string): string {
  return format(parseISO(day), 'EEEE d MMMM yyyy');
}

/** `2026-02-07` -> `7 Feb 2026`. */
export function shortDay(day: string): string {
  return format(parseISO(day), 'd MMM yyyy');
}

/** `2026-02` -> `February 2026`. */
export function longMonth(month: string): string {
  return format(parseISO(`${month}-01`), 'MMMM yyyy');
}

/** `2026-02` -> `Feb 2026`. */
export function shortMonth(month: string): string {
  return format(parseISO(`${month}-01`), 'MMM yyyy');
}

/** The moment a digest day begins in the site's time zone (feeds and structured data need one). */
export function dayStart(day: string, timeZone: string): TZDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, date, timeZone);
}

/** `2026-02-07` in `Asia/Riyadh` -> `2026-02-07T00:00:00+03:00`. */
export function dayStartIso(day: string, timeZone: string): string {
  return format(dayStart(day, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}
