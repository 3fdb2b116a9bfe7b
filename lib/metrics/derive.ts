import { percentile } from '../histogram';
import { divRound, formatUnits, parseDecimal, PICO_DIGITS, usdToPico } from '../money';
import type { GroupKey, GroupValues } from './keys';
import { roundParts } from './round-parts';

/**
 * One group's sums as the metrics query returns them: money and fractional quantities as exact
 * SQL numeric text, counts as integer text, histograms merged bucket by bucket. Allocation sums
 * are kept apart from the rollups' direct layers so the layer arithmetic stays visible here.
 */
export interface MetricSums {
  keys: GroupValues;
  requests: string;
  unpriced: string;
  fallbacks: string;
  retries: string;
  inputTokens: string;
  cachedTokens: string;
  outputTokens: string;
  gpuHours: string;
  eventReviewSeconds: number;
  baseUsd: string;
  l1Usd: string;
  l2Usd: string;
  l3Usd: string;
  l4Usd: string;
  workflows: string;
  acceptedWorkflows: string;
  rejectedWorkflows: string;
  /** 9 decimals */
  usefulOutputTokens: string;
  outcomeReviewSeconds: number;
  /** allocations by layer; `idleUsd` is the idle-capacity part of `allocL2Usd` */
  allocL2Usd: string;
  idleUsd: string;
  allocL4Usd: string;
  allocL5Usd: string;
  latencyHist: readonly number[];
  ttftHist: readonly number[];
}

/** A row of `GET /api/v1/metrics`: money as 6-decimal USD strings, counts as integers, rates in 0..1. */
interface MetricsFigures {
  tco_usd: string;
  l1_usd: string;
  l2_usd: string;
  l3_usd: string;
  l4_usd: string;
  l5_usd: string;
  idle_usd: string;
  /** layer-2 fixed costs (network, storage); L2 = serving + idle_usd + l2_fixed_usd */
  l2_fixed_usd: string;
  base_usd: string;
  requests: number;
  unpriced_requests: number;
  workflows: number;
  accepted_workflows: number;
  rejected_workflows: number;
  input_tokens: number;
  output_tokens: number;
  useful_output_tokens: number;
  gpu_hours: number;
  cost_per_accepted_workflow_usd: string | null;
  cut_usd_per_1m: string | null;
  cut_micro_usd_per_token: string | null;
  sticker_usd_per_1m: string | null;
  cut_multiplier: number | null;
  acceptance_rate: number | null;
  retry_rate: number | null;
  cache_hit_rate: number | null;
  fallback_rate: number | null;
  human_review_hours: number;
  p50_latency_ms: number | null;
  p95_latency_ms: number | null;
  p99_latency_ms: number | null;
  p95_ttft_ms: number | null;
}

export type MetricsRow = GroupValues & MetricsFigures;

const PICO_PER_MICRO = 1_000_000n;
const USEFUL_DIGITS = 9;

/** Micro-dollars as the API's 6-decimal USD string. */
const usd6 = (micro: bigint): string => formatUnits(micro, 6, 6);
/** Pico-dollars rounded half-up to a 6-decimal USD string. */
const picoUsd6 = (pico: bigint): string => formatUnits(pico, PICO_DIGITS, 6);

/** n / d rounded once (half away from zero), or null when d is 0. */
const quotient = (n: bigint, d: bigint): bigint | null => (d === 0n ? null : divRound(n, d));

