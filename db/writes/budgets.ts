import type { Database } from '../client';
import { recordChange } from './audit';

export interface BudgetChange {
  team: string;
  fromMonth: string;
  /** decimal string; null removes the budget from that month on */
  monthlyUsd: string | null;
}

/**
 * Sets (or removes) a team's budget from a month on, audited. The thresholds that team reached
 * from that month on are forgotten, so the new budget is announced against afresh.
 */
export async function setBudget(db: Database, change: BudgetChange, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.query<{ monthly_usd: string | null; from_month: string }>(
      `select monthly_usd::text, from_month from budgets where team = $1 and from_month <= $2
        order by from_month desc limit 1`,
      [change.team, change.fromMonth],
    );
    await tx.query(
      `insert into budgets (team, from_month, monthly_usd) values ($1, $2, $3::numeric)
       on conflict (team, from_month) do update set monthly_usd = excluded.monthly_usd, created_at = now()`,
      [change.team, change.fromMonth, change.monthlyUsd],
    );
    await tx.query(`delete from budget_alerts where team = $1 and month >= $2`, [change.team, change.fromMonth]);
    await recordChange(tx, {
      actor,
      action: change.monthlyUsd === null ? 'delete' : before?.monthly_usd ? 'update' : 'create',
      entity: 'budget',
      entityId: change.team,
      before: before?.monthly_usd
        ? { team: change.team, monthly_usd: before.monthly_usd, from_month: before.from_month }
        : null,
      after:
        change.monthlyUsd === null
          ? null
          : { team: change.team, monthly_usd: change.monthlyUsd, from_month: change.fromMonth },
    });
  });
}

export interface AlertRecord {
  team: string;
  month: string;
  basis: 'actual' | 'forecast';
  thresholdPct: number;
  budgetUsd: string;
  valueUsd: string;
}

/** Records thresholds reached; returns the ones that were new (a concurrent run may have won some). */
export async function recordAlerts(tx: Database, alerts: readonly AlertRecord[]): Promise<AlertRecord[]> {
  const fresh: AlertRecord[] = [];
  for (const a of alerts) {
    const rows = await tx.query(
      `insert into budget_alerts (team, month, basis, threshold_pct, budget_usd, value_usd)
       values ($1, $2, $3, $4, $5::numeric, $6::numeric) on conflict do nothing returning team`,
      [a.team, a.month, a.basis, a.thresholdPct, a.budgetUsd, a.valueUsd],
    );
    if (rows.length) fresh.push(a);
  }
  return fresh;
}
