import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import type { SearchParams } from 'nuqs/server';
import { makeQueryClient } from '@/app/query-client';
import { getDatabase } from '@/db/instance';
import { toFilters } from '../_data/filter-params';
import { prefetch } from '../_data/prefetch';
import { NoTelemetry } from '../_data/no-telemetry';
import { workloadsIndexPlan } from './plan';
import { loadWorkloadsSearchParams } from './search-params';
import { WorkloadsView } from './workloads-view';

export const metadata: Metadata = { title: 'Workloads' };
export const dynamic = 'force-dynamic';

export default async function WorkloadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const asked = await loadWorkloadsSearchParams(searchParams);
  const viewer = await requireUser('figures:read', { teams: asked.team ? [asked.team] : [] });
  const db = await getDatabase();
  const queryClient = makeQueryClient();
  const load = prefetch(queryClient, db, viewer.teams);
  const dims = await load.dimensions();
  if (!dims.data_range) return <NoTelemetry title="Workloads" />;
  await load.metrics(workloadsIndexPlan(asked, toFilters(asked), dims.data_range).byClass);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <WorkloadsView dataRange={dims.data_range} />
    </HydrationBoundary>
  );
}
