import type { DayRange } from '../dates/range';

// Built from plain month/day parts rather than Intl's formatRange, whose spacing differs between
// ICU versions and would make the server render disagree with the browser's.
const withYear = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const withoutYear = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Nov 1 – Nov 30, 2026", "Dec 1, 2025 – Jan 30, 2026", or one day: "Nov 1, 2026". */
export function formatDayRange(range: DayRange): string {
  if (range.from === range.to) return withYear.format(utc(range.from));
  const start = range.from.slice(0, 4) === range.to.slice(0, 4) ? withoutYear : withYear;
  return `${start.format(utc(range.from))} – ${withYear.format(utc(range.to))}`;
}
