import { describe, expect, it } from 'vitest';
import { WireEventSchema, toCutEvent } from '@/ingest/native/event-schema';
import type { CutEvent, CutOutcome } from '@/lib/events/event';
import { toWireEvent, toWireOutcome } from '@/lib/events/wire';
import { materialize } from '../support/demo-fixture';
import { WIRE_EVENT_FIELDS } from '../support/wire-fields';

const CUT_MODEL_FIELDS: readonly string[] = WIRE_EVENT_FIELDS;

const base: CutEvent = {
  id: 'e-1',
  timestamp: new Date('2025-06-01T10:00:00.123Z'),
  team: 'support',
  workloadClass: 'customer_support',
  workflowId: 'wf-1',
  model: 'llama-3.1-70b-instruct',
  provider: 'self-hosted',
  modelVersion: null,
  pool: 'h100-a',
  stage: 'generation',
  inputTokens: 2000,
  cachedTokens: 0,
  retrievedTokens: 500,
  outputTokens: 400,
  reasoningTokens: 100,
  retryCount: 0,
  toolCalls: 0,
  fallback: false,
  latencyMs: 5200,
  ttftMs: null,
  queueMs: 12,
  status: 'ok',
  errorType: null,
  acceptanceStatus: 'accepted',
  rejectionReason: null,
  humanReviewSeconds: 0,
  gpuHours: '0.006000',
  reportedCostUsd: null,
  attributes: {},
};

describe('toWireEvent', () => {
  it('uses the snake_case names of cut-model.md 1.1 and omits what is null or empty', () => {
    const wire = toWireEvent(base);
    expect(Object.keys(wire).every((k) => CUT_MODEL_FIELDS.includes(k))).toBe(true);
    for (const absent of [
      'model_version',
      'ttft_ms',
      'error_type',
      'rejection_reason',
      'reported_cost_usd',
      'attributes',
    ]) {
      expect(wire).not.toHaveProperty(absent);
    }
    expect(wire).toMatchObject({
      pool: 'h100-a',
      queue_ms: 12,
      workload_class: 'customer_support',
      workflow_id: 'wf-1',
    });
  });

  it('writes the timestamp as RFC 3339 with an offset and milliseconds, gpu_hours as a number, cost as a string', () => {
    const wire = toWireEvent({
      ...base,
      pool: null,
      gpuHours: '0',
      reportedCostUsd: '0.001234',
      attributes: { feature: 'x', n: 2 },
    });
    expect(wire.timestamp).toBe('2025-06-01T10:00:00.123Z');
    expect(toWireEvent(base).gpu_hours).toBe(0.006);
    expect(wire.reported_cost_usd).toBe('0.001234');
    expect(wire.attributes).toEqual({ feature: 'x', n: 2 });
    expect(JSON.stringify(toWireEvent(base))).not.toContain('null');
  });
});

describe('toWireOutcome', () => {
  const outcome: CutOutcome = {
    workflowId: 'wf-1',
    team: null,
    acceptanceStatus: 'rejected',
    rejectionReason: 'tests_failed',
    humanReviewSeconds: 30,
    timestamp: new Date('2025-06-02T08:00:00Z'),
  };
  it('writes the fields of api.md and omits a missing team', () => {
    expect(toWireOutcome(outcome)).toEqual({
      workflow_id: 'wf-1',
      acceptance_status: 'rejected',
      rejection_reason: 'tests_failed',
      human_review_seconds: 30,
      timestamp: '2025-06-02T08:00:00.000Z',
    });
    expect(toWireOutcome({ ...outcome, team: 'platform', rejectionReason: null })).toMatchObject({ team: 'platform' });
  });
});

describe('demo events on the wire', () => {
  it('every demo event passes the ingest schema and reads back as the same event', () => {
    const { events } = materialize({ seed: 9, endDate: new Date('2025-06-30T00:00:00Z'), days: 30, eventsPerDay: 300 });
    const failures: string[] = [];
    for (const e of events) {
      const parsed = WireEventSchema.safeParse(JSON.parse(JSON.stringify(toWireEvent(e))));
      if (!parsed.success) {
        failures.push(`${e.id}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
        continue;
      }
      const back = toCutEvent(parsed.data);
      // gpu_hours travels as a number: compare the quantity, not its trailing zeros.
      if (Number(back.gpuHours) !== Number(e.gpuHours)) failures.push(`${e.id}: gpu_hours ${back.gpuHours}`);
      expect({ ...back, gpuHours: e.gpuHours }).toEqual(e);
    }
    expect(failures).toEqual([]);
  });
});
