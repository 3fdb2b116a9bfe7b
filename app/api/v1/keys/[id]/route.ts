import { authenticate, forgetCachedKeys } from '@/app/api/auth';
import { apiRoute, database } from '@/app/api/handler';
import { revokeKey } from '@/db/writes/keys';
import { InvalidQueryError, NotFoundError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Revokes a key (admin key only); it stops working at once. */
export const DELETE = apiRoute(async (request) => {
  const raw = new URL(request.url).pathname.split('/').pop() ?? '';
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new InvalidQueryError(`id: must be a positive integer, got ${raw}`);
  const db = await database();
  const admin = await authenticate(db, request, ['admin']);
  if (!(await revokeKey(db, id, `key:${admin.keyId}`))) throw new NotFoundError(`no live key with id ${id}`);
  forgetCachedKeys();
  return new Response(null, { status: 204 });
});
