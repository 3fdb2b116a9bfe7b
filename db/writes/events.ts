import type { CutEvent } from '../../lib/events/event';
import type { PricedEvent } from '../../lib/rollup/aggregate';
import { isoTimestamp } from '../../lib/iso-timestamp';
import { exactDecimal, PICO_DIGITS } from '../../lib/money';
import type { CopyOptions, Database } from '../client';
import { copyNullable as text, copyText } from '../copy-text';

// prettier-ignore
const EVENT_COLUMNS = [
  'team', 'id', 'ts', 'workload_class', 'workflow_id', 'model', 'provider', 'model_version', 'pool',
  'stage', 'input_tokens', 'cached_tokens', 'retrieved_tokens', 'output_tokens', 'reasoning_tokens',
  'retry_count', 'tool_calls', 'fallback', 'latency_ms', 'ttft_ms', 'queue_ms', 'status', 'error_type',
  'acceptance_status', 'rejection_reason', 'human_review_seconds', 'gpu_hours', 'reported_cost_usd',
  'attributes', 'cost_usd', 'cost_source', 'pricebook_cost_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd',
] as const;

/** Amounts as their shortest text: the numeric columns keep 12 decimals whatever they are sent. */
const usd = (pico: bigint) => exactDecimal(pico, PICO_DIGITS);
const num = (n: number | null) => (n === null ? '\\N' : String(n));
/** Most events carry no attributes: skip JSON.stringify for them. */
const json = (attributes: object) => {
  for (const _ in attributes) return copyText(JSON.stringify(attributes));
  return '{}';
};

/**
 * One `events` row in COPY text, in EVENT_COLUMNS order: the text `copyRow` makes from the same
 * fields, written out by hand because it runs once per ingested event. One join makes a flat
 * string, which the batch's join copies faster than a template's tree of pieces.
 */
// prettier-ignore
export function eventRow({ event: e, cost }: PricedEvent): string {
  return `${[
    text(e.team), text(e.id), isoTimestamp(e.timestamp), text(e.workloadClass), text(e.workflowId), text(e.model),
    text(e.provider), text(e.modelVersion), text(e.pool), text(e.stage), e.inputTokens, e.cachedTokens,
    e.retrievedTokens, e.outputTokens, e.reasoningTokens, e.retryCount, e.toolCalls, e.fallback ? 't' : 'f',
    e.latencyMs, num(e.ttftMs), num(e.queueMs), text(e.status), text(e.errorType), text(e.acceptanceStatus),
    text(e.rejectionReason), e.humanReviewSeconds, text(e.gpuHours), text(e.reportedCostUsd), json(e.attributes),
    usd(cost.base), cost.source, usd(cost.pricebook), usd(cost.l1), usd(cost.l2), usd(cost.l3), usd(cost.l4),
  ].join('\t')}\n`;
}

/**
 * Stores the events whose (team, id) is new and returns their keys. `direct` COPYs straight into
 * `events` without looking first: ids are new in all but a re-sent batch, and a stored one fails
 * the COPY with a unique violation, after which the caller runs the batch again `staged`. That
 * costs one wasted COPY per re-send instead of a look-up on every batch. `staged` COPYs into a
 * staging table and inserts with on conflict do nothing (safe under any concurrency). Rows go in
 * key order so that concurrent overlapping batches lock in the same order and cannot deadlock.
 * Runs inside a transaction, after `prepareStaging`.
 */
export async function insertNewEvents(
  tx: Database,
  priced: readonly PricedEvent[],
  mode: 'direct' | 'staged',
): Promise<Set<string>> {
  if (priced.length === 0) return new Set();
  if (mode === 'staged') {
    await tx.copyFrom('events_stage', EVENT_COLUMNS, eventRowsInKeyOrder(priced));
    const rows = await tx.query<{ team: string; id: string }>(
      `insert into events select * from events_stage order by team, id
       on conflict (team, id) do nothing returning team, id`,
    );
    return new Set(rows.map((r) => eventKey(r.team, r.id)));
  }
  await copyEventRows(tx, eventRowsInKeyOrder(priced));
  return new Set(priced.map((p) => eventKey(p.event.team, p.event.id)));
}

/** Events in (team, id) order: the order rows are written in, so concurrent batches lock alike. */
export const sortByKey = (priced: readonly PricedEvent[]): PricedEvent[] =>
  [...priced].sort((a, b) => compareKeys(a.event, b.event));

/** The COPY text of `priced`, in key order: what a batch writes into `events`. */
export const eventRowsInKeyOrder = (priced: readonly PricedEvent[]): string => sortByKey(priced).map(eventRow).join('');

/** COPYs rows made by `eventRow` straight into `events` (`options`: Database.copyFrom's). */
export const copyEventRows = (tx: Database, rows: string, options?: CopyOptions) =>
  tx.copyFrom('events', EVENT_COLUMNS, rows, options);

export const eventKey = (team: string, id: string) => `${team}\u0000${id}`;

/**
 * Orders keys led by a team (an event's, a workflow's): rows written in this order lock in the
 * same order in concurrent batches, which then cannot deadlock on each other.
 */
export const compareTeamKeys = (teamA: string, keyA: string, teamB: string, keyB: string) =>
  teamA < teamB ? -1 : teamA > teamB ? 1 : keyA < keyB ? -1 : keyA > keyB ? 1 : 0;

const compareKeys = (a: CutEvent, b: CutEvent) => compareTeamKeys(a.team, a.id, b.team, b.id);

/** SQLSTATE 23505: what a `direct` insert hits when a concurrent batch stored the same event first. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

/** SQLSTATE 40P01: PostgreSQL undid this transaction to break a lock cycle with a concurrent one. */
export const isDeadlock = (err: unknown) => (err as { code?: string } | null)?.code === '40P01';
