/**
 * One observed call as it would have been under a what-if (rules: docs/decisions.md). Pure: token
 * counts stay integers (each scaled count rounds half-up once) and GPU time follows the engine's
 * token weight, so the changed call is priced by `priceEvent` like any other.
 */
import { poolTokenWeight } from '../costing/direct';
import type { CutEvent } from '../events/event';
import { divRound, formatUnits, parseDecimal } from '../money';
import { BP, type RouteChange, type WhatIfChanges } from './changes';

const NANO_DIGITS = 9;

export interface TransformContext {
  changes: WhatIfChanges;
  /** a pool's input weight (micro) in force at `at`; null when the book does not know the pool */
  inputWeight(pool: string, at: Date): bigint | null;
}

/** x scaled by num/den, rounded half-up: the one rounding each changed token count gets. */
const scale = (x: number, num: bigint, den: bigint): number => (x === 0 ? 0 : Number(divRound(BigInt(x) * num, den)));
const cut = (x: number, cutBp: number): number => (cutBp === 0 ? x : scale(x, BigInt(BP - cutBp), BigInt(BP)));

/** Token counts and retries after the changes that reshape calls (retries, prompts, cache, output). */
function reshape(e: CutEvent, c: WhatIfChanges): CutEvent {
  let { inputTokens: input, cachedTokens: cached, retrievedTokens: retrieved } = e;
  let { outputTokens: output, reasoningTokens: reasoning, retryCount: retries } = e;
  if (c.maxRetries !== null && retries > c.maxRetries) {
    // Token counts cover every attempt: keep the share of the attempts that remain.
    const num = BigInt(1 + c.maxRetries);
    const den = BigInt(1 + retries);
    [input, cached, retrieved] = [scale(input, num, den), scale(cached, num, den), scale(retrieved, num, den)];
    [output, reasoning] = [scale(output, num, den), scale(reasoning, num, den)];
    retries = c.maxRetries;
  }
  if (e.stage === 'generation' || e.stage === 'tool') {
    if (c.inputCutBp !== 0 || c.retrievedCutBp !== 0) {
      const nextRetrieved = cut(retrieved, c.retrievedCutBp);
      const nextInput = cut(input - retrieved, c.inputCutBp) + nextRetrieved;
      // A shorter prompt keeps its cache hit rate unless the cache change sets one.
      cached = input === 0 ? 0 : scale(cached, BigInt(nextInput), BigInt(input));
      [input, retrieved] = [nextInput, nextRetrieved];
    }
    if (c.cacheHitRateBp !== null) cached = scale(input, BigInt(c.cacheHitRateBp), BigInt(BP));
    output = cut(output - reasoning, c.outputCutBp) + reasoning;
  }
  const same =
    input === e.inputTokens &&
    cached === e.cachedTokens &&
    retrieved === e.retrievedTokens &&
    output === e.outputTokens &&
    reasoning === e.reasoningTokens &&
    retries === e.retryCount;
  if (same) return e;
  return {
    ...e,
    inputTokens: input,
    cachedTokens: cached,
    retrievedTokens: retrieved,
    outputTokens: output,
    reasoningTokens: reasoning,
    retryCount: retries,
  };
}

const gpuText = (nano: bigint) => formatUnits(nano, NANO_DIGITS, NANO_DIGITS);

/** GPU time of a call that stays on its pool: scaled by its new token weight over its old one. */
function rescaleGpu(before: CutEvent, after: CutEvent, ctx: TransformContext): CutEvent {
  if (after === before || before.pool === null) return after;
  const weight = ctx.inputWeight(before.pool, before.timestamp);
  if (weight === null) return after;
  const was = poolTokenWeight(before, weight);
  if (was === 0n) return after;
  const nano = divRound(parseDecimal(before.gpuHours, NANO_DIGITS) * poolTokenWeight(after, weight), was);
  return { ...after, gpuHours: gpuText(nano) };
}

function reroute(e: CutEvent, route: RouteChange, ctx: TransformContext): CutEvent {
  if (route.kind === 'model') {
    if (e.pool === null && e.provider === route.provider && e.model === route.model) return e;
    return {
      ...e,
      provider: route.provider,
      model: route.model,
      modelVersion: null,
      pool: null,
      gpuHours: '0',
      // What the old route reported it charged says nothing about the new one.
      reportedCostUsd: null,
    };
  }
  const weight = ctx.inputWeight(route.pool, e.timestamp);
  const { throughput } = route;
  if (weight === null || throughput.weight === 0n) return { ...e, pool: route.pool, reportedCostUsd: null };
  const nano = divRound(poolTokenWeight(e, weight) * throughput.gpuNanoHours, throughput.weight);
  return { ...e, pool: route.pool, reportedCostUsd: null, gpuHours: gpuText(nano) };
}

/** The call under the changes; the very same object when nothing about it changes. */
export function transformEvent(e: CutEvent, ctx: TransformContext): CutEvent {
  const { route } = ctx.changes;
  const reshaped = rescaleGpu(e, reshape(e, ctx.changes), ctx);
  const moves = route !== null && (e.stage === 'generation' || e.stage === 'tool');
  if (!moves || (route.kind === 'pool' && e.pool === route.pool)) return reshaped;
  return reroute(reshaped, route, ctx);
}
