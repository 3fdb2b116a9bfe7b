import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { getGpuPoolVersions } from '@/db/queries/gpu-pools';
import { poolsJson } from '../_config/pools-json';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Every pool: the version in force now and its whole history, newest first (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  return Response.json({ pools: poolsJson(await getGpuPoolVersions(db), new Date()) });
});
