import type { Database } from '../client';
import { copyRow } from '../copy-text';

/**
 * Rebuilds one day's workflow figures from `workflows`: counts, acceptance, useful tokens of
 * accepted workflows, and reviewer time reported on their outcomes.
 */
export async function rebuildWorkflowRollups(tx: Database, day: string): Promise<void> {
  await tx.query(`delete from workflow_rollups where day = $1::date`, [day]);
  await tx.query(
    `insert into workflow_rollups (team, day, workload_class, model, provider, pool, workflows, accepted_workflows,
                                   rejected_workflows, useful_output_tokens, outcome_review_seconds)
     select w.team, w.day, w.workload_class, w.model, w.provider, w.pool, count(*),
            count(*) filter (where w.acceptance_status = 'accepted'),
            count(*) filter (where w.acceptance_status = 'rejected'),
            coalesce(sum(w.useful_output_tokens) filter (where w.acceptance_status = 'accepted'), 0),
            coalesce(sum(o.seconds), 0)
       from workflows w
       left join lateral (select sum(human_review_seconds) as seconds from outcomes o
                           where o.workflow_id = w.workflow_id and (o.team is null or o.team = w.team)) o on true
      where w.day = $1::date
      group by 1, 2, 3, 4, 5, 6`,
    [day],
  );
}

export interface AllocationRecord {
  team: string;
  workloadClass: string;
  model: string;
  provider: string;
  pool: string;
  kind: 'idle' | 'fixed' | 'review';
  source: string;
  layer: number;
  usd: string;
}

export interface PoolDayRecord {
  pool: string;
  usdPerGpuHour: string;
  provisionedGpuHours: string;
  usedGpuHours: string;
  idleGpuHours: string;
  overReportedGpuHours: string;
  idleUsd: string;
}

/** Replaces a day's allocations and pool figures and marks the day settled. */
export async function replaceDayAllocations(
  tx: Database,
  day: string,
  allocations: readonly AllocationRecord[],
  pools: readonly PoolDayRecord[],
): Promise<void> {
  await tx.query(`delete from allocations where day = $1::date`, [day]);
  await tx.query(`delete from pool_days where day = $1::date`, [day]);
  if (allocations.length) {
    const rows = allocations.map((a) =>
      copyRow([a.team, day, a.workloadClass, a.model, a.provider, a.pool, a.kind, a.source, a.layer, a.usd]),
    );
    await tx.copyFrom(
      'allocations',
      ['team', 'day', 'workload_class', 'model', 'provider', 'pool', 'kind', 'source', 'layer', 'usd'],
      rows.join(''),
    );
  }
  if (pools.length) {
    const rows = pools.map((p) =>
      copyRow([
        p.pool,
        day,
        p.usdPerGpuHour,
        p.provisionedGpuHours,
        p.usedGpuHours,
        p.idleGpuHours,
        p.overReportedGpuHours,
        p.idleUsd,
      ]),
    );
    await tx.copyFrom(
      'pool_days',
      [
        'pool',
        'day',
        'usd_per_gpu_hour',
        'provisioned_gpu_hours',
        'used_gpu_hours',
        'idle_gpu_hours',
        'over_reported_gpu_hours',
        'idle_usd',
      ],
      rows.join(''),
    );
  }
  await tx.query(
    `insert into settled_days (day) values ($1::date) on conflict (day) do update set settled_at = now()`,
    [day],
  );
}

/**
 * Marks days as changed (all days by default) so the next read or the worker settles them again.
 * Besides forgetting that they were settled, the days with telemetry are marked dirty: a settle
 * already running when the change lands then runs once more instead of keeping old figures.
 */
export async function unsettleDays(db: Database, range: { from?: string; to?: string } = {}): Promise<void> {
  await db.query(
    `delete from settled_days where ($1::date is null or day >= $1::date) and ($2::date is null or day <= $2::date)`,
    [range.from ?? null, range.to ?? null],
  );
  await db.query(
    `insert into dirty_days (day)
     select d::date from (select min(day) as first, greatest(max(day), current_date) as last from daily_rollups) s,
            generate_series(greatest(s.first, coalesce($1::date, s.first)), least(s.last, coalesce($2::date, s.last)),
                            interval '1 day') as d
      order by 1 on conflict do nothing`,
    [range.from ?? null, range.to ?? null],
  );
}
