import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/app/access';
import { makeQueryClient } from '@/app/query-client';
import { getDatabase } from '@/db/instance';
import { getSettings } from '@/db/queries/settings';
import { can } from '@/lib/access/principal';
import { reportingDayFormatter } from '@/lib/reporting-day';
import { toFilters } from '../_data/filter-params';
import { prefetch } from '../_data/prefetch';
import { EmptyOverview } from './empty-overview';
import { OverviewView } from './overview-view';
import { overviewPlan } from './overview-plan';
import { loadOverviewSearchParams } from './search-params';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const asked = await loadOverviewSearchParams(searchParams);
  // a team in the URL that a team_viewer may not see is the 403 page; its figures are its teams'
  const viewer = await requireUser('figures:read', { teams: asked.team ? [asked.team] : [] });
  const showPools = can(viewer, 'figures:all');
  const db = await getDatabase();
  const queryClient = makeQueryClient();
  const load = prefetch(queryClient, db, viewer.teams);
  const [dims, settings] = await Promise.all([load.dimensions(), getSettings(db)]);
  if (!dims.data_range) return <EmptyOverview />;

  const today = reportingDayFormatter(settings.reporting_time_zone)(new Date());
  const plan = overviewPlan(asked, toFilters(asked), dims.data_range, today);
  // One at a time: each settles the days it reads first, and PGlite runs one query at a time anyway.
  await load.metrics(plan.daily);
  await load.classDays(plan.byClass);
  if (showPools) await load.poolUsage(plan.pools);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView dataRange={dims.data_range} today={today} showPools={showPools} />
    </HydrationBoundary>
  );
}
