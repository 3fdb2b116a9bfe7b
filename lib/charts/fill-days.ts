import type { DayRange } from '../dates/range';

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
