import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/app/access';
import { makeQueryClient } from '@/app/query-client';
import { getDatabase } from '@/db/instance';
import { getSettings } from '@/db/queries/settings';
import { reportingDayFormatter } from '@/lib/reporting-day';
import { toFilters } from '../_data/filter-params';
import { prefetch } from '../_data/prefetch';
import { EmptyOverview } from './empty-overview';
import { OverviewView } from './overview-view';
import { overviewPlan } from './overview-plan';
import { loadOverviewSearchParams } from './search-params';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser('figures:read');
  const db = await getDatabase();
  const queryClient = makeQueryClient();
  const load = prefetch(queryClient, db);
  const [dims, settings, asked] = await Promise.all([
    load.dimensions(),
    getSettings(db),
    loadOverviewSearchParams(searchParams),
  ]);
  if (!dims.data_range) return <EmptyOverview />;

  const today = reportingDayFormatter(settings.reporting_time_zone)(new Date());
  const plan = overviewPlan(asked, toFilters(asked), dims.data_range, today);
  // One at a time: each settles the days it reads first, and PGlite runs one query at a time anyway.
  await load.metrics(plan.daily);
  await load.classDays(plan.byClass);
  await load.poolUsage(plan.pools);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView dataRange={dims.data_range} today={today} />
    </HydrationBoundary>
  );
}
