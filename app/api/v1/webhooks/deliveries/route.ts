import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { listDeliveries } from '@/db/queries/webhooks';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The webhook delivery log, newest first: status, attempts, last answer (admin key). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const rows = await listDeliveries(db, 100);
  return Response.json({
    deliveries: rows.map((d) => ({
      id: d.id,
      webhook_id: d.webhookId,
      url: d.url,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      last_status_code: d.lastStatusCode,
      last_error: d.lastError,
      created_at: d.createdAt,
      next_attempt_at: d.nextAttemptAt,
      delivered_at: d.deliveredAt,
      payload: d.payload,
    })),
  });
});
