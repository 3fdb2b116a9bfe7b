/**
 * Budgets: a monthly amount per team, the month-end forecast from the run rate so far, and the
 * alert thresholds. Pure: the caller passes the month's figures and today's reporting day.
 */
import { divRound, type Pico } from '../money';
import { daysInMonth, monthRange } from './month';

export const THRESHOLDS = [50, 75, 90, 100] as const;
export type Threshold = (typeof THRESHOLDS)[number];
export type Basis = 'actual' | 'forecast';

export const FORECAST_METHOD =
  'Run rate of complete days: the cost of the days of the month that are over, divided by their number, ' +
  'times the days in the month, plus corrections booked into the month. Today is left out because ' +
  'its idle capacity and fixed costs are charged for the whole day from its first hour. ' +
  'On the first day of a month there is no complete day yet, so there is no forecast.';

/** Complete days of `month` as of `today`: all of them once the month is over. */
export function completeDays(month: string, today: string): number {
  const { from, to } = monthRange(month);
  if (today > to) return daysInMonth(month);
  if (today <= from) return 0;
  return Number(today.slice(8, 10)) - 1;
}

/**
 * Month-end forecast: (cost of complete days / complete days) x days in month + corrections.
 * Null when no day of the month is complete yet. A month that is over forecasts its actual.
 */
export function forecast(args: {
  month: string;
  today: string;
  completeDaysCost: Pico;
  actual: Pico;
  corrections: Pico;
}): Pico | null {
  const done = completeDays(args.month, args.today);
  const days = daysInMonth(args.month);
  if (done === days) return args.actual;
  if (done === 0) return null;
  return divRound(args.completeDaysCost * BigInt(days), BigInt(done)) + args.corrections;
}

/** The highest threshold `value` has reached against `budget` (> 0), or null below 50%. */
export function thresholdReached(value: Pico, budget: Pico): Threshold | null {
  if (budget <= 0n) throw new RangeError('a budget must be positive');
  let reached: Threshold | null = null;
  for (const t of THRESHOLDS) if (value * 100n >= budget * BigInt(t)) reached = t;
  return reached;
}

/** value / budget as a number for display (1 = 100%); the thresholds are decided on exact figures. */
export const usedRatio = (value: Pico, budget: Pico): number => Number((value * 1_000_000n) / budget) / 1_000_000;
