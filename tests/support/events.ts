import type { CutEvent } from '@/lib/events/event';
import type { ModelPrice, PoolVersion } from '@/lib/costing/pricebook';

const EPOCH = new Date('2026-01-01T00:00:00Z');

/** An event with neutral defaults: a 1-call workflow on a managed API, all counts zero. */
export function makeEvent(overrides: Partial<CutEvent> = {}): CutEvent {
  const id = overrides.id ?? 'e1';
  return {
    id,
    timestamp: EPOCH,
    team: 'support',
    workloadClass: 'customer_support',
    workflowId: overrides.workflowId ?? id,
    model: 'gpt-test',
    provider: 'openai',
    modelVersion: null,
    pool: null,
    stage: 'generation',
    inputTokens: 0,
    cachedTokens: 0,
    retrievedTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    retryCount: 0,
    toolCalls: 0,
    fallback: false,
    latencyMs: 100,
    ttftMs: null,
    queueMs: null,
    status: 'ok',
    errorType: null,
    acceptanceStatus: 'pending',
    rejectionReason: null,
    humanReviewSeconds: 0,
    gpuHours: '0',
    reportedCostUsd: null,
    attributes: {},
    ...overrides,
  };
}

/** USD per 1M tokens as micro-dollars: usdPer1m('1.25') === 1_250_000n. */
export const usdPer1m = (usd: string) => BigInt(Math.round(Number(usd) * 1e6));

export function makePrice(overrides: Partial<ModelPrice> = {}): ModelPrice {
  return {
    provider: 'openai',
    model: 'gpt-test',
    match: 'exact',
    inputPer1m: usdPer1m('1'),
    cachedInputPer1m: usdPer1m('0.1'),
    outputPer1m: usdPer1m('4'),
    reasoningPer1m: null,
    effectiveFrom: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** The worked example's pool: 1 GPU at USD 4.00/GPU-hour, always on, input weight 0.25. */
export function makePool(overrides: Partial<PoolVersion> = {}): PoolVersion {
  return {
    name: 'h100-a',
    gpuType: 'H100',
    gpuCount: 1,
    usdPerGpuHour: 4_000_000n,
    pricingModel: 'on_demand',
    billingGranularity: 'second',
    provisionedGpuHoursPerDay: null,
    inputWeight: 250_000n,
    effectiveFrom: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}
