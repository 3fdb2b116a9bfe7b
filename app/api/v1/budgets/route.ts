import { z } from 'zod';
import { loadMonthView } from '@/chargeback/month-view';
import { getBudgetAlerts } from '@/db/queries/budgets';
import { budgetsJson } from '@/lib/api/budgets-wire';
import { month } from '@/lib/api/chargeback-query';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const BudgetsQuery = z.strictObject({ month }, { error: () => 'unknown parameter; use month' });

/** Budgets in force for a month with the spend, forecast and thresholds reached so far. */
export const GET = apiRoute(async (request) => {
  const query = parseQuery(BudgetsQuery, new URL(request.url).searchParams);
  const db = await database();
  const [view, alerts] = await Promise.all([loadMonthView(db, query.month), getBudgetAlerts(db, query.month)]);
  return Response.json(budgetsJson(view.month, view.report, alerts));
});
