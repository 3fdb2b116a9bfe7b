import { addDays } from '@/lib/dates/days';
import type { DayRange } from '@/lib/dates/range';
import type { DashboardFilters, SliceParams } from '@/lib/dashboard/params';
import { weekRange, weekStart } from '@/lib/dashboard/weekly';

/**
 * The week to review: the one asked for when data reaches it, else the last complete week (the
 * current one is still running), else the only week there is.
 */
export function chooseWeek(asked: string | null, data: DayRange, today: string): string {
  const first = weekStart(data.from);
  const last = weekStart(data.to);
  if (asked) {
    const w = weekStart(asked);
    if (w >= first && w <= last) return w;
  }
  const current = weekStart(today);
  const complete = last >= current ? addDays(current, -7) : last;
  return complete >= first ? complete : last;
}

export interface WeeklyPlan {
  week: DayRange;
  previous: DayRange;
  byClass: SliceParams;
  totals: SliceParams;
  rejections: SliceParams;
}

/** The chosen week and the one before it, per class and in total, and the week's rejections. */
export function weeklyPlan(monday: string, filters: DashboardFilters): WeeklyPlan {
  const week = weekRange(monday);
  const previous = weekRange(addDays(monday, -7));
  const both = { from: previous.from, to: week.to };
  const f = { ...filters, workloadClass: null };
  return {
    week,
    previous,
    byClass: { range: both, groupBy: ['week', 'workload_class'], filters: f },
    totals: { range: both, groupBy: ['week'], filters: f },
    rejections: { range: week, groupBy: ['workload_class'], filters: f },
  };
}
