import { apiRoute, database, parseQuery } from '@/app/api/handler';
import { metricsQuery } from '@/lib/api/metrics-query';
import { rejectionsBody } from '../_read/bodies';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Rejected workflows per reason in each group; the same query parameters as /api/v1/metrics. */
export const GET = apiRoute(async (request) => {
  const query = parseQuery(metricsQuery, new URL(request.url).searchParams);
  return Response.json(await rejectionsBody(await database(), query));
});