/** A rate as a number, or null for a zero denominator (never NaN or Infinity). */
function ratio(n: bigint | number, d: bigint | number): number | null {
  return Number(d) === 0 ? null : Number(n) / Number(d);
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
/** Percentiles come from log buckets good to about 5%: a tenth of a millisecond is precision enough. */
const ms = (value: number | null) => (value === null ? null : round(value, 1));

/**
 * From one group's sums to its API row (cut-model.md 3-4). Every money figure is computed from
 * exact pico-dollars and rounded once; the five layers are rounded together so they add up to
 * `tco_usd` exactly.
 */
export function deriveMetricsRow(sums: MetricSums, groupBy: readonly GroupKey[]): MetricsRow {
  const l1 = usdToPico(sums.l1Usd);
  const l2 = usdToPico(sums.l2Usd) + usdToPico(sums.allocL2Usd);
  const l3 = usdToPico(sums.l3Usd);
  const l4 = usdToPico(sums.l4Usd) + usdToPico(sums.allocL4Usd);
  const l5 = usdToPico(sums.allocL5Usd);
  const tco = l1 + l2 + l3 + l4 + l5;
  const layers = roundParts([l1, l2, l3, l4, l5], PICO_PER_MICRO);
  const base = usdToPico(sums.baseUsd);

  const requests = BigInt(sums.requests);
  const retries = BigInt(sums.retries);
  const outputTokens = BigInt(sums.outputTokens);
  const accepted = BigInt(sums.acceptedWorkflows);
  const rejected = BigInt(sums.rejectedWorkflows);
  const usefulNano = parseDecimal(sums.usefulOutputTokens, USEFUL_DIGITS);

  // pico / accepted / 1e6 = micro-dollars per accepted workflow
  const perAccepted = quotient(tco, accepted * PICO_PER_MICRO);
  // tco x 1e6 tokens / (useful_nano / 1e9) in USD, x 1e6 to micro, / 1e12 from pico: tco x 1e9 / useful_nano
  const cut = quotient(tco * 1_000_000_000n, usefulNano);
  // base x 1e6 tokens / output in USD, x 1e6 to micro, / 1e12 from pico: base / output
  const sticker = quotient(base, outputTokens);
  // (tco / useful) / (base / output), from the exact figures rather than the rounded ones
  const multiplier =
    cut === null || sticker === null ? null : ratio(tco * outputTokens * 1_000_000_000n, usefulNano * base);

  const figures: MetricsFigures = {
    tco_usd: usd6(layers.total),
    l1_usd: usd6(layers.parts[0]!),
    l2_usd: usd6(layers.parts[1]!),
    l3_usd: usd6(layers.parts[2]!),
    l4_usd: usd6(layers.parts[3]!),
    l5_usd: usd6(layers.parts[4]!),
    idle_usd: picoUsd6(usdToPico(sums.idleUsd)),
    l2_fixed_usd: picoUsd6(usdToPico(sums.allocL2Usd) - usdToPico(sums.idleUsd)),
    base_usd: picoUsd6(base),
    requests: Number(requests),
    unpriced_requests: Number(sums.unpriced),
    workflows: Number(sums.workflows),
    accepted_workflows: Number(accepted),
    rejected_workflows: Number(rejected),
    input_tokens: Number(sums.inputTokens),
    output_tokens: Number(outputTokens),
    useful_output_tokens: Number(sums.usefulOutputTokens),
    gpu_hours: Number(sums.gpuHours),
    cost_per_accepted_workflow_usd: perAccepted === null ? null : usd6(perAccepted),
    cut_usd_per_1m: cut === null ? null : usd6(cut),
    // USD per 1M tokens and micro-dollars per token are the same number (1e-6 / 1e-6), shown both ways.
    cut_micro_usd_per_token: cut === null ? null : usd6(cut),
    sticker_usd_per_1m: sticker === null ? null : usd6(sticker),
    cut_multiplier: multiplier,
    acceptance_rate: ratio(accepted, accepted + rejected),
    // The share of attempts that were retries: each request is one attempt plus its retry_count.
    retry_rate: ratio(retries, requests + retries),
    cache_hit_rate: ratio(BigInt(sums.cachedTokens), BigInt(sums.inputTokens)),
    fallback_rate: ratio(BigInt(sums.fallbacks), requests),
    human_review_hours: round((sums.eventReviewSeconds + sums.outcomeReviewSeconds) / 3600, 6),
    p50_latency_ms: ms(percentile(sums.latencyHist, 0.5)),
    p95_latency_ms: ms(percentile(sums.latencyHist, 0.95)),
    p99_latency_ms: ms(percentile(sums.latencyHist, 0.99)),
    p95_ttft_ms: ms(percentile(sums.ttftHist, 0.95)),
  };
  const keys: GroupValues = {};
  for (const key of groupBy) keys[key] = sums.keys[key] ?? null;
  // The keys lead the row. Writing the figures after a spread of them, in one literal, took three
  // times as long as all the arithmetic (V8 builds that object property by property).
  return Object.assign(keys, figures);
}
