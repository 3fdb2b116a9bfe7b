import type { QueryClient } from '@tanstack/react-query';
import { costSplitBody, dimensionsBody, metricsBody, poolUsageBody, rejectionsBody } from '@/app/api/v1/_read/bodies';
import type { Database } from '@/db/client';
import type { TeamScope } from '@/lib/access/principal';
import { scopeQuery, scopeTeams } from '@/lib/access/teams';
import type { DimensionsBody } from '@/lib/api/dashboard-wire';
import { toClassDays } from '@/lib/dashboard/class-days';
import { sliceQuery, type SliceParams } from '@/lib/dashboard/params';
import {
  classDaysQuery,
  costSplitQuery,
  dimensionsQuery,
  metricsQuery,
  poolUsageQuery,
  rejectionsQuery,
  type PoolUsageParams,
} from './queries';

/**
 * Server-side prefetches: the same keys as the client's queries, filled from the same functions
 * the API routes answer with, scoped to the viewer's teams as the routes scope them, without a
 * round trip through HTTP. Pool usage mixes every team: only for a viewer with figures:all.
 */
export const prefetch = (qc: QueryClient, db: Database, scope: TeamScope) => {
  const slice = (p: SliceParams) => scopeQuery(scope, sliceQuery(p));
  return {
    metrics: (p: SliceParams) =>
      qc.prefetchQuery({
        ...metricsQuery(p),
        queryFn: async () => ({ ...(await metricsBody(db, slice(p))), params: p }),
      }),
    classDays: (p: SliceParams) =>
      qc.prefetchQuery({
        ...classDaysQuery(p),
        queryFn: async () => ({ rows: toClassDays((await metricsBody(db, slice(p))).rows), params: p }),
      }),
    rejections: (p: SliceParams) =>
      qc.prefetchQuery({
        ...rejectionsQuery(p),
        queryFn: async () => ({ ...(await rejectionsBody(db, slice(p))), params: p }),
      }),
    costSplit: (p: SliceParams) =>
      qc.prefetchQuery({
        ...costSplitQuery(p),
        queryFn: async () => ({ ...(await costSplitBody(db, slice(p))), params: p }),
      }),
    poolUsage: (p: PoolUsageParams) =>
      qc.prefetchQuery({
        ...poolUsageQuery(p),
        queryFn: async () => ({
          ...(await poolUsageBody(db, { from: p.range.from, to: p.range.to, pool: p.pool ? [p.pool] : undefined })),
          params: p,
        }),
      }),
    /** Fetched (not only prefetched): pages need the data range and the classes to decide what to ask for. */
    dimensions: (): Promise<DimensionsBody> =>
      qc.fetchQuery({ ...dimensionsQuery(), queryFn: () => dimensionsBody(db, scopeTeams(scope)) }),
  };
};
