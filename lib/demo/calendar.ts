/**
 * When demo work happens: the window of days, the busy hours of a UTC day, quieter weekends,
 * slow growth, and how many events each day gets so the whole run lands on an exact total.
 */
import type { Rng } from './prng';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface DemoWindow {
  /** UTC midnight of the first day */
  startMs: number;
  /** UTC midnight after the last day (exclusive end) */
  endMs: number;
  days: number;
}

export function demoWindow(endDate: Date, days: number): DemoWindow {
  const last = endDate.getTime();
  if (!Number.isFinite(last) || last % DAY_MS !== 0) {
    throw new RangeError(`endDate must be a UTC midnight, got ${String(endDate)}`);
  }
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  return { startMs: last - (days - 1) * DAY_MS, endMs: last + DAY_MS, days };
}

/** 0 = Sunday ... 6 = Saturday, as Date.getUTCDay. */
const weekday = (dayStartMs: number): number => new Date(dayStartMs).getUTCDay();
export const isWeekend = (dayStartMs: number): boolean => {
  const d = weekday(dayStartMs);
  return d === 0 || d === 6;
};

/** YYYYMMDD of a UTC day, for ids. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** UTC midnight of the first day of the month before the one containing `ms`: a safe effective date. */
export function monthBefore(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
}

/** Relative traffic per UTC hour: office hours across Europe and the Americas, or a flatter support shape. */
const OFFICE = [2, 1, 1, 1, 2, 3, 6, 10, 14, 16, 17, 16, 15, 17, 19, 19, 17, 14, 10, 7, 5, 4, 3, 2];
const ROUND_THE_CLOCK = [5, 4, 4, 4, 5, 6, 8, 10, 12, 13, 14, 14, 14, 15, 16, 16, 15, 14, 12, 10, 9, 8, 7, 6];
export type Diurnal = 'office' | 'round_the_clock';

function cumulate(xs: readonly number[]): number[] {
  let sum = 0;
  return xs.map((x) => (sum += x));
}
const CUMULATIVE: Record<Diurnal, number[]> = {
  office: cumulate(OFFICE),
  round_the_clock: cumulate(ROUND_THE_CLOCK),
};

/** A start time within the day, ms since its midnight, drawn from the hourly shape. */
export function drawTimeOfDay(rng: Rng, shape: Diurnal): number {
  const hour = rng.pickCumulative(CUMULATIVE[shape]);
  return hour * HOUR_MS + Math.floor(rng.float() * HOUR_MS);
}

/**
 * Day index of the incident: 23 days before the end (the middle of a short window), moved back
 * to the Friday when that is a weekend, so the storm hits a full working day.
 */
export function incidentDayIndex(window: DemoWindow): number {
  let day = window.days > 30 ? window.days - 1 - 23 : Math.floor(window.days / 2);
  while (day > 0 && isWeekend(window.startMs + day * DAY_MS)) day--;
  return day;
}

/**
 * Splits `total` events over days in proportion to `weights`, by cumulative rounding so the
 * parts sum to `total` exactly. Returned as running totals: the target count after each day.
 */
export function cumulativeBudgets(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  return weights.map((w) => {
    running += w;
    return Math.round((total * running) / sum);
  });
}
