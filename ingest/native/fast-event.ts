import { ACCEPTANCE, EVENT_STATUS, STAGES, type AttributeValue, type CutEvent } from '../../lib/events/event';
import { numberToDecimal } from '../../lib/decimal-number';
import {
  MAX_ATTRIBUTE_NAME,
  MAX_ATTRIBUTE_VALUE,
  MAX_ATTRIBUTES,
  MEASURE_MAX,
  TEXT_MAX,
  usdDecimal,
} from './event-schema';
import { instantOf, MAX_INT, RFC3339, SLUG } from './rules';

/**
 * A hand-written check of one wire event that accepts only what WireEventSchema accepts and
 * returns the same CutEvent; for anything else it returns null and the caller runs the zod
 * schema, which then names the broken rules. Validation is most of ingest's CPU, and zod's
 * generic machinery costs several times this on a valid event.
 */
export function fastCutEvent(item: unknown): CutEvent | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const o = item as Record<string, unknown>;
  // Every field read that is present adds one; an unknown field then shows up as a surplus key.
  let present = 0;

  const id = o.id;
  const team = o.team;
  const workloadClass = o.workload_class;
  const model = o.model;
  const provider = o.provider;
  const rawTimestamp = o.timestamp;
  if (
    !isText(id, TEXT_MAX.id) ||
    !isSlug(team) ||
    !isSlug(workloadClass) ||
    !isText(model, TEXT_MAX.model) ||
    !isText(provider, TEXT_MAX.provider) ||
    typeof rawTimestamp !== 'string' ||
    !RFC3339.test(rawTimestamp)
  ) {
    return null;
  }
  present += 6;

  const workflowId = optionalText(o.workflow_id, TEXT_MAX.workflow_id);
  const modelVersion = optionalText(o.model_version, TEXT_MAX.model_version);
  const pool = optionalText(o.pool, TEXT_MAX.pool);
  const errorType = optionalText(o.error_type, TEXT_MAX.error_type);
  const rejectionReason = optionalText(o.rejection_reason, TEXT_MAX.rejection_reason);
  if (workflowId === BAD || modelVersion === BAD || pool === BAD || errorType === BAD || rejectionReason === BAD) {
    return null;
  }
  present += +(workflowId !== null) + +(modelVersion !== null) + +(pool !== null);
  present += +(errorType !== null) + +(rejectionReason !== null);

  const stage = oneOf(o.stage, STAGES, 'generation');
  const status = oneOf(o.status, EVENT_STATUS, 'ok');
  const acceptanceStatus = oneOf(o.acceptance_status, ACCEPTANCE, 'pending');
  if (stage === null || status === null || acceptanceStatus === null) return null;
  present += +(o.stage !== undefined) + +(o.status !== undefined) + +(o.acceptance_status !== undefined);

  const inputTokens = countOrZero(o.input_tokens);
  const cachedTokens = countOrZero(o.cached_tokens);
  const retrievedTokens = countOrZero(o.retrieved_tokens);
  const outputTokens = countOrZero(o.output_tokens);
  const reasoningTokens = countOrZero(o.reasoning_tokens);
  const retryCount = countOrZero(o.retry_count);
  const toolCalls = countOrZero(o.tool_calls);
  if (
    inputTokens < 0 ||
    cachedTokens < 0 ||
    retrievedTokens < 0 ||
    outputTokens < 0 ||
    reasoningTokens < 0 ||
    retryCount < 0 ||
    toolCalls < 0 ||
    cachedTokens > inputTokens ||
    retrievedTokens > inputTokens ||
    reasoningTokens > outputTokens
  ) {
    return null;
  }
  present += +(o.input_tokens !== undefined) + +(o.cached_tokens !== undefined);
  present += +(o.retrieved_tokens !== undefined) + +(o.output_tokens !== undefined);
  present += +(o.reasoning_tokens !== undefined) + +(o.retry_count !== undefined) + +(o.tool_calls !== undefined);

  const fallback = o.fallback === undefined ? false : o.fallback;
  if (typeof fallback !== 'boolean') return null;
  present += +(o.fallback !== undefined);

  const latencyMs = o.latency_ms;
  if (!isMeasure(latencyMs, MEASURE_MAX.latency_ms)) return null;
  present += 1;
  const ttftMs = optionalMeasure(o.ttft_ms, MEASURE_MAX.ttft_ms);
  const queueMs = optionalMeasure(o.queue_ms, MEASURE_MAX.queue_ms);
  const humanReviewSeconds = optionalMeasure(o.human_review_seconds, MEASURE_MAX.human_review_seconds);
  const gpuHours = optionalMeasure(o.gpu_hours, MEASURE_MAX.gpu_hours);
  if (ttftMs === BAD || queueMs === BAD || humanReviewSeconds === BAD || gpuHours === BAD) return null;
  present += +(ttftMs !== null) + +(queueMs !== null) + +(humanReviewSeconds !== null) + +(gpuHours !== null);

  let reportedCostUsd: string | null = null;
  if (o.reported_cost_usd !== undefined) {
    const v = o.reported_cost_usd;
    reportedCostUsd = typeof v === 'string' || typeof v === 'number' ? usdDecimal(v) : null;
    if (reportedCostUsd === null) return null;
    present += 1;
  }

  let attributes: Record<string, AttributeValue> = {};
  if (o.attributes !== undefined) {
    if (!attributesOk(o.attributes)) return null;
    attributes = o.attributes as Record<string, AttributeValue>;
    present += 1;
  }

  let keys = 0;
  for (const _ in o) keys += 1;
  if (keys !== present) return null;

  // Last, being the dearest check: it parses the date.
  const timestamp = instantOf(rawTimestamp);
  if (typeof timestamp === 'string') return null;

  return {
    id,
    timestamp,
    team,
    workloadClass,
    workflowId: workflowId ?? id,
    model,
    provider,
    modelVersion,
    pool,
    stage,
    inputTokens,
    cachedTokens,
    retrievedTokens,
    outputTokens,
    reasoningTokens,
    retryCount,
    toolCalls,
    fallback,
    latencyMs,
    ttftMs,
    queueMs,
    status,
    errorType,
    acceptanceStatus,
    rejectionReason,
    humanReviewSeconds: humanReviewSeconds ?? 0,
    gpuHours: gpuHours === null ? '0' : numberToDecimal(gpuHours, 9),
    reportedCostUsd,
    attributes,
  };
}

