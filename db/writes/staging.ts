import type { Database } from '../client';
import { lockDaysSharedSql } from '../day-locks';
import { MERGE_ROLLUPS } from './rollups';
import { APPLY_EARLY_OUTCOMES, MERGE_WORKFLOWS } from './workflows';

/** Teams and workload classes seen for the first time are created, named after their slug. */
const REGISTER_SLUGS = `insert into teams (slug, name)
    select distinct team, team from workflows_stage order by 1 on conflict do nothing;
  insert into workload_classes (slug, name)
    select distinct workload_class, initcap(replace(workload_class, '_', ' ')) from workflows_stage order by 1
    on conflict do nothing`;

/**
 * The stored day of each staged workflow. LATERAL with LIMIT keeps it a primary-key probe per
 * workflow: a plain join, planned against a temp table with no statistics, hashes all of
 * `workflows` for every batch, and ingest slows down as the table grows.
 */
const STAGED_WORKFLOW_DAYS = `select w.day from workflows_stage s
    cross join lateral (select day from workflows w
                         where w.team = s.team and w.workflow_id = s.workflow_id limit 1) as w`;

/**
 * Days whose allocations and workflow figures the batch changes: the days of its events, and each
 * touched workflow's stored day. A workflow's day after the merge is that of its last event, which
 * is either its stored day or the day of one of the batch's events, so both are already named here.
 */
const MARK_DIRTY = `insert into dirty_days (day)
    select day from rollups_stage
    union ${STAGED_WORKFLOW_DAYS}
    order by 1 on conflict do nothing`;

/** One round trip that folds everything staged for a batch into the stored tables. */
export const MERGE_STAGED_SQL = [REGISTER_SLUGS, MARK_DIRTY, MERGE_ROLLUPS, MERGE_WORKFLOWS, APPLY_EARLY_OUTCOMES].join(
  ';\n',
);

const STAGES = ['events', 'rollups', 'workflows'] as const;
const STAGE_TABLES = STAGES.map((t) => `${t}_stage`).join(', ');
/** Past this many bytes of (mostly dead) rows, the staging tables are truncated rather than deleted from. */
export const STAGE_TRUNCATE_BYTES = 1024 * 1024;

/**
 * Creates the per-session staging tables (kept across transactions) and empties them. They are
 * emptied here, before use, not at each commit: ON COMMIT DELETE ROWS truncates every one of them
 * (heap, TOAST and its index) at every commit, which costs PGlite more than the batch's merges.
 * A delete leaves dead rows no autovacuum will reclaim in a temp table, so once they add up to a
 * megabyte (every few batches) the tables are truncated instead.
 */
export async function prepareStaging(tx: Database, alsoRun = ''): Promise<void> {
  const size = STAGES.map((t) => `pg_relation_size('pg_temp.${t}_stage')`).join(' + ');
  await tx.exec(
    `${STAGES.map((t) => {
      const table = t === 'rollups' ? 'daily_rollups' : t;
      return `create temp table if not exists ${t}_stage (like ${table} including defaults)`;
    }).join(';\n')};
    do $$ begin
      if ${size} > ${STAGE_TRUNCATE_BYTES} then truncate ${STAGE_TABLES};
      else ${STAGES.map((t) => `delete from ${t}_stage;`).join(' ')}
      end if;
    end $$${alsoRun ? `;\n${alsoRun}` : ''}`,
  );
}

/**
 * What an ingest batch runs before writing, in one round trip: its staging tables emptied and its
 * days locked shared. The price-book version is read after this, in a statement of its own, so
 * that its snapshot is taken once the locks are held.
 */
export const prepareBatch = (tx: Database, dayNumbers: readonly number[]) =>
  prepareStaging(tx, lockDaysSharedSql(dayNumbers));
