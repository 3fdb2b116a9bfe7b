import { errorResponse } from '@/app/api/errors';
import { authorizeSettings } from '../actions/authorize';
import { repricingJobsData } from '../settings-data';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The latest re-pricing jobs for the Settings page's progress line. A GET handler rather than a
 * server action: actions run one at a time per page, so polling through one would wait behind
 * the save it is meant to report on. It passes the same gate as the actions.
 */
export async function GET(): Promise<Response> {
  try {
    const { db } = await authorizeSettings();
    return Response.json({ jobs: await repricingJobsData(db) });
  } catch (err) {
    return errorResponse(err);
  }
}
