/**
 * CutEvent and CutOutcome as the ingest API receives them (api.md): snake_case fields of
 * cut-model.md 1.1, RFC 3339 timestamps, money as decimal strings, absent rather than null.
 */
import type { AcceptanceStatus, AttributeValue, CutEvent, CutOutcome, EventStatus, Stage } from './event';

export interface WireEventJson {
  id: string;
  timestamp: string;
  team: string;
  workload_class: string;
  workflow_id: string;
  model: string;
  provider: string;
  model_version?: string;
  pool?: string;
  stage: Stage;
  input_tokens: number;
  cached_tokens: number;
  retrieved_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  retry_count: number;
  tool_calls: number;
  fallback: boolean;
  latency_ms: number;
  ttft_ms?: number;
  queue_ms?: number;
  status: EventStatus;
  error_type?: string;
  acceptance_status: AcceptanceStatus;
  rejection_reason?: string;
  human_review_seconds: number;
  /** a quantity, not money: the API takes it as a JSON number */
  gpu_hours: number;
  reported_cost_usd?: string;
  attributes?: Record<string, AttributeValue>;
}

export interface WireOutcomeJson {
  workflow_id: string;
  acceptance_status: AcceptanceStatus;
  rejection_reason?: string;
  human_review_seconds: number;
  timestamp: string;
  team?: string;
}

/** Date.toISOString is RFC 3339 with a `Z` offset and millisecond precision. */
const rfc3339 = (d: Date): string => d.toISOString();

export function toWireEvent(e: CutEvent): WireEventJson {
  const wire: WireEventJson = {
    id: e.id,
    timestamp: rfc3339(e.timestamp),
    team: e.team,
    workload_class: e.workloadClass,
    workflow_id: e.workflowId,
    model: e.model,
    provider: e.provider,
    stage: e.stage,
    input_tokens: e.inputTokens,
    cached_tokens: e.cachedTokens,
    retrieved_tokens: e.retrievedTokens,
    output_tokens: e.outputTokens,
    reasoning_tokens: e.reasoningTokens,
    retry_count: e.retryCount,
    tool_calls: e.toolCalls,
    fallback: e.fallback,
    latency_ms: e.latencyMs,
    status: e.status,
    acceptance_status: e.acceptanceStatus,
    human_review_seconds: e.humanReviewSeconds,
    gpu_hours: Number(e.gpuHours),
  };
  if (e.modelVersion !== null) wire.model_version = e.modelVersion;
  if (e.pool !== null) wire.pool = e.pool;
  if (e.ttftMs !== null) wire.ttft_ms = e.ttftMs;
  if (e.queueMs !== null) wire.queue_ms = e.queueMs;
  if (e.errorType !== null) wire.error_type = e.errorType;
  if (e.rejectionReason !== null) wire.rejection_reason = e.rejectionReason;
  if (e.reportedCostUsd !== null) wire.reported_cost_usd = e.reportedCostUsd;
  if (Object.keys(e.attributes).length > 0) wire.attributes = e.attributes;
  return wire;
}

export function toWireOutcome(o: CutOutcome): WireOutcomeJson {
  const wire: WireOutcomeJson = {
    workflow_id: o.workflowId,
    acceptance_status: o.acceptanceStatus,
    human_review_seconds: o.humanReviewSeconds,
    timestamp: rfc3339(o.timestamp),
  };
  if (o.rejectionReason !== null) wire.rejection_reason = o.rejectionReason;
  if (o.team !== null) wire.team = o.team;
  return wire;
}
