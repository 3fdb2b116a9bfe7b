import { z } from 'zod';
import { ACCEPTANCE, EVENT_STATUS, STAGES, type AttributeValue, type CutEvent } from '../../lib/events/event';
import { isPlainDecimal, numberToDecimal } from '../../lib/decimal-number';
import { count, noNul, nonNegative, NUL_MESSAGE, slug, text, timestampSchema } from './rules';

/**
 * The wire format of one event (cut-model.md 1.1), with every rule written as the message a
 * sender sees next to the field's path. Unknown fields are rejected: a typo must not drop data.
 * The limits live in tables that the ingest fast path (fast-event.ts) reads too.
 */
export const TEXT_MAX = {
  id: 128,
  workflow_id: 256,
  model: 200,
  provider: 100,
  model_version: 100,
  pool: 100,
  error_type: 200,
  rejection_reason: 500,
} as const;
export const MEASURE_MAX = {
  latency_ms: 1e9,
  ttft_ms: 1e9,
  queue_ms: 1e9,
  human_review_seconds: 1e7,
  gpu_hours: 1e6,
} as const;

/** GPU-hours as a JSON number, kept exactly as a decimal string of at most 9 decimals. */
const gpuHours = nonNegative(MEASURE_MAX.gpu_hours).transform((n) => numberToDecimal(n, 9));

/** A reported cost as the decimal string stored, or null when it is not a valid amount. */
export function usdDecimal(v: string | number): string | null {
  const s = typeof v === 'number' ? (Number.isFinite(v) && v >= 0 ? numberToDecimal(v, 12) : '') : v.trim();
  return isPlainDecimal(s, 9, 12) ? s : null;
}

/** USD as a decimal string ("0.0123") or a JSON number; at most 12 decimals, never negative. */
const usd = z.union([z.string(), z.number()], { error: 'must be a decimal string or a number' }).transform((v, ctx) => {
  const s = usdDecimal(v);
  if (s === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a decimal amount from 0 to 999,999,999 with at most 12 decimals',
    });
    return z.NEVER;
  }
  return s;
});

export const MAX_ATTRIBUTES = 64;
export const MAX_ATTRIBUTE_NAME = 128;
export const MAX_ATTRIBUTE_VALUE = 1024;

/** Free tags, checked in one pass: a zod record of unions costs more than the rest of the event. */
const attributes = z.custom<Record<string, AttributeValue>>().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be an object of string, number or boolean values' });
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_ATTRIBUTES) {
    ctx.addIssue({ code: 'custom', message: `must have at most ${MAX_ATTRIBUTES} attributes` });
  }
  for (const [name, v] of entries) {
    const problem =
      name.length === 0 || name.length > MAX_ATTRIBUTE_NAME || !noNul(name)
        ? `attribute names must be 1 to ${MAX_ATTRIBUTE_NAME} characters without NUL`
        : typeof v === 'string'
          ? v.length > MAX_ATTRIBUTE_VALUE
            ? `must be at most ${MAX_ATTRIBUTE_VALUE} characters`
            : noNul(v)
              ? null
              : NUL_MESSAGE
          : typeof v === 'number' || typeof v === 'boolean'
            ? null
            : 'attribute values must be a string, number or boolean';
    if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
  }
});

export const WireEventSchema = z
  .strictObject(
    {
      id: text(TEXT_MAX.id),
      timestamp: timestampSchema,
      team: slug,
      workload_class: slug,
      workflow_id: text(TEXT_MAX.workflow_id).optional(),
      model: text(TEXT_MAX.model),
      provider: text(TEXT_MAX.provider),
      model_version: text(TEXT_MAX.model_version).optional(),
      pool: text(TEXT_MAX.pool).optional(),
      stage: z.enum(STAGES, { error: `must be one of ${STAGES.join(', ')}` }).default('generation'),
      input_tokens: count.default(0),
      cached_tokens: count.default(0),
      retrieved_tokens: count.default(0),
      output_tokens: count.default(0),
      reasoning_tokens: count.default(0),
      retry_count: count.default(0),
      tool_calls: count.default(0),
      fallback: z.boolean({ error: 'must be true or false' }).default(false),
      latency_ms: nonNegative(MEASURE_MAX.latency_ms),
      ttft_ms: nonNegative(MEASURE_MAX.ttft_ms).optional(),
      queue_ms: nonNegative(MEASURE_MAX.queue_ms).optional(),
      status: z.enum(EVENT_STATUS, { error: `must be one of ${EVENT_STATUS.join(', ')}` }).default('ok'),
      error_type: text(TEXT_MAX.error_type).optional(),
      acceptance_status: z.enum(ACCEPTANCE, { error: `must be one of ${ACCEPTANCE.join(', ')}` }).default('pending'),
      rejection_reason: text(TEXT_MAX.rejection_reason).optional(),
      human_review_seconds: nonNegative(MEASURE_MAX.human_review_seconds).default(0),
      gpu_hours: gpuHours.default('0'),
      reported_cost_usd: usd.optional(),
      attributes: attributes.default({}),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be an object',
    },
  )
  .superRefine((e, ctx) => {
    // Compared only when both sides are valid counts: a broken side already has its own error.
    const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
    const notAbove = (part: keyof typeof e, whole: keyof typeof e) => {
      if (isCount(e[part]) && isCount(e[whole]) && (e[part] as number) > (e[whole] as number)) {
        ctx.addIssue({ code: 'custom', path: [part], message: `must be <= ${whole} (${String(e[whole])})` });
      }
    };
    notAbove('cached_tokens', 'input_tokens');
    notAbove('retrieved_tokens', 'input_tokens');
    notAbove('reasoning_tokens', 'output_tokens');
  });

export type WireEvent = z.infer<typeof WireEventSchema>;

export function toCutEvent(w: WireEvent): CutEvent {
  return {
    id: w.id,
    timestamp: w.timestamp,
    team: w.team,
    workloadClass: w.workload_class,
    workflowId: w.workflow_id ?? w.id,
    model: w.model,
    provider: w.provider,
    modelVersion: w.model_version ?? null,
    pool: w.pool ?? null,
    stage: w.stage,
    inputTokens: w.input_tokens,
    cachedTokens: w.cached_tokens,
    retrievedTokens: w.retrieved_tokens,
    outputTokens: w.output_tokens,
    reasoningTokens: w.reasoning_tokens,
    retryCount: w.retry_count,
    toolCalls: w.tool_calls,
    fallback: w.fallback,
    latencyMs: w.latency_ms,
    ttftMs: w.ttft_ms ?? null,
    queueMs: w.queue_ms ?? null,
    status: w.status,
    errorType: w.error_type ?? null,
    acceptanceStatus: w.acceptance_status,
    rejectionReason: w.rejection_reason ?? null,
    humanReviewSeconds: w.human_review_seconds,
    gpuHours: w.gpu_hours,
    reportedCostUsd: w.reported_cost_usd ?? null,
    attributes: w.attributes,
  };
}
