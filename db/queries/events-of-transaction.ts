import { COST_SOURCES, type DirectCost } from '../../lib/costing/direct';
import type { CutEvent } from '../../lib/events/event';
import { parseDecimal } from '../../lib/money';
import type { PricedEvent } from '../../lib/rollup/aggregate';
import type { Database } from '../client';

type Row = Record<string, string | number | boolean | null>;

const pico = (v: unknown) => parseDecimal(String(v));

function costOf(r: Row): DirectCost {
  const source = r.cost_source as DirectCost['source'];
  if (!COST_SOURCES.includes(source)) throw new Error(`unknown cost source: ${String(source)}`);
  return {
    base: pico(r.cost_usd),
    source,
    pricebook: pico(r.pricebook_cost_usd),
    l1: pico(r.l1_usd),
    l2: pico(r.l2_usd),
    l3: pico(r.l3_usd),
    l4: pico(r.l4_usd),
  };
}

function eventOf(r: Row): CutEvent {
  return {
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
  };
}

/**
 * The events one ingest transaction stored, with the costs they were priced at: their
 * `ingested_at` is that transaction's time (now() of it, to the microsecond), given as the
 * database wrote it. The span, when known, lets the time index find them. What the folder sums
 * for a pending batch whose deltas it does not hold; attributes are left out (no sum reads them).
 */
export async function getEventsOfTransaction(
  db: Database,
  batch: { createdAt: string; fromTs: Date | null; toTs: Date | null },
): Promise<PricedEvent[]> {
  const { createdAt, fromTs, toTs } = batch;
  const span = fromTs && toTs ? 'and ts between $2::timestamptz and $3::timestamptz' : '';
  const rows = await db.query<Row>(
    `select team, id, (extract(epoch from ts) * 1000)::float8 as ms, workload_class, workflow_id, model, provider,
            model_version, pool, stage::text, input_tokens, cached_tokens, retrieved_tokens, output_tokens,
            reasoning_tokens, retry_count, tool_calls, fallback, latency_ms, ttft_ms, queue_ms, status::text,
            error_type, acceptance_status::text, rejection_reason, human_review_seconds, gpu_hours::text,
            reported_cost_usd::text, cost_usd::text, cost_source::text, pricebook_cost_usd::text,
            l1_usd::text, l2_usd::text, l3_usd::text, l4_usd::text
       from events where ingested_at = $1::timestamptz ${span}`,
    span ? [createdAt, fromTs!.toISOString(), toTs!.toISOString()] : [createdAt],
  );
  return rows.map((r) => ({ event: eventOf(r), cost: costOf(r) }));
}
