import type { CutEvent } from '../../lib/events/event';
import type { PricedEvent } from '../../lib/rollup/aggregate';
import { picoToUsd, PICO_DIGITS } from '../../lib/money';
import type { Database } from '../client';
import { copyRow, textArray } from '../copy-text';

// prettier-ignore
const EVENT_COLUMNS = [
  'team', 'id', 'ts', 'workload_class', 'workflow_id', 'model', 'provider', 'model_version', 'pool',
  'stage', 'input_tokens', 'cached_tokens', 'retrieved_tokens', 'output_tokens', 'reasoning_tokens',
  'retry_count', 'tool_calls', 'fallback', 'latency_ms', 'ttft_ms', 'queue_ms', 'status', 'error_type',
  'acceptance_status', 'rejection_reason', 'human_review_seconds', 'gpu_hours', 'reported_cost_usd',
  'attributes', 'cost_usd', 'cost_source', 'pricebook_cost_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd',
] as const;

const usd = (pico: bigint) => picoToUsd(pico, PICO_DIGITS);

// prettier-ignore
function eventRow({ event: e, cost }: PricedEvent): string {
  return copyRow([
    e.team, e.id, e.timestamp.toISOString(), e.workloadClass, e.workflowId, e.model, e.provider,
    e.modelVersion, e.pool, e.stage, e.inputTokens, e.cachedTokens, e.retrievedTokens, e.outputTokens,
    e.reasoningTokens, e.retryCount, e.toolCalls, e.fallback, e.latencyMs, e.ttftMs, e.queueMs, e.status,
    e.errorType, e.acceptanceStatus, e.rejectionReason, e.humanReviewSeconds, e.gpuHours, e.reportedCostUsd,
    JSON.stringify(e.attributes), usd(cost.base), cost.source, usd(cost.pricebook), usd(cost.l1),
    usd(cost.l2), usd(cost.l3), usd(cost.l4),
  ]);
}

/**
 * Inserts priced events that are not stored yet and returns the keys that were new.
 * COPY into a per-transaction staging table, then one insert ... on conflict do nothing:
 * COPY's speed with the idempotency of the (team, id) key. Rows go in key order so that
 * concurrent overlapping batches lock in the same order and cannot deadlock. Runs in a transaction.
 */
export async function insertNewEvents(tx: Database, priced: readonly PricedEvent[]): Promise<Set<string>> {
  if (priced.length === 0) return new Set();
  await tx.query('create temp table if not exists events_stage (like events including defaults) on commit delete rows');
  await tx.copyFrom('events_stage', EVENT_COLUMNS, priced.map(eventRow).join(''));
  const rows = await tx.query<{ team: string; id: string }>(
    `insert into events select * from events_stage order by team, id on conflict (team, id) do nothing returning team, id`,
  );
  await tx.query('truncate events_stage');
  return new Set(rows.map((r) => eventKey(r.team, r.id)));
}

export const eventKey = (team: string, id: string) => `${team}\u0000${id}`;

/** Creates teams and workload classes seen for the first time (named after their slug). */
export async function registerSlugs(tx: Database, events: readonly Pick<CutEvent, 'team' | 'workloadClass'>[]) {
  const teams = [...new Set(events.map((e) => e.team))].sort();
  const classes = [...new Set(events.map((e) => e.workloadClass))].sort();
  if (teams.length) {
    await tx.query(`insert into teams (slug, name) select s, s from unnest($1::text[]) s on conflict do nothing`, [
      textArray(teams),
    ]);
  }
  if (classes.length) {
    await tx.query(
      `insert into workload_classes (slug, name) select s, initcap(replace(s, '_', ' ')) from unnest($1::text[]) s on conflict do nothing`,
      [textArray(classes)],
    );
  }
}
