import type { CutOutcome } from '../../lib/events/event';
import type { Database } from '../client';
import { copyRow } from '../copy-text';

const OUTCOME_COLUMNS = ['workflow_id', 'ts', 'acceptance_status', 'team', 'rejection_reason', 'human_review_seconds'];

/**
 * Stores outcomes not seen before (keyed by workflow, timestamp and status) and applies each
 * workflow's newest one when it is newer than what the workflow already says. An outcome for a
 * workflow with no events yet just waits in `outcomes`; the event writer applies it later.
 */
export async function insertOutcomes(db: Database, outcomes: readonly CutOutcome[]): Promise<number> {
  if (outcomes.length === 0) return 0;
  return db.transaction((tx) => insertOutcomesIn(tx, outcomes));
}

async function insertOutcomesIn(tx: Database, outcomes: readonly CutOutcome[]): Promise<number> {
  await tx.query(
    'create temp table if not exists outcomes_stage (like outcomes including defaults) on commit delete rows',
  );
  const rows = outcomes.map((o) =>
    copyRow([
      o.workflowId,
      o.timestamp.toISOString(),
      o.acceptanceStatus,
      o.team,
      o.rejectionReason,
      o.humanReviewSeconds,
    ]),
  );
  await tx.copyFrom('outcomes_stage', OUTCOME_COLUMNS, rows.join(''));
  const inserted = await tx.query<{ n: number }>(
    `with ins as (
       insert into outcomes (${OUTCOME_COLUMNS.join(', ')})
       select distinct on (workflow_id, ts, acceptance_status) ${OUTCOME_COLUMNS.join(', ')}
         from outcomes_stage order by workflow_id, ts, acceptance_status
       on conflict do nothing
       returning *
     ), latest as (
       select distinct on (workflow_id, team) * from ins
        where acceptance_status <> 'pending'
        order by workflow_id, team, ts desc
     ), applied as (
       update workflows w set acceptance_status = l.acceptance_status, acceptance_at = l.ts,
              rejection_reason = l.rejection_reason, acceptance_event_id = null
         from latest l
        where w.workflow_id = l.workflow_id and (l.team is null or l.team = w.team)
          and (w.acceptance_at is null or l.ts > w.acceptance_at)
       returning w.day
     ), dirty as (
       insert into dirty_days (day) select distinct day from applied order by 1 on conflict do nothing
     )
     select (select count(*) from ins)::int as n`,
  );
  await tx.query('truncate outcomes_stage');
  return inserted[0]?.n ?? 0;
}
