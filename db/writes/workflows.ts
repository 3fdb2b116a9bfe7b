import { isoTimestamp } from '../../lib/iso-timestamp';
import { exactDecimal } from '../../lib/money';
import type { WorkflowDelta } from '../../lib/rollup/aggregate';
import type { Database } from '../client';
import { copyNullable as text } from '../copy-text';
import { isUniqueViolation } from './events';

// "Latest" is by time, then by the deciding event's id (lib/rollup/aggregate.ts atOrAfter); a row an
// older version wrote, or an outcome's acceptance, has no id and loses a tie to any event.
/** The batch's acceptance replaces the stored one only when it is at least as recent. */
const newer = `(excluded.acceptance_at is not null
  and (workflows.acceptance_at is null or (excluded.acceptance_at, excluded.acceptance_event_id)
       >= (workflows.acceptance_at, coalesce(workflows.acceptance_event_id, ''))))`;
const later = `(excluded.last_event_at, excluded.last_event_id) >= (workflows.last_event_at, coalesce(workflows.last_event_id, ''))`;
const attributed = `(excluded.attributed_rank, excluded.attributed_at, excluded.attributed_event_id)
  >= (workflows.attributed_rank, workflows.attributed_at, coalesce(workflows.attributed_event_id, ''))`;

// prettier-ignore
const WORKFLOW_COLUMNS = [
  'team', 'workflow_id', 'workload_class', 'first_event_at', 'last_event_at', 'day', 'model', 'provider', 'pool',
  'attributed_rank', 'attributed_at', 'events', 'acceptance_status', 'acceptance_at', 'rejection_reason',
  'useful_output_tokens', 'last_event_id', 'attributed_event_id', 'acceptance_event_id',
] as const;

/**
 * One staged workflow in COPY text, in WORKFLOW_COLUMNS order: what `copyRow` makes of the same
 * fields, written out by hand as eventRow is, since ingest writes one for each workflow it sees.
 */
// prettier-ignore
function workflowRow(w: WorkflowDelta): string {
  const last = isoTimestamp(w.lastEventAt);
  // The attribution and the acceptance are often the last event's: its text is used again.
  const iso = (at: Date) => (at.getTime() === w.lastEventAt.getTime() ? last : isoTimestamp(at));
  return `${[
    text(w.team), text(w.workflowId), text(w.workloadClass), iso(w.firstEventAt), last, w.day, text(w.model),
    text(w.provider), text(w.pool), w.attributedRank, iso(w.attributedAt), w.events, w.acceptanceStatus,
    w.acceptanceAt ? iso(w.acceptanceAt) : '\\N', text(w.rejectionReason), exactDecimal(w.usefulNanoTokens, 9),
    text(w.lastEventId), text(w.attributedEventId), text(w.acceptanceEventId),
  ].join('\t')}\n`;
}

/** Each workflow's staging row (COPY text), in order. */
export const workflowRows = (deltas: readonly WorkflowDelta[]): string[] => deltas.map(workflowRow);

/** Each workflow's COPY text: the row written ahead where there is one (BatchDeltas.workflowRows). */
const rowsOf = (deltas: readonly WorkflowDelta[], rows?: ReadonlyArray<string | null>) =>
  deltas.map((w, i) => rows?.[i] ?? workflowRow(w)).join('');

/**
 * COPYs a batch's workflow facts into the staging table; `mergeDeltas` (staging.ts) merges them.
 * `rows`: each one's row where it was written ahead (BatchDeltas.workflowRows).
 */
export async function stageWorkflows(
  tx: Database,
  deltas: readonly WorkflowDelta[],
  rows?: ReadonlyArray<string | null>,
): Promise<void> {
  if (deltas.length === 0) return;
  await tx.copyFrom('workflows_stage', WORKFLOW_COLUMNS, rowsOf(deltas, rows));
}

/**
 * COPYs workflows taken to be new straight into `workflows`, behind a savepoint, and says whether
 * they were: when one is stored already, the COPY fails on its key and is undone (false), and the
 * caller stages them for the upsert instead. A new row is exactly what the upsert would insert.
 */
