import { requireAccess } from '@/app/api/access';
import { forgetCachedKeys } from '@/app/api/auth';
import { apiRoute, database } from '@/app/api/handler';
import { revokeKey } from '@/db/writes/keys';
import { InvalidQueryError, NotFoundError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Revokes a key or token (keys:manage); it stops working at once. */
export const DELETE = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'keys:manage');
  const raw = new URL(request.url).pathname.split('/').pop() ?? '';
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new InvalidQueryError(`id: must be a positive integer, got ${raw}`);
  if (!(await revokeKey(await database(), id, caller.actor))) throw new NotFoundError(`no live key with id ${id}`);
  forgetCachedKeys();
  return new Response(null, { status: 204 });
});
