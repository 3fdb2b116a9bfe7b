import type { Database } from '../db/client';
import { getBudgetAlerts, hasAnyBudget } from '../db/queries/budgets';
import { getTeamNames } from '../db/queries/chargeback-meta';
import { recordAlerts, setBudget, type AlertRecord } from '../db/writes/budgets';
import { enqueueDeliveries } from '../db/writes/webhooks';
import { FORECAST_METHOD, THRESHOLDS, type Basis, type Threshold } from '../lib/chargeback/budget';
import { monthOf, type Month } from '../lib/chargeback/month';
import { UNALLOCATED } from '../lib/costing/allocate-shared';
import { InvalidBodyError } from '../lib/errors';
import { formatUnits, PICO_DIGITS } from '../lib/money';
import { assertReportableMonth, loadMonthView, reportingToday } from './month-view';

const BUDGET_EVENT = 'budget.threshold_reached';

/** Sets a team's monthly budget from `fromMonth` (default: this month) on; null removes it. */
export async function setTeamBudget(
  db: Database,
  input: { team: string; monthlyUsd: string | null; fromMonth?: string },
  actor: string,
  now = new Date(),
): Promise<{ team: string; fromMonth: Month; monthlyUsd: string | null }> {
  const names = await getTeamNames(db);
  if (!names.has(input.team) || input.team === UNALLOCATED) {
    const known = [...names.keys()].filter((t) => t !== UNALLOCATED).sort();
    throw new InvalidBodyError(
      `team: no team named ${JSON.stringify(input.team)}${known.length ? `; teams are ${known.join(', ')}` : ' (no team has sent telemetry yet)'}`,
    );
  }
  const { today } = await reportingToday(db, now);
  const fromMonth = input.fromMonth ?? monthOf(today);
  if (input.fromMonth !== undefined) await assertReportableMonth(db, fromMonth, 'from_month', now);
  await setBudget(db, { team: input.team, fromMonth, monthlyUsd: input.monthlyUsd }, actor);
  return { team: input.team, fromMonth, monthlyUsd: input.monthlyUsd };
}

const usd6 = (pico: bigint) => formatUnits(pico, PICO_DIGITS, 6);

/**
 * Compares this month's spend and forecast of every team with a budget against the thresholds.
 * A threshold reached for the first time is recorded, and one webhook per team and basis
 * announces the highest one reached (lower ones reached at the same time are recorded with it).
 */
export async function evaluateBudgets(db: Database, now = new Date()): Promise<AlertRecord[]> {
  if (!(await hasAnyBudget(db))) return [];
  const { today } = await reportingToday(db, now);
  const month = monthOf(today);
  const view = await loadMonthView(db, month, now);
  const seen = await getBudgetAlerts(db, month);
  const highest = (team: string, basis: Basis) =>
    Math.max(0, ...seen.filter((a) => a.team === team && a.basis === basis).map((a) => a.thresholdPct));

  const announcements: Array<{ alerts: AlertRecord[]; payload: object }> = [];
  for (const row of view.report.rows) {
    const budget = row.budget;
    if (!budget) continue;
    const figures: Record<Basis, { reached: Threshold | null; value: bigint | null }> = {
      actual: { reached: budget.actualThreshold, value: row.exactTco + row.exactCorrection },
      forecast: { reached: budget.forecastThreshold, value: budget.forecast },
    };
    for (const basis of ['actual', 'forecast'] as const) {
      const { reached, value } = figures[basis];
      const before = highest(row.team, basis);
      if (reached === null || value === null || reached <= before) continue;
      const alerts = THRESHOLDS.filter((t) => t > before && t <= reached).map((t) => ({
        team: row.team,
        month,
        basis,
        thresholdPct: t,
        budgetUsd: usd6(budget.monthly),
        valueUsd: usd6(value),
      }));
      announcements.push({
        alerts,
        payload: {
          type: BUDGET_EVENT,
          team: row.team,
          team_name: row.name,
          month,
          basis,
          threshold_pct: reached,
          previous_threshold_pct: before === 0 ? null : before,
          budget_usd: usd6(budget.monthly),
          value_usd: usd6(value),
          used: basis === 'actual' ? budget.used : budget.forecastUsed,
          forecast_method: basis === 'forecast' ? FORECAST_METHOD : null,
          reported_at: now.toISOString(),
        },
      });
    }
  }
  const recorded: AlertRecord[] = [];
  for (const a of announcements) {
    await db.transaction(async (tx) => {
      const fresh = await recordAlerts(tx, a.alerts);
      // Only the run that recorded the crossing announces it.
      if (fresh.some((f) => f.thresholdPct === (a.payload as { threshold_pct: number }).threshold_pct)) {
        await enqueueDeliveries(tx, BUDGET_EVENT, a.payload, now);
      }
      recorded.push(...fresh);
    });
  }
  return recorded;
}
