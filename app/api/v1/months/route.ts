import { listMonths } from '@/chargeback/month-view';
import { apiRoute, database } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Months with telemetry, newest first, each open or closed (and whether it has ended). */
export const GET = apiRoute(async () => {
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
