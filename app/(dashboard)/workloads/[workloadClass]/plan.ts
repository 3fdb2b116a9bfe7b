import { resolveRange, type DayRange } from '@/lib/dates/range';
import type { DashboardFilters, SliceParams } from '@/lib/dashboard/params';
import { workloadsDefaultRange } from '../plan';
import type { BREAKDOWNS } from './search-params';

export interface WorkloadPlan {
  range: DayRange;
  total: SliceParams;
  daily: SliceParams;
  breakdown: SliceParams;
  pareto: SliceParams;
  split: SliceParams;
  rejections: SliceParams;
}

/** Every read of a class's page: the class from the path narrows all of them. */
export function workloadPlan(
  slug: string,
  asked: { from: string | null; to: string | null; by: (typeof BREAKDOWNS)[number] },
  filters: DashboardFilters,
  data: DayRange,
): WorkloadPlan {
  const range = resolveRange(asked, workloadsDefaultRange(data));
  const scoped = { ...filters, workloadClass: slug };
  const slice = (groupBy: SliceParams['groupBy']): SliceParams => ({ range, groupBy, filters: scoped });
  return {
    range,
    total: slice([]),
    daily: slice(['day']),
    breakdown: slice([asked.by]),
    pareto: slice(['model', 'pool']),
    split: slice(['model']),
    rejections: slice([]),
  };
}
