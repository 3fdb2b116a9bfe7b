import { authenticate } from '@/app/api/auth';
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
  await authenticate(db, request, ['admin']);
  return Response.json({ webhooks: (await listWebhooks(db)).map(json) });
});

/** Adds a webhook endpoint for budget alerts (admin key). */
export const POST = apiRoute(async (request) => {
  const db = await database();
  const admin = await authenticate(db, request, ['admin']);
  const body = await parseBody(WebhookBody, request);
  const row = await createWebhook(db, { url: body.url, secret: body.secret ?? null }, `key:${admin.keyId}`);
  return Response.json({ webhook: json(row) }, { status: 201 });
});
