import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/app/access';
import { makeQueryClient } from '@/app/query-client';
import { getDatabase } from '@/db/instance';
import { can } from '@/lib/access/principal';
import { classInfo } from '@/lib/dashboard/filter-options';
import { toFilters } from '../../_data/filter-params';
import { NoTelemetry } from '../../_data/no-telemetry';
import { prefetch } from '../../_data/prefetch';
import { workloadPlan } from './plan';
import { loadWorkloadSearchParams } from './search-params';
import { WorkloadView } from './workload-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ workloadClass: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).workloadClass) };
}

export default async function WorkloadPage({ params, searchParams }: Props) {
  const slug = decodeURIComponent((await params).workloadClass);
  const asked = await loadWorkloadSearchParams(searchParams);
  const viewer = await requireUser('figures:read', { teams: asked.team ? [asked.team] : [] });
  const db = await getDatabase();
  const queryClient = makeQueryClient();
  const load = prefetch(queryClient, db, viewer.teams);
  const dims = await load.dimensions();
  if (!dims.data_range) return <NoTelemetry title={classInfo(dims, slug).name} />;
  const plan = workloadPlan(slug, asked, toFilters(asked), dims.data_range);
  await load.metrics(plan.total);
  await load.metrics(plan.daily);
  await load.metrics(plan.breakdown);
  await load.metrics(plan.pareto);
  await load.costSplit(plan.split);
  await load.rejections(plan.rejections);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <WorkloadView slug={slug} dataRange={dims.data_range} decisions={can(viewer, 'figures:all')} />
    </HydrationBoundary>
  );
}
