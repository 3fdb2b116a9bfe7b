import { settleDays } from '@/costing/settle';
import { getMetricSums } from '@/db/queries/metrics';
import { metricsQuery, type MetricsBody } from '@/lib/api/metrics-query';
import { deriveMetricsRow } from '@/lib/metrics/derive';
import { requireAccess, scopeTeams } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** TCO by layer, unit costs, rates and latency per group of the requested keys (api.md; figures:read, team-scoped). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const query = parseQuery(metricsQuery, new URL(request.url).searchParams);
  const filters = { ...query.filters, team: scopeTeams(caller.teams, query.filters.team) };
  const db = await database();
  // Allocations and workflow figures of days changed since the worker last ran are rebuilt first.
  await settleDays(db, { from: query.from, to: query.to });
  const sums = await getMetricSums(db, { ...query, filters });
  const body: MetricsBody = { rows: sums.map((s) => deriveMetricsRow(s, query.groupBy)) };
  return Response.json(body);
});
