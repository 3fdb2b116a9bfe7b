import { requireAccess } from '@/app/api/access';
import { apiRoute, database } from '@/app/api/handler';
import { repricingJobsData } from '../settings-data';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The latest re-pricing jobs for the Settings page's progress line (settings:read). A GET handler
 * rather than a server action: actions run one at a time per page, so polling through one would
 * wait behind the save it is meant to report on.
 */
export const GET = apiRoute(async (request) => {
  await requireAccess(request, 'settings:read');
  return Response.json({ jobs: await repricingJobsData(await database()) });
});
