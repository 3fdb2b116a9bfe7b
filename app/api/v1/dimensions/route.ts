import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { scopeTeams } from '@/lib/access/teams';
import { dimensionsBody } from '../_read/bodies';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Teams, workload classes (with their unit), models and pools to filter by, and the days with data (figures:read, team-scoped). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  return Response.json(await dimensionsBody(await database(), scopeTeams(caller.teams)));
});
