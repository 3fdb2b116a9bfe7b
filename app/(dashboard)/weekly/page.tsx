import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import type { SearchParams } from 'nuqs/server';
import { makeQueryClient } from '@/app/query-client';
import { getDatabase } from '@/db/instance';
import { getSettings } from '@/db/queries/settings';
import { can } from '@/lib/access/principal';
import { reportingDayFormatter } from '@/lib/reporting-day';
import { toFilters } from '../_data/filter-params';
import { NoTelemetry } from '../_data/no-telemetry';
import { prefetch } from '../_data/prefetch';
import { chooseWeek, weeklyPlan } from './plan';
import { loadWeeklySearchParams } from './search-params';
import { WeeklyView } from './weekly-view';

export const metadata: Metadata = { title: 'Weekly review' };
export const dynamic = 'force-dynamic';

export default async function WeeklyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const asked = await loadWeeklySearchParams(searchParams);
  const viewer = await requireUser('figures:read', { teams: asked.team ? [asked.team] : [] });
  const db = await getDatabase();
  const queryClient = makeQueryClient();
  const load = prefetch(queryClient, db, viewer.teams);
  const [dims, settings] = await Promise.all([load.dimensions(), getSettings(db)]);
  if (!dims.data_range) return <NoTelemetry title="Weekly review" />;
  const today = reportingDayFormatter(settings.reporting_time_zone)(new Date());
  const plan = weeklyPlan(chooseWeek(asked.week, dims.data_range, today), toFilters(asked));
  await load.metrics(plan.byClass);
  await load.metrics(plan.totals);
  await load.rejections(plan.rejections);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <WeeklyView dataRange={dims.data_range} today={today} decisions={can(viewer, 'figures:all')} />
    </HydrationBoundary>
  );
}
