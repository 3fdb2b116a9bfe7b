import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/app/access';
import { decisionOptionsQuery } from '@/components/decisions/queries';
import { PageHeader } from '@/components/page-header';
import { getDatabase } from '@/db/instance';
import { getDataRange } from '@/db/queries/daily-totals';
import { getDecisionOptions } from '@/decisions/options';
import { defaultRange, resolveRange } from '@/lib/dates/range';
import { makeQueryClient } from '@/app/query-client';
import { DecisionsView } from './decisions-view';
import { loadDecisionsSearchParams } from './search-params';

export const metadata: Metadata = { title: 'Decisions' };
export const dynamic = 'force-dynamic';

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // what-if and break-even re-price a class over every team's calls: never a team_viewer
  await requireUser('figures:all');
  const db = await getDatabase();
  const dataRange = await getDataRange(db);
  if (!dataRange) {
    return (
      <>
        <PageHeader title="Decisions" description="What-if sensitivity and the API-versus-GPU break-even." />
        <p
          role="status"
          className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-6 text-tremor-default"
          data-testid="decisions-empty"
        >
          No telemetry yet, so there is nothing to re-price. Send events to <code>POST /api/v1/events</code> (or start
          with <code>CUT_DEMO=1</code> on an empty data folder for 90 days of demo traffic), then come back.
        </p>
      </>
    );
  }
  const range = resolveRange(await loadDecisionsSearchParams(searchParams), defaultRange(dataRange));
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...decisionOptionsQuery(range), queryFn: () => getDecisionOptions(db, range) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DecisionsView dataRange={dataRange} />
    </HydrationBoundary>
  );
}
