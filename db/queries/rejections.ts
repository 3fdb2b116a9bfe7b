import type { GroupKey, MetricsFilters } from '../../lib/metrics/keys';
import type { Database } from '../client';
import { groupedSql, splitKeys } from './dashboard-sql';

export interface RejectionParams {
  from: string;
  to: string;
  groupBy: readonly GroupKey[];
  filters: MetricsFilters;
}

export interface RejectionCount {
  keys: Partial<Record<GroupKey, string | null>>;
  /** null: rejected without a reason given */
  reason: string | null;
  workflows: number;
}

/**
 * Rejected workflows per reason (the "top failure modes"), counted like the metrics count them:
 * on the reporting day of the workflow's last event, at its attributed model. Reads the workflows
 * table (one row per unit of work, indexed by day), not the events.
 */
export async function getRejectionCounts(db: Database, params: RejectionParams): Promise<RejectionCount[]> {
  const q = groupedSql(params);
  const cols = [...q.select, 'rejection_reason as "reason"', 'count(*)::float8 as "workflows"'];
  const records = await db.query<Record<string, unknown>>(
    `select ${cols.join(', ')} from workflows
      where ${q.where} and acceptance_status = 'rejected'
      group by ${[...q.groupBy, 'rejection_reason'].join(', ')}
      order by count(*) desc, rejection_reason collate "C" nulls first`,
    q.values,
  );
  return records.map((r) => {
    const { keys, rest } = splitKeys(r, params.groupBy);
    return { keys, reason: rest.reason as string | null, workflows: Number(rest.workflows) };
  });
}
