import type { Database } from '../client';

export interface PoolUsageParams {
  from: string;
  to: string;
  /** only these pools; all when absent */
  pools?: readonly string[];
}

export interface PoolUsageRecord {
  day: string;
  pool: string;
  provisionedGpuHours: string;
  usedGpuHours: string;
  idleGpuHours: string;
  overReportedGpuHours: string;
  idleUsd: string;
}

/** Each pool's billed, used and idle GPU-hours per settled day (written when a day is settled). */
export async function getPoolUsage(db: Database, params: PoolUsageParams): Promise<PoolUsageRecord[]> {
  const values: unknown[] = [params.from, params.to];
  let where = 'day between $1::date and $2::date';
  if (params.pools?.length) {
    values.push(params.pools);
    where += ` and pool = any($3::text[])`;
  }
  return db.query<PoolUsageRecord>(
    `select day::text as "day", pool, provisioned_gpu_hours::text as "provisionedGpuHours",
            used_gpu_hours::text as "usedGpuHours", idle_gpu_hours::text as "idleGpuHours",
            over_reported_gpu_hours::text as "overReportedGpuHours", idle_usd::text as "idleUsd"
       from pool_days where ${where}
      order by pool collate "C", day`,
    values,
  );
}
