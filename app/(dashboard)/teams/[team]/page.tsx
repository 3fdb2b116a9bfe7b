import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { SearchParams } from 'nuqs/server';
import { requireUser } from '@/app/access';
import { listMonths, loadMonthView } from '@/chargeback/month-view';
import { scopeMonthView } from '@/chargeback/scope';
import { getDatabase } from '@/db/instance';
import { toChargebackJson } from '@/lib/api/chargeback-wire';
import { toTeamDrilldownJson } from '@/lib/api/team-drilldown-wire';
import { makeQueryClient } from '@/app/query-client';
import { teamDrilldownQuery, type TeamDrilldown } from '../queries';
import { loadTeamsSearchParams } from '../search-params';
import { TeamView } from './team-view';

export const metadata: Metadata = { title: 'Team chargeback' };
export const dynamic = 'force-dynamic';

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const team = decodeURIComponent((await params).team);
  // another team's page is a 403 for a team_viewer, whether it has cost or not
  const viewer = await requireUser('figures:read', { teams: [team] });
  const db = await getDatabase();
  const months = await listMonths(db);
  const asked = (await loadTeamsSearchParams(searchParams)).month;
  const month = months.find((m) => m.month === asked)?.month ?? months.find((m) => m.ended)?.month ?? months[0]?.month;
  if (!month) notFound();
  const view = scopeMonthView(await loadMonthView(db, month), viewer.teams === 'all' ? undefined : [team]);
  const body = toChargebackJson(view);
  const rows = [...view.report.rows, ...(view.report.unallocated ? [view.report.unallocated] : [])];
  const row = rows.find((r) => r.team === team);
  const json = [...body.rows, ...(body.unallocated ? [body.unallocated] : [])].find((r) => r.team === team);
  const queryClient = makeQueryClient();
  if (row && json) {
    const drill: TeamDrilldown = {
      month,
      status: body.status,
      period: body.period,
      team: json,
      policies: body.policies,
      ...toTeamDrilldownJson(view.lines, row),
    };
    await queryClient.prefetchQuery({ ...teamDrilldownQuery(team, month), queryFn: async () => drill });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TeamView team={team} month={month} months={months} hasCost={!!row} />
    </HydrationBoundary>
  );
}
