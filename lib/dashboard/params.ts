import type { MetricsQuery } from '../api/metrics-query';
import type { DayRange } from '../dates/range';
import type { GroupKey, MetricsFilters } from '../metrics/keys';

/** The filters a dashboard keeps in its URL: one value each, null for "all". */
export interface DashboardFilters {
  team: string | null;
  workloadClass: string | null;
  model: string | null;
  pool: string | null;
}

export const NO_FILTERS: DashboardFilters = { team: null, workloadClass: null, model: null, pool: null };

/** A grouped read over a day range, as the dashboard's queries ask for it. */
export interface SliceParams {
  range: DayRange;
  groupBy: readonly GroupKey[];
  filters: DashboardFilters;
}

function apiFilters(f: DashboardFilters): MetricsFilters {
  const out: MetricsFilters = {};
  if (f.team) out.team = [f.team];
  if (f.workloadClass) out.workload_class = [f.workloadClass];
  if (f.model) out.model = [f.model];
  if (f.pool) out.pool = [f.pool];
  return out;
}

/** The query string of /api/v1/metrics (and of the reads that share its parameters). */
export function sliceSearch(p: SliceParams): Record<string, string> {
  const search: Record<string, string> = { from: p.range.from, to: p.range.to };
  if (p.groupBy.length) search.group_by = p.groupBy.join(',');
  for (const [key, list] of Object.entries(apiFilters(p.filters))) search[key] = list!.join(',');
  return search;
}

/** The same request as the server-side query the endpoints validate it into. */
export const sliceQuery = (p: SliceParams): MetricsQuery => ({
  from: p.range.from,
  to: p.range.to,
  groupBy: [...p.groupBy],
  filters: apiFilters(p.filters),
});

/** A stable cache key part: equal requests, equal keys. */
export const sliceKey = (p: SliceParams) =>
  [
    p.range.from,
    p.range.to,
    p.groupBy.join(','),
    p.filters.team,
    p.filters.workloadClass,
    p.filters.model,
    p.filters.pool,
  ] as const;
