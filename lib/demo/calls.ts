/**
 * One model call of a demo workflow, turned into CutEvents: retries folded into token counts,
 * outright failures followed by a fallback route, latency from token counts and model speed,
 * GPU-hours from token weight and pool throughput, and a gateway-reported cost where one exists.
 */
import type { AttributeValue, CutEvent, Stage } from '../events/event';
import { picoToUsd } from '../money';
import { DAY_MS } from './calendar';
import type { Rng } from './prng';
import { INCIDENT_PROVIDER, MODELS, type ModelKey, type ModelProfile } from './models';

/** What stays fixed for a whole run. */
export interface CallEnv {
  /** weighted tokens (input x 0.25 + output) one GPU-hour serves, per pool */
  tokensPerGpuHour: Readonly<Record<string, number>>;
  /** provisioned micro GPU-hours per UTC day, per pool */
  poolCapacity: ReadonlyMap<string, number>;
  /** pico-dollars per token by model name, for gateway-reported costs */
  prices: ReadonlyMap<string, { input: bigint; cached: bigint; output: bigint }>;
  /** [start, end) ms of the provider outage, or null */
  incident: readonly [number, number] | null;
}

/**
 * GPU time handed out per pool and UTC day. A pool cannot serve more than it has, so once a day's
 * capacity is spent further calls spill over to the model's managed fallback route.
 */
export class PoolLedger {
  private readonly used = new Map<string, number>();
  constructor(private readonly capacity: ReadonlyMap<string, number>) {}

  /** Books `micro` GPU-hours on the pool's day if they fit. */
  take(pool: string, ms: number, micro: number): boolean {
    const key = `${pool}|${Math.floor(ms / DAY_MS)}`;
    const after = (this.used.get(key) ?? 0) + micro;
    if (after > (this.capacity.get(pool) ?? 0)) return false;
    this.used.set(key, after);
    return true;
  }
}

/** A workflow under construction; calls append events and move its clock forward. */
export interface WorkflowDraft {
  rng: Rng;
  env: CallEnv;
  ledger: PoolLedger;
  team: string;
  workloadClass: string;
  workflowId: string;
  attributes: Record<string, AttributeValue>;
  /** when the next call starts, epoch ms */
  clockMs: number;
  /** calls go through a gateway that reports what it charged */
  gatewayReportsCost: boolean;
  events: CutEvent[];
}

export interface CallSpec {
  model: ModelKey;
  stage?: Stage;
  input: number;
  cached?: number;
  retrieved?: number;
  output: number;
  reasoning?: number;
  toolCalls?: number;
}

const ERROR_TYPES = ['timeout', 'rate_limited', 'overloaded', 'upstream_5xx'] as const;
const MICRO_PER_HOUR = 1_000_000;

/** Makes a call; returns the event that produced the answer (the fallback's, when the primary failed). */
export function call(w: WorkflowDraft, spec: CallSpec): CutEvent {
  const rng = w.rng;
  const profile = MODELS[spec.model];
  const storm =
    w.env.incident !== null && profile.provider === INCIDENT_PROVIDER && inWindow(w.clockMs, w.env.incident);
  const fails = storm ? rng.chance(0.22) : rng.chance(0.004);
  if (fails) {
    const retries = storm ? rng.int(3, 8) : rng.int(0, 2);
    const failed = emit(w, profile, spec, retries, storm, rng.pick(storm ? ['overloaded', 'timeout'] : ERROR_TYPES));
    if (!profile.fallback) return failed;
    // The fallback is a plain chat model on another route: no hidden reasoning, no warm prompt cache.
    const plain = { ...spec, cached: 0, output: spec.output - (spec.reasoning ?? 0), reasoning: 0 };
    return emit(w, MODELS[profile.fallback], plain, 0, false, null, true);
  }
  let retries = 0;
  if (storm ? rng.chance(0.75) : rng.chance(profile.retryRate)) retries = 1 + rng.poisson(storm ? 2.5 : 0.25);
  return emit(w, profile, spec, retries, storm, null);
}

/** Advances the workflow clock: think time, tool execution, a customer typing. */
export function wait(w: WorkflowDraft, ms: number): void {
  w.clockMs += Math.max(0, Math.round(ms));
}

function inWindow(ms: number, window: readonly [number, number]): boolean {
  return ms >= window[0] && ms < window[1];
}

