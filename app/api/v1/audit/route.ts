import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';
import { getAuditLog } from '@/db/queries/audit-log';
import { text } from '@/ingest/native/rules';
import { toAuditJson } from '@/lib/api/audit-wire';
import { limitParam } from '../_config/limit';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const Query = z.object({ limit: limitParam(100, 1000), entity: text(100).optional() });

/** Configuration changes, newest first, optionally of one kind of thing (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const params = parseQuery(Query, new URL(request.url).searchParams);
  return Response.json({ entries: (await getAuditLog(db, params)).map(toAuditJson) });
});
