import { getDailyTotals } from '@/db/queries/daily-totals';
import { overviewDailyParams, toOverviewDailyRow, type OverviewDailyBody } from '@/lib/api/overview-daily';
import { requireAccess, scopeTeams } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Direct cost by layer and request counts per reporting day, of the teams the caller may see (figures:read). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const range = parseQuery(overviewDailyParams, new URL(request.url).searchParams);
  const db = await database();
  const rows = await getDailyTotals(db, { ...range, teams: scopeTeams(caller.teams) });
  const body: OverviewDailyBody = { rows: rows.map(toOverviewDailyRow) };
  return Response.json(body);
});
