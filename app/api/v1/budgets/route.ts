import { z } from 'zod';
import { loadMonthView } from '@/chargeback/month-view';
import { scopeMonthView } from '@/chargeback/scope';
import { getBudgetAlerts } from '@/db/queries/budgets';
import { budgetsJson } from '@/lib/api/budgets-wire';
import { month } from '@/lib/api/chargeback-query';
import { requireAccess, scopeTeams } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const BudgetsQuery = z.strictObject({ month }, { error: () => 'unknown parameter; use month' });

/** Budgets in force for a month with the spend, forecast and thresholds reached so far (figures:read, team-scoped). */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const teams = scopeTeams(caller.teams);
  const query = parseQuery(BudgetsQuery, new URL(request.url).searchParams);
  const db = await database();
  const [view, alerts] = await Promise.all([loadMonthView(db, query.month), getBudgetAlerts(db, query.month)]);
  const mine = alerts.filter((a) => teams === undefined || teams.includes(a.team));
  return Response.json(budgetsJson(view.month, scopeMonthView(view, teams).report, mine));
});
