/**
 * Calendar months of the reporting calendar, written YYYY-MM. A month is "ended" once its last
 * reporting day is over; only then may it be closed. Pure: "today" is always passed in.
 */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) < 2100;
}

const parts = (month: Month): [number, number] => {
  if (!isMonth(month)) throw new RangeError(`not a month YYYY-MM: ${JSON.stringify(month)}`);
  return month.split('-').map(Number) as [number, number];
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in the month (28..31). */
export function daysInMonth(month: Month): number {
  const [y, m] = parts(month);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first and last reporting day of the month, YYYY-MM-DD. */
export function monthRange(month: Month): { from: string; to: string } {
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(month))}` };
}

export const monthOf = (day: string): Month => day.slice(0, 7);

export function addMonths(month: Month, n: number): Month {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Why `month` cannot be reported on (malformed, or after the month of `today`), or null. */
export function monthProblem(month: string, today: string): string | null {
  if (!isMonth(month)) return 'must be a month YYYY-MM, e.g. 2026-10';
  if (month > monthOf(today)) return `must not be in the future: the current month is ${monthOf(today)}`;
  return null;
}

/** A month has ended when `today` (the reporting day now) is past its last day. */
export const hasEnded = (month: Month, today: string): boolean => today > monthRange(month).to;

/** The first month after `month` that is not closed: where a later change to `month` is booked. */
export function firstOpenAfter(month: Month, closed: ReadonlySet<Month>): Month {
  let next = addMonths(month, 1);
  while (closed.has(next)) next = addMonths(next, 1);
  return next;
}

/** Every month from `first` to `last`, inclusive, in order. */
export function monthsBetween(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}
