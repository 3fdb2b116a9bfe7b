import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/app/access';
import { getDatabase } from '@/db/instance';
import { scopeTeams } from '@/lib/access/teams';
import { getDailyTotals, getDataRange } from '@/db/queries/daily-totals';
import { toOverviewDailyRow } from '@/lib/api/overview-daily';
import { defaultRange, resolveRange } from '@/lib/dates/range';
import { makeQueryClient } from '@/app/query-client';
import { EmptyOverview } from './empty-overview';
import { OverviewView } from './overview-view';
import { overviewDailyQuery, type OverviewDaily } from './queries';
import { loadOverviewSearchParams } from './search-params';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireUser('figures:read');
  const teams = scopeTeams(viewer.teams);
  const db = await getDatabase();
  const dataRange = await getDataRange(db, teams);
  if (!dataRange) return <EmptyOverview />;

  const range = resolveRange(await loadOverviewSearchParams(searchParams), defaultRange(dataRange));
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    ...overviewDailyQuery(range),
    queryFn: async (): Promise<OverviewDaily> => ({
      rows: (await getDailyTotals(db, { ...range, teams })).map(toOverviewDailyRow),
      range,
    }),
  });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView dataRange={dataRange} />
    </HydrationBoundary>
  );
}
