import { loadMonthView } from '@/chargeback/month-view';
import { scopeMonthView } from '@/chargeback/scope';
import { toChargebackJson } from '@/lib/api/chargeback-wire';
import { teamQuery } from '@/lib/api/chargeback-query';
import { toTeamDrilldownJson } from '@/lib/api/team-drilldown-wire';
import { NotFoundError } from '@/lib/errors';
import { requireAccess, scopeTeams } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One team's chargeback row for a month with its breakdown by workload class, model and day (figures:read; another team's: 403). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const url = new URL(request.url);
  const team = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
  const teams = scopeTeams(caller.teams, [team]);
  const query = parseQuery(teamQuery, url.searchParams);
  const db = await database();
  const view = scopeMonthView(await loadMonthView(db, query.month), caller.teams === 'all' ? undefined : teams);
  const body = toChargebackJson(view);
  const all = [...view.report.rows, ...(view.report.unallocated ? [view.report.unallocated] : [])];
  const row = all.find((r) => r.team === team);
  if (!row) throw new NotFoundError(`team: ${JSON.stringify(team)} has no cost in ${query.month}`);
  const json = [...body.rows, ...(body.unallocated ? [body.unallocated] : [])].find((r) => r.team === team)!;
  return Response.json({
    month: body.month,
    status: body.status,
    period: body.period,
    team: json,
    policies: body.policies,
    ...toTeamDrilldownJson(view.lines, row),
  });
});
