import { addDays } from '../dates/days';

/** The median of the values, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median of a daily figure over the `days` days before `day` (the day itself excluded). Days
 * without a value (no traffic, or a ratio over nothing) are skipped, not read as 0; fewer than
 * `minValues` values give no baseline at all.
 */
export function trailingMedian(
  valueOf: (day: string) => number | null,
  day: string,
  days = 7,
  minValues = 3,
): number | null {
  const values: number[] = [];
  for (let i = 1; i <= days; i++) {
    const v = valueOf(addDays(day, -i));
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  return values.length >= minValues ? median(values) : null;
}

export interface Delta {
  /** value - baseline, in the figure's own unit */
  absolute: number;
  /** (value - baseline) / |baseline|; null when the baseline is 0 */
  relative: number | null;
}

/** How far a value is from its baseline; null when either is missing. */
export function deltaFrom(value: number | null, baseline: number | null): Delta | null {
  if (value === null || baseline === null) return null;
  const absolute = value - baseline;
  return { absolute, relative: baseline === 0 ? null : absolute / Math.abs(baseline) };
}

/** Which way is good for a figure: cost up is bad, acceptance up is good, request volume neither. */
export type Polarity = 'higher_is_better' | 'lower_is_better' | 'neutral';
export type Verdict = 'better' | 'worse' | 'flat';

/** Changes under 1% read as flat: day-to-day noise, not news. */
const FLAT = 0.01;

export function verdict(delta: Delta | null, polarity: Polarity): Verdict {
  if (!delta || polarity === 'neutral') return 'flat';
  const size = delta.relative ?? (delta.absolute === 0 ? 0 : Math.sign(delta.absolute));
  if (Math.abs(size) < FLAT) return 'flat';
  const up = size > 0;
  return up === (polarity === 'higher_is_better') ? 'better' : 'worse';
}
