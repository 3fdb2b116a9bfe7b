import { apiRoute, database } from '@/app/api/handler';
import { dimensionsBody } from '../_read/bodies';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Teams, workload classes (with their unit), models and pools to filter by, and the days with data. */
export const GET = apiRoute(async () => Response.json(await dimensionsBody(await database())));
