/**
 * Reporting days as ISO strings (YYYY-MM-DD). Arithmetic goes through UTC midnight so a day is
 * always 24 hours and no local time zone or DST shift can move a date.
 */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function toUtcMs(day: IsoDay): number {
  if (!isIsoDay(day)) throw new RangeError(`not a date YYYY-MM-DD: ${JSON.stringify(day)}`);
  return Date.parse(`${day}T00:00:00Z`);
}

const fromUtcMs = (ms: number): IsoDay => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: IsoDay, days: number): IsoDay => fromUtcMs(toUtcMs(day) + days * MS_PER_DAY);

/** Number of days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function daysInclusive(from: IsoDay, to: IsoDay): number {
  return Math.max(0, Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY) + 1);
}

/** Every day from `from` to `to`, both included, in order. */
export function eachDay(from: IsoDay, to: IsoDay): IsoDay[] {
  const start = toUtcMs(from);
  return Array.from({ length: daysInclusive(from, to) }, (_, i) => fromUtcMs(start + i * MS_PER_DAY));
}
