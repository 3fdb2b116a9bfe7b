/**
 * What a what-if changes about a workload class's observed calls (docs/decisions.md). Percentages
 * arrive as basis points (1% = 100) so every cut is exact integer arithmetic on token counts.
 */
export const BP = 10_000;

/** Where the class's generation and tool calls run instead. */
export type RouteChange =
  { kind: 'model'; provider: string; model: string } | { kind: 'pool'; pool: string; throughput: Throughput };

/**
 * GPU time per token weight on a pool: `weight` units (poolTokenWeight: 1e-7 output tokens) take
 * `gpuNanoHours`. Measured: the pool's own weight and GPU time; stated: tokens per GPU-hour.
 */
export interface Throughput {
  weight: bigint;
  gpuNanoHours: bigint;
  source: 'measured' | 'stated';
}

export interface WhatIfChanges {
  /** prompt tokens that are not retrieved context, cut by this share (0..BP) */
  inputCutBp: number;
  /** retrieved context tokens cut by this share (0..BP) */
  retrievedCutBp: number;
  /** visible output tokens (output minus reasoning) cut by this share (0..BP) */
  outputCutBp: number;
  /** target share of input tokens served from the prompt cache (0..BP); null keeps each call's own */
  cacheHitRateBp: number | null;
  /** retries per call capped at this many; null leaves them */
  maxRetries: number | null;
  /** acceptance rate moved by this many basis points of decided workflows (-BP..BP) */
  acceptancePointsBp: number;
  route: RouteChange | null;
  /** pools resized to this many GPUs (the provisioned schedule scales with the count) */
  poolGpuCounts: Readonly<Record<string, number>>;
}

export const NO_CHANGES: WhatIfChanges = {
  inputCutBp: 0,
  retrievedCutBp: 0,
  outputCutBp: 0,
  cacheHitRateBp: null,
  maxRetries: null,
  acceptancePointsBp: 0,
  route: null,
  poolGpuCounts: {},
};

/** Whether the calls themselves change (as opposed to acceptance or pool sizes only). */
export const changesCalls = (c: WhatIfChanges): boolean =>
  c.inputCutBp !== 0 ||
  c.retrievedCutBp !== 0 ||
  c.outputCutBp !== 0 ||
  c.cacheHitRateBp !== null ||
  c.maxRetries !== null ||
  c.route !== null;
