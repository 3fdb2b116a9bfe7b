import type { Database } from '../client';

/** One row of a day at the rollup grain: its direct cost and the workflow figures attributed to it. */
export interface DayRowRecord {
  team: string;
  workloadClass: string;
  model: string;
  provider: string;
  pool: string;
  requests: number;
  outputTokens: number;
  gpuHours: string;
  direct: string;
  acceptedWorkflows: number;
  outcomeReviewSeconds: number;
}

/** The rows of both rollup tables at one grain, full-joined; `days` filters both sides by `day`. */
const dayRowsSql = (days: string) =>
  `select coalesce(r.day, w.day)::text as "day",
          coalesce(r.team, w.team) as "team", coalesce(r.workload_class, w.workload_class) as "workloadClass",
          coalesce(r.model, w.model) as "model", coalesce(r.provider, w.provider) as "provider",
          coalesce(r.pool, w.pool) as "pool",
          coalesce(r.requests, 0)::float8 as "requests", coalesce(r.output_tokens, 0)::float8 as "outputTokens",
          coalesce(r.gpu_hours, 0)::text as "gpuHours",
          coalesce(r.l1_usd + r.l2_usd + r.l3_usd + r.l4_usd, 0)::text as "direct",
          coalesce(w.accepted_workflows, 0)::float8 as "acceptedWorkflows",
          coalesce(w.outcome_review_seconds, 0)::float8 as "outcomeReviewSeconds"
     from (select * from daily_rollups where ${days}) r
     full join (select * from workflow_rollups where ${days}) w
       on r.day = w.day and r.team = w.team and r.workload_class = w.workload_class and r.model = w.model
      and r.provider = w.provider and r.pool = w.pool
    order by 1, 2, 3, 4, 5, 6`;

/** Everything allocation needs about one reporting day, unfiltered, from both rollup tables. */
export async function getDayRows(db: Database, day: string): Promise<DayRowRecord[]> {
  return db.query<DayRowRecord>(dayRowsSql('day = $1::date'), [day]);
}

/** The same rows for every day of an inclusive range, each carrying its day. */
export async function getDayRowsBetween(
  db: Database,
  range: { from: string; to: string },
): Promise<Array<DayRowRecord & { day: string }>> {
  return db.query(dayRowsSql('day between $1::date and $2::date'), [range.from, range.to]);
}

/** The first and last reporting day with any telemetry. */
export async function getTelemetrySpan(db: Database): Promise<{ first: string; last: string } | null> {
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    `select min(day)::text as first, max(day)::text as last from daily_rollups`,
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Days in [from, to] whose allocations are missing or out of date. */
export async function getUnsettledDays(db: Database, from: string, to: string): Promise<string[]> {
  const rows = await db.query<{ day: string }>(
    `select d::date::text as day from generate_series($1::date, $2::date, interval '1 day') as d
      where d::date in (select day from dirty_days) or d::date not in (select day from settled_days)
      order by 1`,
    [from, to],
  );
  return rows.map((r) => r.day);
}
