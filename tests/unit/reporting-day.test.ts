import { describe, expect, it } from 'vitest';
import { dayFromNumber, dayNumber, daysBetween, reportingDayFormatter, startOfDay } from '@/lib/reporting-day';

describe('reporting days', () => {
  it('23:30 UTC on May 4 is May 5 in Europe/Paris (UTC+2) and May 4 in UTC', () => {
    const at = new Date('2026-05-04T23:30:00Z');
    expect(reportingDayFormatter('Europe/Paris')(at)).toBe('2026-05-05');
    expect(reportingDayFormatter('UTC')(at)).toBe('2026-05-04');
  });
  it('a day starts at 22:00 UTC the evening before in Europe/Paris in summer', () => {
    expect(startOfDay('2026-05-05', 'Europe/Paris').toISOString()).toBe('2026-05-04T22:00:00.000Z');
  });
  it('a day starts at 05:00 UTC in New York in winter and 04:00 UTC in summer', () => {
    expect(startOfDay('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(startOfDay('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });
  it('the spring-forward day in New York still starts at local midnight (05:00 UTC)', () => {
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
  it('day numbers round-trip and ranges include both ends', () => {
    expect(dayFromNumber(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
