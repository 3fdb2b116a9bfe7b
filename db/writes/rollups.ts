import type { RollupDelta, WorkflowDelta } from '../../lib/rollup/aggregate';
import { formatUnits, picoToUsd, PICO_DIGITS } from '../../lib/money';
import type { Database } from '../client';
import { copyRow, intArray } from '../copy-text';

const ROLLUP_KEY = ['team', 'day', 'workload_class', 'model', 'provider', 'pool'] as const;
// prettier-ignore
const ROLLUP_SUMS = [
  'requests', 'errors', 'unpriced', 'fallbacks', 'retries', 'tool_calls', 'input_tokens', 'cached_tokens',
  'retrieved_tokens', 'output_tokens', 'reasoning_tokens', 'human_review_seconds', 'gpu_hours', 'base_usd',
  'reported_usd', 'pricebook_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd',
] as const;
const ROLLUP_HISTS = ['latency_hist', 'ttft_hist'] as const;

const usd = (pico: bigint) => picoToUsd(pico, PICO_DIGITS);

/** The batch's acceptance replaces the stored one only when it is at least as recent. */
const newer = `(excluded.acceptance_at is not null
  and (workflows.acceptance_at is null or excluded.acceptance_at >= workflows.acceptance_at))`;

// prettier-ignore
function rollupRow(r: RollupDelta): string {
  return copyRow([
    r.team, r.day, r.workloadClass, r.model, r.provider, r.pool, r.requests, r.errors, r.unpriced, r.fallbacks,
    r.retries, r.toolCalls, r.inputTokens, r.cachedTokens, r.retrievedTokens, r.outputTokens, r.reasoningTokens,
    r.humanReviewSeconds, formatUnits(r.gpuNanoHours, 9, 9), usd(r.base), usd(r.reported), usd(r.pricebook),
    usd(r.l1), usd(r.l2), usd(r.l3), usd(r.l4), intArray(r.latencyHist), intArray(r.ttftHist),
  ]);
}

/** Element-wise sum of two int arrays of different lengths: how histograms merge in SQL. */
const mergeArrays = (col: string) =>
  `${col} = (select coalesce(array_agg(coalesce(a, 0) + coalesce(b, 0) order by i), '{}')
              from unnest(daily_rollups.${col}, excluded.${col}) with ordinality as u(a, b, i))`;

/** COPYs a batch's rollup deltas into the staging table; `MERGE_STAGED_SQL` adds them in. */
export async function stageRollups(tx: Database, deltas: readonly RollupDelta[]): Promise<void> {
  if (deltas.length) await tx.copyFrom('rollups_stage', ROLLUP_COLUMNS, deltas.map(rollupRow).join(''));
}

const ROLLUP_COLUMNS = [...ROLLUP_KEY, ...ROLLUP_SUMS, ...ROLLUP_HISTS];

// Sorted so concurrent batches take row locks in the same order and cannot deadlock.
const MERGE_ROLLUPS = `insert into daily_rollups (${ROLLUP_COLUMNS.join(', ')})
  select ${ROLLUP_COLUMNS.join(', ')} from rollups_stage order by ${ROLLUP_KEY.join(', ')}
  on conflict (${ROLLUP_KEY.join(', ')}) do update set
    ${ROLLUP_SUMS.map((c) => `${c} = daily_rollups.${c} + excluded.${c}`).join(',\n    ')},
    ${ROLLUP_HISTS.map(mergeArrays).join(',\n    ')}`;

// prettier-ignore
const WORKFLOW_COLUMNS = [
  'team', 'workflow_id', 'workload_class', 'first_event_at', 'last_event_at', 'events', 'acceptance_status',
  'acceptance_at', 'rejection_reason', 'useful_output_tokens',
] as const;

// prettier-ignore
function workflowRow(w: WorkflowDelta): string {
  return copyRow([
    w.team, w.workflowId, w.workloadClass, w.firstEventAt.toISOString(), w.lastEventAt.toISOString(), w.events,
    w.acceptanceStatus, w.acceptanceAt?.toISOString() ?? null, w.rejectionReason, w.usefulOutputTokens.toFixed(9),
  ]);
}

/** COPYs a batch's workflow facts into the staging table; `MERGE_STAGED_SQL` merges them. */
export async function stageWorkflows(tx: Database, deltas: readonly WorkflowDelta[]): Promise<void> {
  if (deltas.length) await tx.copyFrom('workflows_stage', WORKFLOW_COLUMNS, deltas.map(workflowRow).join(''));
}

/**
 * Merging workflows widens the event window, adds counts, and takes the batch's acceptance only
 * when it is newer than the stored one; then any outcome that arrived before these events and
 * is newer still is applied.
 */
const MERGE_WORKFLOWS = `insert into workflows (${WORKFLOW_COLUMNS.join(', ')})
  select ${WORKFLOW_COLUMNS.join(', ')} from workflows_stage order by team, workflow_id
  on conflict (team, workflow_id) do update set
    workload_class = case when excluded.last_event_at >= workflows.last_event_at
                          then excluded.workload_class else workflows.workload_class end,
    first_event_at = least(workflows.first_event_at, excluded.first_event_at),
    last_event_at = greatest(workflows.last_event_at, excluded.last_event_at),
    events = workflows.events + excluded.events,
    useful_output_tokens = workflows.useful_output_tokens + excluded.useful_output_tokens,
    acceptance_status = case when ${newer} then excluded.acceptance_status else workflows.acceptance_status end,
    rejection_reason = case when ${newer} then excluded.rejection_reason else workflows.rejection_reason end,
    acceptance_at = case when ${newer} then excluded.acceptance_at else workflows.acceptance_at end`;

const APPLY_EARLY_OUTCOMES = `update workflows w set acceptance_status = o.acceptance_status, acceptance_at = o.ts,
         rejection_reason = o.rejection_reason
    from (select distinct on (o.workflow_id, s.team) o.workflow_id, s.team, o.ts, o.acceptance_status, o.rejection_reason
            from outcomes o
            join workflows_stage s on s.workflow_id = o.workflow_id and (o.team is null or o.team = s.team)
           where o.acceptance_status <> 'pending'
           order by o.workflow_id, s.team, o.ts desc) o
   where w.workflow_id = o.workflow_id and w.team = o.team
     and (w.acceptance_at is null or o.ts > w.acceptance_at)`;

/** Teams and workload classes seen for the first time are created, named after their slug. */
const REGISTER_SLUGS = `insert into teams (slug, name)
    select distinct team, team from workflows_stage order by 1 on conflict do nothing;
  insert into workload_classes (slug, name)
    select distinct workload_class, initcap(replace(workload_class, '_', ' ')) from workflows_stage order by 1
    on conflict do nothing`;

/** One round trip that folds everything staged for a batch into the stored tables. */
export const MERGE_STAGED_SQL = [REGISTER_SLUGS, MERGE_ROLLUPS, MERGE_WORKFLOWS, APPLY_EARLY_OUTCOMES].join(';\n');

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
