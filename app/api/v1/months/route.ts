import { listMonths } from '@/chargeback/month-view';
import { requireAccess, scopeTeams } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Months with telemetry, newest first, each open or closed (and whether it has ended) (figures:read). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  scopeTeams(caller.teams); // a team_viewer with no team granted: 403, as every figure
  const db = await database();
  const months = await listMonths(db);
  return Response.json({
    months: months.map((m) => ({
      month: m.month,
      status: m.status,
      ended: m.ended,
      closed_at: m.closedAt,
      closed_by: m.closedBy,
    })),
  });
});
