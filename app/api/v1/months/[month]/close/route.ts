import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { closeMonth } from '@/chargeback/close';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Closes a month that has ended: its figures are frozen from now on (admin key). */
export const POST = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'finance:write');
  const month = decodeURIComponent(new URL(request.url).pathname.split('/').at(-2) ?? '');
  const result = await closeMonth(db, month, caller.actor);
  return Response.json({
    month: result.month,
    status: 'closed',
    tco_usd: result.tcoUsd,
    corrections: result.corrections,
  });
});
