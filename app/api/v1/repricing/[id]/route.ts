import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { getRepricingJob } from '@/db/queries/repricing-jobs';
import { toRepricingJobJson } from '@/lib/api/repricing-wire';
import { NotFoundError } from '@/lib/errors';
import { idFromPath } from '../../_config/path';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One re-pricing job's progress (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const id = idFromPath(request);
  const job = await getRepricingJob(db, id);
  if (!job) throw new NotFoundError(`no re-pricing job with id ${id}`);
  return Response.json(toRepricingJobJson(job));
});
