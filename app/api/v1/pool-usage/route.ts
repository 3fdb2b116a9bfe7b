import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';
import { poolUsageQuery } from '@/lib/api/dashboard-wire';
import { poolUsageBody } from '../_read/bodies';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Billed, used and idle GPU-hours and utilization per pool and day (figures:all: a pool serves every team). */
export const GET = apiRoute(async (request) => {
  await requireAccess(request, 'figures:all');
  const query = parseQuery(poolUsageQuery, new URL(request.url).searchParams);
  return Response.json(await poolUsageBody(await database(), query));
});
