import { aggregateBatch, type BatchDeltas, type PricedEvent } from '../../lib/rollup/aggregate';
import type { Database } from '../client';
import { compareTeamKeys } from './events';
import { MERGE_ROLLUPS, stageRollups } from './rollups';
import { applyEarlyOutcomes, copyNewWorkflows, MERGE_WORKFLOWS, stageWorkflows, workflowRows } from './workflows';
import { directCopyWent, rememberWritten, tryDirectCopy, wasWritten } from './written-workflows';

/**
 * Teams and workload classes seen for the first time are created, named after their slug. Every
 * staged workflow's team and class also name a staged rollup row, which are far fewer.
 */
const REGISTER_SLUGS = `insert into teams (slug, name)
    select distinct team, team from rollups_stage order by 1 on conflict do nothing;
  insert into workload_classes (slug, name)
    select distinct workload_class, initcap(replace(workload_class, '_', ' ')) from rollups_stage order by 1
    on conflict do nothing`;

/**
 * Merges the workflows and marks the days the batch changes: the days of its events, and each
 * merged workflow's day before the merge. A workflow's day after the merge is that of its last
 * event, which is either its day before or the day of one of the batch's events.
 */
const MERGE_WORKFLOWS_MARKING_DAYS = `with merged as (${MERGE_WORKFLOWS})
  insert into dirty_days (day)
    select day from rollups_stage
    union select previous_day from merged where previous_day is not null
    order by 1 on conflict do nothing`;

/** One round trip that folds everything staged for a batch into the stored tables. */
const MERGE_STAGED_SQL = [REGISTER_SLUGS, MERGE_ROLLUPS, MERGE_WORKFLOWS_MARKING_DAYS].join(';\n');

/**
 * A batch's deltas with each workflow's staging row written ahead (BatchDeltas.workflowRows):
 * what ingest holds for the folder, made while it waits on the server anyway.
 */
export function deltasForFold(priced: readonly PricedEvent[], dayOf: (at: Date) => string): BatchDeltas {
  const deltas = aggregateBatch(priced, dayOf);
  deltas.workflowRows = workflowRows(deltas.workflows);
  return deltas;
}

/**
 * Stages deltas (one batch's, or several combined) and merges them into the rollups and workflows,
 * marking the days they change. Workflows this process has not written lately are taken to be new
 * and COPYed straight into `workflows` (written-workflows.ts); only the others are upserted, or
 * all of them when one taken to be new was stored already. Runs inside a transaction, after
 * `prepareStaging`.
 */
export async function mergeDeltas(tx: Database, deltas: BatchDeltas): Promise<void> {
  const { workflows, workflowRows: rows } = deltas;
  await stageRollups(tx, deltas.rollups);
  const fresh: number[] = [];
  const seen: number[] = [];
  const direct = workflows.length > 0 && tryDirectCopy();
  workflows.forEach((w, i) => (direct && !wasWritten(w.team, w.workflowId) ? fresh : seen).push(i));
  const pick = (at: readonly number[]) => ({
    deltas: at.map((i) => workflows[i]!),
    rows: at.map((i) => rows?.[i] ?? null),
  });
  let upserted = seen;
  if (fresh.length > 0) {
    // In key order, as the upsert goes: merges that COPY the same new workflows lock them alike.
    fresh.sort((a, b) => {
      const [x, y] = [workflows[a]!, workflows[b]!];
      return compareTeamKeys(x.team, x.workflowId, y.team, y.workflowId);
    });
    const picked = pick(fresh);
    const copied = await copyNewWorkflows(tx, picked.deltas, picked.rows);
    directCopyWent(copied);
    if (!copied) upserted = workflows.map((_, i) => i);
  }
  const staged = pick(upserted);
  await stageWorkflows(tx, staged.deltas, staged.rows);
  // Sent together: the outcomes' update follows the merge without waiting for its answer.
  await Promise.all([tx.exec(MERGE_STAGED_SQL), applyEarlyOutcomes(tx, workflows)]);
  rememberWritten(workflows);
}

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
