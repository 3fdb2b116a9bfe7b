import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody, parseQuery } from '@/app/api/handler';
import { setTeamBudget } from '@/chargeback/budgets';
import { BudgetBody } from '@/lib/api/budget-body';
import { month } from '@/lib/api/chargeback-query';
import { slugFromPath } from '../../_config/path';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Sets a team's monthly budget from a month on (default: the current month) (admin key). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'finance:write');
  const team = slugFromPath(request, 'team');
  const body = await parseBody(BudgetBody, request);
  const saved = await setTeamBudget(
    db,
    { team, monthlyUsd: body.monthly_usd, fromMonth: body.from_month },
    caller.actor,
  );
  return Response.json({ team: saved.team, from_month: saved.fromMonth, monthly_usd: saved.monthlyUsd });
});

const DeleteQuery = z.strictObject(
  { from_month: month.optional() },
  { error: () => 'unknown parameter; use from_month' },
);

/** Removes a team's budget from a month on (default: the current month) (admin key). */
export const DELETE = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'finance:write');
  const team = slugFromPath(request, 'team');
  const query = parseQuery(DeleteQuery, new URL(request.url).searchParams);
  await setTeamBudget(db, { team, monthlyUsd: null, fromMonth: query.from_month }, caller.actor);
  return new Response(null, { status: 204 });
});
