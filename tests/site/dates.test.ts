import { describe, expect, it } from 'vitest';
import { dayStartIso, dayStartUtc, daysBetween, eachDay, eachMonth, longDay, longMonth, shortDay, shortMonth } from '#lib/dates.ts';
import { memoise } from '#lib/memo.ts';

describe('dates', () => {
  it('write days and months, the same on every call', () => {
    for (let call = 0; call < 2; call++) {
      expect([longDay('2026-02-07'), shortDay('2026-02-07'), longMonth('2026-02'), shortMonth('2026-02')]).toEqual([
        'Saturday 7 February 2026',
        '7 Feb 2026',
        'February 2026',
        'Feb 2026',
      ]);
    }
  });

  it('start a day in the time zone asked for, not in the first one asked', () => {
    expect(dayStartIso('2026-02-07', 'UTC')).toBe('2026-02-07T00:00:00+00:00');
    expect(dayStartIso('2026-02-07', 'Asia/Riyadh')).toBe('2026-02-07T00:00:00+03:00');
    expect(dayStartUtc('2026-02-07', 'UTC')).toBe('Sat, 07 Feb 2026 00:00:00 GMT');
    expect(dayStartUtc('2026-02-07', 'Asia/Riyadh')).toBe('Fri, 06 Feb 2026 21:00:00 GMT');
    expect(dayStartUtc('2026-07-01', 'Europe/London')).toBe('Tue, 30 Jun 2026 23:00:00 GMT');
  });
});

describe('calendar', () => {
  it('counts and lists days across months, leap days and years', () => {
    expect(daysBetween('2024-02-27', '2024-03-01')).toBe(3);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-02-07', '2026-02-07')).toBe(0);
    expect(eachDay('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(eachDay('2026-02-07', '2026-02-07')).toEqual(['2026-02-07']);
  });

  it('lists months across a year end', () => {
    expect(eachMonth('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(eachMonth('2026-02', '2026-02')).toEqual(['2026-02']);
  });
});

describe('memoise', () => {
  it('computes once per argument, undefined results included', () => {
    const calls: string[] = [];
    const lookup = memoise((key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect([lookup('abc'), lookup('none'), lookup('abc'), lookup('none'), lookup('de')]).toEqual([3, undefined, 3, undefined, 2]);
    expect(calls).toEqual(['abc', 'none', 'de']);
  });
});
