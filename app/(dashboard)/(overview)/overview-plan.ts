import { addDays } from '@/lib/dates/days';
import { resolveRange, type DayRange } from '@/lib/dates/range';
import { LOOKBACK_DAYS } from '@/lib/dashboard/anomalies';
import type { DashboardFilters, SliceParams } from '@/lib/dashboard/params';
import type { PoolUsageParams } from '../_data/queries';

/** The Overview shows 90 days by default: long enough to see a slow creep. */
export function overviewDefaultRange(data: DayRange): DayRange {
  const from = addDays(data.to, -89);
  return { from: from < data.from ? data.from : from, to: data.to };
}

/**
 * The day the tiles describe: the one asked for when it is in the range, else yesterday (today is
 * not over yet), else the range's last day.
 */
export function focusDay(asked: string | null, range: DayRange, today: string): string {
  if (asked && asked >= range.from && asked <= range.to) return asked;
  const yesterday = addDays(today, -1);
  return yesterday >= range.from && yesterday <= range.to ? yesterday : range.to;
}

export interface OverviewPlan {
  range: DayRange;
  day: string;
  daily: SliceParams;
  byClass: SliceParams;
  pools: PoolUsageParams;
}

/** What the Overview reads: every series starts two weeks early so the first days have a baseline. */
export function overviewPlan(
  asked: { from: string | null; to: string | null; day: string | null },
  filters: DashboardFilters,
  data: DayRange,
  today: string,
): OverviewPlan {
  const range = resolveRange(asked, overviewDefaultRange(data));
  const fetched = { from: addDays(range.from, -LOOKBACK_DAYS), to: range.to };
  return {
    range,
    day: focusDay(asked.day, range, today),
    daily: { range: fetched, groupBy: ['day'], filters },
    byClass: { range: fetched, groupBy: ['day', 'workload_class'], filters },
    pools: { range: fetched, pool: filters.pool },
  };
}
