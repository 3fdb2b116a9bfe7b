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

/** Everything allocation needs about one reporting day, unfiltered, from both rollup tables. */
export async function getDayRows(db: Database, day: string): Promise<DayRowRecord[]> {
  return db.query<DayRowRecord>(
    `select coalesce(r.team, w.team) as "team", coalesce(r.workload_class, w.workload_class) as "workloadClass",
            coalesce(r.model, w.model) as "model", coalesce(r.provider, w.provider) as "provider",
            coalesce(r.pool, w.pool) as "pool",
            coalesce(r.requests, 0)::float8 as "requests", coalesce(r.output_tokens, 0)::float8 as "outputTokens",
            coalesce(r.gpu_hours, 0)::text as "gpuHours",
            coalesce(r.l1_usd + r.l2_usd + r.l3_usd + r.l4_usd, 0)::text as "direct",
            coalesce(w.accepted_workflows, 0)::float8 as "acceptedWorkflows",
            coalesce(w.outcome_review_seconds, 0)::float8 as "outcomeReviewSeconds"
       from (select * from daily_rollups where day = $1::date) r
       full join (select * from workflow_rollups where day = $1::date) w
         on r.team = w.team and r.workload_class = w.workload_class and r.model = w.model
        and r.provider = w.provider and r.pool = w.pool
      order by 1, 2, 3, 4, 5`,
    [day],
  );
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
