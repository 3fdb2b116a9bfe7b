import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/app/api-client';
import type { CostSplitBody, DimensionsBody, PoolUsageBody, RejectionsBody } from '@/lib/api/dashboard-wire';
import type { MetricsBody } from '@/lib/api/metrics-query';
import type { DayRange } from '@/lib/dates/range';
import { toClassDays, type ClassDay } from '@/lib/dashboard/class-days';
import { sliceKey, sliceSearch, type SliceParams } from '@/lib/dashboard/params';

/**
 * One factory per read, shared by the server pages (which prefetch with a queryFn straight from
 * the database, see prefetch.ts) and the client views (which fetch the same body from the API).
 * Bodies travel with the request they answer, so a view showing the previous figures while new
 * ones load still maps them onto the right days.
 */
export type Answer<B, P> = B & { params: P };

export function metricsQuery(params: SliceParams) {
  return queryOptions({
    queryKey: ['metrics', ...sliceKey(params)] as const,
    queryFn: async ({ signal }): Promise<Answer<MetricsBody, SliceParams>> => ({
      ...(await getJson<MetricsBody>('/api/v1/metrics', sliceSearch(params), signal)),
      params,
    }),
  });
}

/** Metrics per day and class, narrowed to what the Overview's CUT lines and anomaly rules read. */
export function classDaysQuery(params: SliceParams) {
  return queryOptions({
    queryKey: ['class-days', ...sliceKey(params)] as const,
    queryFn: async ({ signal }): Promise<Answer<{ rows: ClassDay[] }, SliceParams>> => ({
      rows: toClassDays((await getJson<MetricsBody>('/api/v1/metrics', sliceSearch(params), signal)).rows),
      params,
    }),
  });
}

export function rejectionsQuery(params: SliceParams) {
  return queryOptions({
    queryKey: ['rejections', ...sliceKey(params)] as const,
    queryFn: async ({ signal }): Promise<Answer<RejectionsBody, SliceParams>> => ({
      ...(await getJson<RejectionsBody>('/api/v1/rejections', sliceSearch(params), signal)),
      params,
    }),
  });
}

export function costSplitQuery(params: SliceParams) {
  return queryOptions({
    queryKey: ['cost-split', ...sliceKey(params)] as const,
    queryFn: async ({ signal }): Promise<Answer<CostSplitBody, SliceParams>> => ({
      ...(await getJson<CostSplitBody>('/api/v1/cost-split', sliceSearch(params), signal)),
      params,
    }),
  });
}

export interface PoolUsageParams {
  range: DayRange;
  pool: string | null;
}

export function poolUsageQuery(params: PoolUsageParams) {
  const search: Record<string, string> = { from: params.range.from, to: params.range.to };
  if (params.pool) search.pool = params.pool;
  return queryOptions({
    queryKey: ['pool-usage', params.range.from, params.range.to, params.pool] as const,
    queryFn: async ({ signal }): Promise<Answer<PoolUsageBody, PoolUsageParams>> => ({
      ...(await getJson<PoolUsageBody>('/api/v1/pool-usage', search, signal)),
      params,
    }),
  });
}

export function dimensionsQuery() {
  return queryOptions({
    queryKey: ['dimensions'] as const,
    queryFn: ({ signal }) => getJson<DimensionsBody>('/api/v1/dimensions', {}, signal),
  });
}
