import { z } from 'zod';
import { ACCEPTANCE, EVENT_STATUS, STAGES, type CutEvent } from '../../lib/events/event';
import { isPlainDecimal, numberToDecimal } from '../../lib/decimal-number';

/**
 * The wire format of one event (cut-model.md 1.1), with every rule written as the message a
 * sender sees next to the field's path. Unknown fields are rejected: a typo must not drop data.
 */
const MAX_INT = 2_147_483_647;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const OLDEST = Date.UTC(2000, 0, 1);

const text = (max: number) =>
  z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const slug = z
  .string({ error: 'must be a string' })
  .regex(
    SLUG,
    'must be a slug: lowercase letters, digits, _ or -, starting with a letter or digit, at most 63 characters',
  );
const count = z
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must be >= 0')
  .max(MAX_INT, `must be <= ${MAX_INT}`);
const nonNegative = z.number({ error: 'must be a number' }).min(0, 'must be >= 0').max(1e12, 'must be <= 1e12');

const timestampSchema = z
  .string({ error: 'must be an RFC 3339 timestamp string' })
  .regex(
    RFC3339,
    'must be an RFC 3339 timestamp with an offset, e.g. 2026-05-04T10:00:00Z or 2026-05-04T12:00:00+02:00',
  )
  .transform((s, ctx) => {
    const at = new Date(s);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
      return z.NEVER;
    }
    if (at.getTime() > Date.now() + FUTURE_SLACK_MS) {
      ctx.addIssue({ code: 'custom', message: 'must not be more than 24 hours in the future' });
      return z.NEVER;
    }
    if (at.getTime() < OLDEST) {
      ctx.addIssue({ code: 'custom', message: 'must not be before 2000-01-01' });
      return z.NEVER;
    }
    return at;
  });

/** GPU-hours as a JSON number, kept exactly as a decimal string of at most 9 decimals. */
const gpuHours = nonNegative.transform((n) => numberToDecimal(n, 9));

/** USD as a decimal string ("0.0123") or a JSON number; at most 12 decimals, never negative. */
const usd = z.union([z.string(), z.number()], { error: 'must be a decimal string or a number' }).transform((v, ctx) => {
  const s = typeof v === 'number' ? (Number.isFinite(v) && v >= 0 ? numberToDecimal(v, 12) : '') : v.trim();
  if (!isPlainDecimal(s, 12)) {
    ctx.addIssue({ code: 'custom', message: 'must be a decimal amount >= 0 with at most 12 decimals' });
    return z.NEVER;
  }
  return s;
});

const attributes = z
  .record(
    z.string().min(1, 'attribute names must not be empty').max(128, 'attribute names must be at most 128 characters'),
    z.union([z.string().max(1024, 'must be at most 1024 characters'), z.number(), z.boolean()], {
      error: 'attribute values must be a string, number or boolean',
    }),
    { error: 'must be an object of string, number or boolean values' },
  )
  .refine((a) => Object.keys(a).length <= 64, 'must have at most 64 attributes');

export const WireEventSchema = z
  .strictObject(
    {
      id: text(128),
      timestamp: timestampSchema,
      team: slug,
      workload_class: slug,
      workflow_id: text(256).optional(),
      model: text(200),
      provider: text(100),
      model_version: text(100).optional(),
      pool: text(100).optional(),
      stage: z.enum(STAGES, { error: `must be one of ${STAGES.join(', ')}` }).default('generation'),
      input_tokens: count.default(0),
      cached_tokens: count.default(0),
      retrieved_tokens: count.default(0),
      output_tokens: count.default(0),
      reasoning_tokens: count.default(0),
      retry_count: count.default(0),
      tool_calls: count.default(0),
      fallback: z.boolean({ error: 'must be true or false' }).default(false),
      latency_ms: nonNegative,
      ttft_ms: nonNegative.optional(),
      queue_ms: nonNegative.optional(),
      status: z.enum(EVENT_STATUS, { error: `must be one of ${EVENT_STATUS.join(', ')}` }).default('ok'),
      error_type: text(200).optional(),
      acceptance_status: z.enum(ACCEPTANCE, { error: `must be one of ${ACCEPTANCE.join(', ')}` }).default('pending'),
      rejection_reason: text(500).optional(),
      human_review_seconds: nonNegative.default(0),
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
    const notAbove = (part: keyof typeof e, whole: keyof typeof e) => {
      if ((e[part] as number) > (e[whole] as number)) {
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
