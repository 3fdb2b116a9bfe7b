import { addDays } from '@/lib/dates/days';
import { resolveRange, type DayRange } from '@/lib/dates/range';
import type { DashboardFilters, SliceParams } from '@/lib/dashboard/params';

/** Workload pages open on the last 30 days. */
export function workloadsDefaultRange(data: DayRange): DayRange {
  const from = addDays(data.to, -29);
  return { from: from < data.from ? data.from : from, to: data.to };
}

export function workloadsIndexPlan(
  asked: { from: string | null; to: string | null },
  filters: DashboardFilters,
  data: DayRange,
): { range: DayRange; byClass: SliceParams } {
  const range = resolveRange(asked, workloadsDefaultRange(data));
  return { range, byClass: { range, groupBy: ['workload_class'], filters: { ...filters, workloadClass: null } } };
}
