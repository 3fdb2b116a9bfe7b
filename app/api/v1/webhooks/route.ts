import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listWebhooks } from '@/db/queries/webhooks';
import { createWebhook } from '@/db/writes/webhooks';
import { WebhookBody } from '@/lib/api/budget-body';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const json = (w: { id: number; url: string; hasSecret: boolean; createdAt: string }) => ({
  id: w.id,
  url: w.url,
  signed: w.hasSecret,
  created_at: w.createdAt,
});

/** Where budget alerts are sent (admin key); secrets are never shown. */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  return Response.json({ webhooks: (await listWebhooks(db)).map(json) });
});

/** Adds a webhook endpoint for budget alerts (admin key). */
export const POST = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'finance:write');
  const body = await parseBody(WebhookBody, request);
  const row = await createWebhook(db, { url: body.url, secret: body.secret ?? null }, caller.actor);
  return Response.json({ webhook: json(row) }, { status: 201 });
});