export async function copyNewWorkflows(
  tx: Database,
  deltas: readonly WorkflowDelta[],
  rows?: ReadonlyArray<string | null>,
): Promise<boolean> {
  if (deltas.length === 0) return true;
  const text = rowsOf(deltas, rows);
  // Sent together: the COPY follows the savepoint without waiting for its answer.
  const savepoint = tx.exec('savepoint new_workflows');
  try {
    await Promise.all([savepoint, tx.copyFrom('workflows', WORKFLOW_COLUMNS, text)]);
    return true;
  } catch (err) {
    await savepoint; // a failed savepoint is a failed transaction: its error is the one to meet
    if (!isUniqueViolation(err)) throw err;
    await tx.exec('rollback to savepoint new_workflows');
    return false;
  }
}

/**
 * Merging workflows widens the event window, adds counts, and takes the batch's acceptance only
 * when it is newer than the stored one; it returns each merged row's day before the merge. Then
 * any outcome that arrived before these events and is newer still is applied.
 */
export const MERGE_WORKFLOWS = `insert into workflows (${WORKFLOW_COLUMNS.join(', ')})
  select ${WORKFLOW_COLUMNS.join(', ')} from workflows_stage order by team, workflow_id
  on conflict (team, workflow_id) do update set
    previous_day = workflows.day,
    workload_class = case when ${later} then excluded.workload_class else workflows.workload_class end,
    day = case when ${later} then excluded.day else workflows.day end,
    last_event_id = case when ${later} then excluded.last_event_id else workflows.last_event_id end,
    model = case when ${attributed} then excluded.model else workflows.model end,
    provider = case when ${attributed} then excluded.provider else workflows.provider end,
    pool = case when ${attributed} then excluded.pool else workflows.pool end,
    attributed_rank = case when ${attributed} then excluded.attributed_rank else workflows.attributed_rank end,
    attributed_at = case when ${attributed} then excluded.attributed_at else workflows.attributed_at end,
    attributed_event_id = case when ${attributed} then excluded.attributed_event_id else workflows.attributed_event_id end,
    first_event_at = least(workflows.first_event_at, excluded.first_event_at),
    last_event_at = greatest(workflows.last_event_at, excluded.last_event_at),
    events = workflows.events + excluded.events,
    useful_output_tokens = workflows.useful_output_tokens + excluded.useful_output_tokens,
    acceptance_status = case when ${newer} then excluded.acceptance_status else workflows.acceptance_status end,
    rejection_reason = case when ${newer} then excluded.rejection_reason else workflows.rejection_reason end,
    acceptance_at = case when ${newer} then excluded.acceptance_at else workflows.acceptance_at end,
    acceptance_event_id = case when ${newer} then excluded.acceptance_event_id else workflows.acceptance_event_id end
  returning previous_day`;

/**
 * Applies to the given workflows any outcome that arrived before their events and is newer than
 * their acceptance. The workflows are passed as two parallel arrays (ids, teams), since some of a
 * merge's workflows are COPYed straight into `workflows` and no staged table lists them all.
 */
export async function applyEarlyOutcomes(tx: Database, workflows: readonly WorkflowDelta[]): Promise<void> {
  if (workflows.length === 0) return;
  await tx.query(
    `update workflows w set acceptance_status = o.acceptance_status, acceptance_at = o.ts,
            rejection_reason = o.rejection_reason, acceptance_event_id = null
       from (select distinct on (o.workflow_id, k.team) o.workflow_id, k.team, o.ts, o.acceptance_status, o.rejection_reason
               from unnest($1::text[], $2::text[]) as k(workflow_id, team)
               join outcomes o on o.workflow_id = k.workflow_id and (o.team is null or o.team = k.team)
              where o.acceptance_status <> 'pending'
              order by o.workflow_id, k.team, o.ts desc) o
      where w.workflow_id = o.workflow_id and w.team = o.team
        and (w.acceptance_at is null or o.ts > w.acceptance_at)`,
    [workflows.map((w) => w.workflowId), workflows.map((w) => w.team)],
  );
}
