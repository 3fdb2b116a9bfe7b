import { metricsQuery } from '@/lib/api/metrics-query';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';
import { scopeQuery } from '@/lib/access/teams';
import { metricsBody } from '../_read/bodies';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** TCO by layer, unit costs, rates and latency per group of the requested keys (api.md; figures:read, team-scoped). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const query = scopeQuery(caller.teams, parseQuery(metricsQuery, new URL(request.url).searchParams));
  return Response.json(await metricsBody(await database(), query));
});