function emit(
  w: WorkflowDraft,
  profile: ModelProfile,
  spec: CallSpec,
  retries: number,
  slow: boolean,
  errorType: string | null,
  fallback = false,
): CutEvent {
  const rng = w.rng;
  const attempts = 1 + retries;
  const input = Math.max(1, Math.round(spec.input));
  const cached = Math.min(input, Math.round(spec.cached ?? 0));
  const retrieved = Math.min(input, Math.round(spec.retrieved ?? 0));
  const failed = errorType !== null;
  const output = failed ? 0 : Math.max(0, Math.round(spec.output));
  const reasoning = Math.min(output, Math.round(spec.reasoning ?? 0));
  const isEmbedding = profile.decodePerSec <= 1;

  const queueMs = profile.pool ? Math.round(rng.lognormal(35, 0.9)) : null;
  const readMs = (input / profile.prefillPerSec) * 1000;
  const thinkMs = (reasoning / profile.decodePerSec) * 1000;
  const ttftOnce = profile.baseTtftMs * rng.lognormal(1, 0.3) + readMs + thinkMs;
  const writeMs = ((output - reasoning) / profile.decodePerSec) * 1000 * rng.lognormal(1, 0.2);
  const slowdown = slow ? rng.uniform(2, 4) : 1;
  // Each earlier attempt cost a partial run plus a backoff before the next one.
  const retryMs = retries * (ttftOnce + rng.uniform(400, 2500)) * slowdown;
  const ttftMs = isEmbedding ? null : Math.round((queueMs ?? 0) + retryMs + ttftOnce * slowdown);
  const latencyMs = failed
    ? Math.round((queueMs ?? 0) + retryMs + rng.uniform(8000, 30000))
    : Math.round((queueMs ?? 0) + retryMs + (ttftOnce + writeMs) * slowdown);

  const event: CutEvent = {
    id: '',
    timestamp: new Date(w.clockMs),
    team: w.team,
    workloadClass: w.workloadClass,
    workflowId: w.workflowId,
    model: profile.model,
    provider: profile.provider,
    modelVersion: profile.modelVersion,
    pool: profile.pool,
    stage: spec.stage ?? 'generation',
    inputTokens: input * attempts,
    cachedTokens: cached * attempts,
    retrievedTokens: retrieved * attempts,
    outputTokens: output * attempts,
    reasoningTokens: reasoning * attempts,
    retryCount: retries,
    toolCalls: failed ? 0 : (spec.toolCalls ?? 0),
    fallback,
    latencyMs,
    ttftMs: failed ? null : ttftMs,
    queueMs,
    status: failed ? 'error' : 'ok',
    errorType,
    acceptanceStatus: 'pending',
    rejectionReason: null,
    humanReviewSeconds: 0,
    gpuHours: '0',
    reportedCostUsd: null,
    attributes: w.attributes,
  };
  if (profile.pool) {
    const micro = gpuMicroHours(w, profile.pool, event);
    if (!w.ledger.take(profile.pool, w.clockMs, micro)) {
      return emit(w, MODELS[profile.fallback ?? 'gpt4oMini'], spec, retries, slow, errorType, true);
    }
    event.gpuHours = formatMicro(micro);
  } else if (w.gatewayReportsCost) event.reportedCostUsd = reportedCost(w, event);
  w.events.push(event);
  w.clockMs += latencyMs;
  return event;
}

/** GPU time in proportion to the call's token weight (cut-model.md 2), in micro GPU-hours. */
function gpuMicroHours(w: WorkflowDraft, pool: string, e: CutEvent): number {
  const weight = (e.inputTokens - e.cachedTokens) * 0.25 + e.cachedTokens * 0.025 + e.outputTokens;
  const perHour = w.env.tokensPerGpuHour[pool]!;
  return Math.max(1, Math.round((weight / perHour) * MICRO_PER_HOUR * w.rng.lognormal(1, 0.08)));
}

/** Micro GPU-hours as a decimal string with 6 places. */
function formatMicro(micro: number): string {
  const whole = Math.floor(micro / MICRO_PER_HOUR);
  return `${whole}.${String(micro - whole * MICRO_PER_HOUR).padStart(6, '0')}`;
}

/** The gateway's bill: the list price give or take its own rounding and discounts (-0.5%..+2%). */
function reportedCost(w: WorkflowDraft, e: CutEvent): string | null {
  const p = w.env.prices.get(e.model);
  if (!p) return null;
  const pico =
    BigInt(e.inputTokens - e.cachedTokens) * p.input +
    BigInt(e.cachedTokens) * p.cached +
    BigInt(e.outputTokens) * p.output;
  const permille = BigInt(w.rng.int(-5, 20));
  return picoToUsd((pico * (1000n + permille)) / 1000n, 6);
}
