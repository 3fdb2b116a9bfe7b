import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { getGpuPoolVersions } from '@/db/queries/gpu-pools';
import { NotFoundError } from '@/lib/errors';
import { slugFromPath } from '../../_config/path';
import { applyPoolChange, PutPoolBody } from '../../_config/pool-change';
import { poolsJson } from '../../_config/pools-json';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One pool: the version in force now and its history (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const name = slugFromPath(request, 'name');
  const [pool] = poolsJson(await getGpuPoolVersions(db, { name }), new Date());
  if (!pool) throw new NotFoundError(`no pool named ${name}`);
  return Response.json(pool);
});

/** Creates a pool version or replaces the one with the same start, then re-prices from it (settings:write). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const name = slugFromPath(request, 'name');
  const body = await parseBody(PutPoolBody, request);
  const result = await applyPoolChange(db, name, body, caller.actor);
  return Response.json(result, { status: result.created ? 201 : 200 });
});
