import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { deleteWebhook } from '@/db/writes/webhooks';
import { NotFoundError } from '@/lib/errors';
import { idFromPath } from '../../_config/path';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Stops sending to a webhook; pending deliveries to it are marked failed (admin key). */
export const DELETE = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'finance:write');
  const id = idFromPath(request);
  if (!(await deleteWebhook(db, id, caller.actor))) throw new NotFoundError(`no webhook with id ${id}`);
  return new Response(null, { status: 204 });
});
