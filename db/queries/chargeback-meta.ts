import type { FixedCostPolicy, Policies } from '../../lib/chargeback/policies';
import type { Database } from '../client';
import { getSettings } from './settings';

export interface ClosedMonth {
  month: string;
  closedAt: Date;
  closedBy: string;
  policies: Policies;
  /** exact decimal */
  tcoUsd: string;
}

export async function getClosedMonths(db: Database): Promise<ClosedMonth[]> {
  const rows = await db.query<{ month: string; closedAt: string; closedBy: string; policies: unknown; tcoUsd: string }>(
    `select month, to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "closedAt", closed_by as "closedBy", policies, tco_usd::text as "tcoUsd"
       from closed_months order by month`,
  );
  return rows.map((r) => ({
    ...r,
    closedAt: new Date(r.closedAt),
    policies: (typeof r.policies === 'string' ? JSON.parse(r.policies) : r.policies) as Policies,
  }));
}

/** The idle policy and the split rules of the fixed costs in force at some point of the day range. */
export async function getPolicies(db: Database, range: { from: string; to: string }): Promise<Policies> {
  const settings = await getSettings(db);
  const rows = await db.query<Omit<FixedCostPolicy, 'fixedShares'> & { fixedShares: unknown }>(
    `select id::int as "id", name, layer::int as "layer", category, monthly_usd::text as "monthlyUsd", rule::text as "rule",
            team, workload_class as "workloadClass", fixed_shares as "fixedShares"
       from fixed_costs
      where deleted_at is null and effective_from <= $2::date and (effective_to is null or effective_to >= $1::date)
      order by id`,
    [range.from, range.to],
  );
  return {
    idlePolicy: settings.idle_policy,
    fixedCosts: rows.map((r) => ({
      ...r,
      monthlyUsd: r.monthlyUsd,
      fixedShares: (typeof r.fixedShares === 'string' ? JSON.parse(r.fixedShares) : r.fixedShares) as Record<
        string,
        number
      > | null,
    })),
  };
}

/** Registered teams: slug -> display name. */
export async function getTeamNames(db: Database): Promise<Map<string, string>> {
  const rows = await db.query<{ slug: string; name: string }>(`select slug, name from teams`);
  return new Map(rows.map((r) => [r.slug, r.name]));
}
