import { eachDay } from '../dates/days';
import type { DayRange } from '../dates/range';

/**
 * One entry per day of `range`, in order, carrying that day's row or undefined when the query
 * returned none. Rows outside the range are dropped; the query yields at most one row per day.
 */
export function fillDays<R extends { day: string }>(
  rows: readonly R[],
  range: DayRange,
): Array<{ day: string; row: R | undefined }> {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return eachDay(range.from, range.to).map((day) => ({ day, row: byDay.get(day) }));
}

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabelWithYear = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Axis label for a day: "Nov 3", with the year only when the range crosses a new year. */
export function labelDay(day: string, range: DayRange): string {
  const format = range.from.slice(0, 4) === range.to.slice(0, 4) ? dayLabel : dayLabelWithYear;
  return format.format(new Date(`${day}T00:00:00Z`));
}
