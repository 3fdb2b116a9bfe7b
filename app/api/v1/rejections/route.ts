import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';
import { scopeQuery } from '@/lib/access/teams';
import { metricsQuery } from '@/lib/api/metrics-query';
import { rejectionsBody } from '../_read/bodies';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Rejected workflows per reason in each group; the same query parameters as /api/v1/metrics (figures:read, team-scoped). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const query = scopeQuery(caller.teams, parseQuery(metricsQuery, new URL(request.url).searchParams));
  return Response.json(await rejectionsBody(await database(), query));
});
