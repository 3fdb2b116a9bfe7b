import { z } from 'zod';
import { getDecisionOptions } from '@/decisions/options';
import { isIsoDay } from '@/lib/dates/days';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const DAY_RULE = 'must be a date YYYY-MM-DD';
const day = z.string({ error: DAY_RULE }).refine(isIsoDay, { error: DAY_RULE });
const query = z
  .strictObject({ from: day.optional(), to: day.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ['to'],
    error: 'give from and to together, or neither for the last 30 days with data',
  });

/** The classes, pools and priced models the decisions panels offer for a period (figures:all). */
export const GET = apiRoute(async (request) => {
  await requireAccess(request, 'figures:all');
  const q = parseQuery(query, new URL(request.url).searchParams);
  const range = q.from && q.to ? { from: q.from, to: q.to } : null;
  return Response.json(await getDecisionOptions(await database(), range));
});
