import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';
import { listRepricingJobs } from '@/db/queries/repricing-jobs';
import { toRepricingJobJson } from '@/lib/api/repricing-wire';
import { limitParam } from '../_config/limit';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const Query = z.object({ limit: limitParam(20, 100) });

/** The most recent re-pricing jobs, newest first (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const { limit } = parseQuery(Query, new URL(request.url).searchParams);
  return Response.json({ jobs: (await listRepricingJobs(db, limit)).map(toRepricingJobJson) });
});
