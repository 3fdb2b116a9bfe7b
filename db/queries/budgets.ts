import type { Database } from '../client';

export interface BudgetInForce {
  team: string;
  /** the version's first month */
  fromMonth: string;
  /** decimal string, 6 decimals */
  monthlyUsd: string;
}

/** Each team's budget for `month`: the latest version from on or before it, unless that version removed it. */
export async function getBudgetsForMonth(db: Database, month: string): Promise<BudgetInForce[]> {
  return db.query<BudgetInForce>(
    `select team, from_month as "fromMonth", monthly_usd::text as "monthlyUsd" from (
       select distinct on (team) team, from_month, monthly_usd from budgets
        where from_month <= $1 order by team, from_month desc) b
      where monthly_usd is not null order by team`,
    [month],
  );
}

export async function hasAnyBudget(db: Database): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>(
    `select exists(select 1 from budgets where monthly_usd is not null) as any`,
  );
  return row?.any ?? false;
}

export interface BudgetAlertRow {
  team: string;
  month: string;
  basis: 'actual' | 'forecast';
  thresholdPct: number;
  budgetUsd: string;
  valueUsd: string;
  crossedAt: string;
}

/** Thresholds already reached in `month`, by team and basis. */
export async function getBudgetAlerts(db: Database, month: string): Promise<BudgetAlertRow[]> {
  return db.query<BudgetAlertRow>(
    `select team, month, basis::text as "basis", threshold_pct::int as "thresholdPct", budget_usd::text as "budgetUsd",
            value_usd::text as "valueUsd", to_char(crossed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "crossedAt"
       from budget_alerts where month = $1 order by team, basis, threshold_pct`,
    [month],
  );
}
