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
 * Stores the events whose (team, id) is new and returns their keys. `direct` COPYs straight into
 * `events` after looking up which keys exist (fast, but a concurrent batch with the same ids makes
 * it fail with a unique violation); `staged` COPYs into a staging table and inserts with
 * on conflict do nothing (safe under any concurrency). Rows go in key order so that concurrent
 * overlapping batches lock in the same order and cannot deadlock. Runs inside a transaction,
 * after `prepareStaging`.
 */
export async function insertNewEvents(
  tx: Database,
  priced: readonly PricedEvent[],
  mode: 'direct' | 'staged',
): Promise<Set<string>> {
  if (priced.length === 0) return new Set();
  const sorted = [...priced].sort((a, b) => compareKeys(a.event, b.event));
  if (mode === 'staged') {
    await tx.copyFrom('events_stage', EVENT_COLUMNS, sorted.map(eventRow).join(''));
    const rows = await tx.query<{ team: string; id: string }>(
      `insert into events select * from events_stage order by team, id
       on conflict (team, id) do nothing returning team, id`,
    );
    return new Set(rows.map((r) => eventKey(r.team, r.id)));
  }
  const existing = await tx.query<{ team: string; id: string }>(
    // LATERAL keeps this a primary-key probe per id whatever the plan cache thinks of the table size.
    `select k.team, k.id from unnest($1::text[], $2::text[]) as k(team, id)
       cross join lateral (select 1 from events e where e.team = k.team and e.id = k.id limit 1) as hit`,
    [textArray(sorted.map((p) => p.event.team)), textArray(sorted.map((p) => p.event.id))],
  );
  const seen = new Set(existing.map((r) => eventKey(r.team, r.id)));
  const fresh = seen.size ? sorted.filter((p) => !seen.has(eventKey(p.event.team, p.event.id))) : sorted;
  if (fresh.length) await tx.copyFrom('events', EVENT_COLUMNS, fresh.map(eventRow).join(''));
  return new Set(fresh.map((p) => eventKey(p.event.team, p.event.id)));
}

export const eventKey = (team: string, id: string) => `${team}\u0000${id}`;

const compareKeys = (a: CutEvent, b: CutEvent) =>
  a.team < b.team ? -1 : a.team > b.team ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** SQLSTATE 23505: what a `direct` insert hits when a concurrent batch stored the same event first. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';
