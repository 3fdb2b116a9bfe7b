import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import type { SearchParams } from 'nuqs/server';
import { listMonths, loadMonthView } from '@/chargeback/month-view';
import { scopeMonthView } from '@/chargeback/scope';
import { getDatabase } from '@/db/instance';
import { getBudgetAlerts } from '@/db/queries/budgets';
import { listDeliveries, listWebhooks } from '@/db/queries/webhooks';
import { can } from '@/lib/access/principal';
import { scopeTeams } from '@/lib/access/teams';
import { toChargebackJson } from '@/lib/api/chargeback-wire';
import { firstOpenAfter } from '@/lib/chargeback/month';
import { makeQueryClient } from '@/app/query-client';
import { EmptyTeams } from './empty-teams';
import { chargebackQuery } from './queries';
import { loadTeamsSearchParams } from './search-params';
import { TeamsView, type TeamsPageData } from './teams-view';
import { deliverySummary } from './format';

export const metadata: Metadata = { title: 'Teams' };
export const dynamic = 'force-dynamic';

export default async function TeamsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireUser('figures:read');
  const teams = scopeTeams(viewer.teams);
  const access = {
    allTeams: teams === undefined,
    finance: can(viewer, 'finance:write'),
    settings: can(viewer, 'settings:write'),
    webhooks: can(viewer, 'settings:read'),
  };
  const db = await getDatabase();
  const months = await listMonths(db);
  if (months.length === 0) return <EmptyTeams />;
  const asked = (await loadTeamsSearchParams(searchParams)).month;
  // Finance reviews the last month that is over; the current one is a click away.
  const month = months.find((m) => m.month === asked)?.month ?? (months.find((m) => m.ended) ?? months[0]!).month;

  const queryClient = makeQueryClient();
  // a team_viewer's view holds its teams' rows only, as GET /api/v1/chargeback answers it
  const view = scopeMonthView(await loadMonthView(db, month), teams);
  await queryClient.prefetchQuery({ ...chargebackQuery(month), queryFn: async () => toChargebackJson(view) });
  const [alerts, webhooks, deliveries] = await Promise.all([
    getBudgetAlerts(db, month),
    access.webhooks ? listWebhooks(db) : [],
    access.webhooks ? listDeliveries(db, 10) : [],
  ]);
  const closed = new Set(months.filter((m) => m.status === 'closed').map((m) => m.month));
  const data: TeamsPageData = {
    months,
    month,
    nextOpenMonth: closed.has(month) ? firstOpenAfter(month, closed) : null,
    access,
    alerts: alerts
      .filter((a) => teams === undefined || teams.includes(a.team))
      .map((a) => ({ team: a.team, basis: a.basis, thresholdPct: a.thresholdPct, crossedAt: a.crossedAt })),
    webhooks: webhooks.map((w) => ({ id: w.id, url: w.url, signed: w.hasSecret })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      url: d.url,
      summary: deliverySummary(d.payload),
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      createdAt: d.createdAt,
    })),
    teams: [...view.teamNames.keys()].filter((t) => t !== '__unallocated__').sort(),
  };
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TeamsView data={data} />
    </HydrationBoundary>
  );
}
