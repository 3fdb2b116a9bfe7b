import type { Database } from '../client';
import { MERGE_ROLLUPS } from './rollups';
import { APPLY_EARLY_OUTCOMES, MERGE_WORKFLOWS } from './workflows';

/** Teams and workload classes seen for the first time are created, named after their slug. */
const REGISTER_SLUGS = `insert into teams (slug, name)
    select distinct team, team from workflows_stage order by 1 on conflict do nothing;
  insert into workload_classes (slug, name)
    select distinct workload_class, initcap(replace(workload_class, '_', ' ')) from workflows_stage order by 1
    on conflict do nothing`;

/**
 * Days whose allocations and workflow figures the batch changes: the days of its events, and
 * each touched workflow's day before and after (a later event moves a workflow to a later day).
 */
const MARK_DIRTY_BEFORE = `insert into dirty_days (day)
    select day from rollups_stage
    union select w.day from workflows w join workflows_stage s using (team, workflow_id)
    order by 1 on conflict do nothing`;
const MARK_DIRTY_AFTER = `insert into dirty_days (day)
    select w.day from workflows w join workflows_stage s using (team, workflow_id)
    order by 1 on conflict do nothing`;

/** One round trip that folds everything staged for a batch into the stored tables. */
export const MERGE_STAGED_SQL = [
  REGISTER_SLUGS,
  MARK_DIRTY_BEFORE,
  MERGE_ROLLUPS,
  MERGE_WORKFLOWS,
  APPLY_EARLY_OUTCOMES,
  MARK_DIRTY_AFTER,
].join(';\n');

/**
 * Creates the per-session staging tables (kept across transactions, emptied at each commit) and
 * empties them, in case an outer transaction already used them.
 */
export async function prepareStaging(tx: Database): Promise<void> {
  await tx.exec(
    ['events', 'rollups', 'workflows']
      .map((t) => {
        const table = t === 'rollups' ? 'daily_rollups' : t;
        return `create temp table if not exists ${t}_stage (like ${table} including defaults) on commit delete rows;
                delete from ${t}_stage`;
      })
      .join(';\n'),
  );
}
