import type { CutEvent } from '../../lib/events/event';
import type { Database } from '../client';
import { filterSql, type KeyFilter } from './key-filter';

export interface StoredEvent {
  event: CutEvent;
  /** the stored direct cost, as numeric text with 12 decimals, in `CostColumns` order */
  stored: string;
}

/**
 * Events in [start, end) matching a price key, with what they were last priced at. Attributes
 * are left out: pricing never reads them. Times come back as epoch milliseconds because the two
 * drivers parse timestamps differently.
 */
export async function getEventsForRepricing(
  db: Database,
  range: { start: Date; end: Date },
  filter: KeyFilter,
): Promise<StoredEvent[]> {
  const where = filterSql(filter, 3, 'events');
  return selectStoredEvents(db, `ts >= $1::timestamptz and ts < $2::timestamptz and ${where.sql}`, [
    range.start.toISOString(),
    range.end.toISOString(),
    ...where.params,
  ]);
}

/**
 * The events one ingest transaction stored: their ingested_at is its time (now() of the
 * transaction, to the microsecond). The span, when known, lets the time index find them.
 */
export async function getEventsOfTransaction(
  db: Database,
  batch: { createdAt: string; fromTs: Date | null; toTs: Date | null },
): Promise<StoredEvent[]> {
  const { createdAt, fromTs, toTs } = batch;
  if (!fromTs || !toTs) return selectStoredEvents(db, 'ingested_at = $1::timestamptz', [createdAt]);
  return selectStoredEvents(db, 'ts between $2::timestamptz and $3::timestamptz and ingested_at = $1::timestamptz', [
    createdAt,
    fromTs.toISOString(),
    toTs.toISOString(),
  ]);
}

async function selectStoredEvents(db: Database, where: string, params: unknown[]): Promise<StoredEvent[]> {
  const rows = await db.query<Record<string, string | number | boolean | null>>(
    `select team, id, (extract(epoch from ts) * 1000)::float8 as ms, workload_class, workflow_id, model, provider,
            model_version, pool, stage::text, input_tokens, cached_tokens, retrieved_tokens, output_tokens,
            reasoning_tokens, retry_count, tool_calls, fallback, latency_ms, ttft_ms, queue_ms, status::text,
            error_type, acceptance_status::text, rejection_reason, human_review_seconds, gpu_hours::text,
            reported_cost_usd::text,
            concat_ws('|', cost_usd, cost_source, pricebook_cost_usd, l1_usd, l2_usd, l3_usd, l4_usd) as stored
       from events where ${where}`,
    params,
  );
  return rows.map((r) => ({
    stored: r.stored as string,
    event: {
      id: r.id as string,
      timestamp: new Date(Math.round(r.ms as number)),
      team: r.team as string,
      workloadClass: r.workload_class as string,
      workflowId: r.workflow_id as string,
      model: r.model as string,
      provider: r.provider as string,
      modelVersion: r.model_version as string | null,
      pool: r.pool as string | null,
      stage: r.stage as CutEvent['stage'],
      inputTokens: r.input_tokens as number,
      cachedTokens: r.cached_tokens as number,
      retrievedTokens: r.retrieved_tokens as number,
      outputTokens: r.output_tokens as number,
      reasoningTokens: r.reasoning_tokens as number,
      retryCount: r.retry_count as number,
      toolCalls: r.tool_calls as number,
      fallback: r.fallback as boolean,
      latencyMs: r.latency_ms as number,
      ttftMs: r.ttft_ms as number | null,
      queueMs: r.queue_ms as number | null,
      status: r.status as CutEvent['status'],
      errorType: r.error_type as string | null,
      acceptanceStatus: r.acceptance_status as CutEvent['acceptanceStatus'],
      rejectionReason: r.rejection_reason as string | null,
      humanReviewSeconds: r.human_review_seconds as number,
      gpuHours: r.gpu_hours as string,
      reportedCostUsd: r.reported_cost_usd as string | null,
      attributes: {},
    },
  }));
}