/** A field that is present but breaks its rule (distinct from null, "absent"). */
const BAD = -1;

const hasNul = (s: string) => s.includes('\u0000');

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= max && !hasNul(v);
}

const isSlug = (v: unknown): v is string => typeof v === 'string' && SLUG.test(v);

function optionalText(v: unknown, max: number): string | null | typeof BAD {
  if (v === undefined) return null;
  return isText(v, max) ? v : BAD;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T | null {
  if (v === undefined) return fallback;
  return allowed.includes(v as T) ? (v as T) : null;
}

/** A valid count, 0 when absent, or -1 (never a count) when broken. */
function countOrZero(v: unknown): number {
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_INT ? v : -1;
}

/** The valid case of event-schema.ts's checkAttributes, without building its entry list. */
function attributesOk(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  let count = 0;
  for (const name in v) {
    if (!Object.hasOwn(v, name)) return false;
    count += 1;
    if (count > MAX_ATTRIBUTES || name.length === 0 || name.length > MAX_ATTRIBUTE_NAME || hasNul(name)) return false;
    const value = (v as Record<string, unknown>)[name];
    if (typeof value === 'string') {
      if (value.length > MAX_ATTRIBUTE_VALUE || hasNul(value)) return false;
    } else if (typeof value !== 'number' && typeof value !== 'boolean') {
      return false;
    }
  }
  return true;
}

const isMeasure = (v: unknown, max: number): v is number => typeof v === 'number' && v >= 0 && v <= max;

function optionalMeasure(v: unknown, max: number): number | null | typeof BAD {
  if (v === undefined) return null;
  return isMeasure(v, max) ? v : BAD;
}
