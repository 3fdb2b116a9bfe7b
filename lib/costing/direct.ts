import type { CutEvent } from '../events/event';
import { divRound, parseDecimal, usdToPico, type Pico } from '../money';
import { DEFAULT_INPUT_WEIGHT, DEFAULT_REVIEWER_USD_PER_HOUR, type ModelPrice, type PriceBook } from './pricebook';

export const COST_SOURCES = ['price_book', 'reported', 'unpriced'] as const;
type CostSource = (typeof COST_SOURCES)[number];

/** The direct cost of one event (cut-model.md 2 and 3), in pico-dollars. */
export interface DirectCost {
  /** the sticker figure: what the call itself cost */
  base: Pico;
  source: CostSource;
  /** the price book's figure, kept beside a reported cost so the variance shows */
  pricebook: Pico;
  l1: Pico;
  l2: Pico;
  l3: Pico;
  l4: Pico;
}

const MICRO = 1_000_000n;
const NANO_DIGITS = 9;

/** Token prices as pico-dollars per token (= micro-dollars per 1M tokens). */
interface TokenPrices {
  input: bigint;
  cached: bigint;
  output: bigint;
  reasoning: bigint;
}

type TokenCounts = Pick<CutEvent, 'inputTokens' | 'cachedTokens' | 'outputTokens' | 'reasoningTokens'>;

function tokenCost(e: TokenCounts, p: TokenPrices): Pico {
  let cost = BigInt(e.inputTokens - e.cachedTokens) * p.input + BigInt(e.outputTokens - e.reasoningTokens) * p.output;
  // Every bigint operation makes a new bigint: most calls have no cached or reasoning tokens.
  if (e.cachedTokens !== 0) cost += BigInt(e.cachedTokens) * p.cached;
  if (e.reasoningTokens !== 0) cost += BigInt(e.reasoningTokens) * p.reasoning;
  return cost;
}

/** Splits a generation or tool call's base into the retry share, the retrieved share and the rest. */
/** `weight`: the call's tokens at `prices` (tokenCost), which the caller has worked out already. */
function splitBase(
  base: Pico,
  e: CutEvent,
  prices: TokenPrices,
  weight: bigint,
): { retry: Pico; retrieved: Pico; rest: Pico } {
  const retry = e.retryCount === 0 ? 0n : divRound(base * BigInt(e.retryCount), BigInt(1 + e.retryCount));
  const retrievedWeight = e.retrievedTokens === 0 ? 0n : BigInt(e.retrievedTokens) * prices.input;
  const retrieved = weight === 0n || retrievedWeight === 0n ? 0n : divRound((base - retry) * retrievedWeight, weight);
  return { retry, retrieved, rest: base - retry - retrieved };
}

/** On a pool an output token weighs 1 and an input token `input_weight`; cached is a tenth of input. */
function poolWeights(inputWeightMicro: bigint): TokenPrices {
  let weights = poolWeightsOf.get(inputWeightMicro);
  if (!weights) {
    // Scaled by 10 so that input_weight / 10 stays an integer.
    weights = { input: inputWeightMicro * 10n, cached: inputWeightMicro, output: MICRO * 10n, reasoning: MICRO * 10n };
    // A book has a few pools' weights; a bigger cache means a caller passing arbitrary ones.
    if (poolWeightsOf.size >= 1000) poolWeightsOf.clear();
    poolWeightsOf.set(inputWeightMicro, weights);
  }
  return weights;
}
/** Weights by input weight: made once each, not once per self-hosted call. Read-only once made. */
const poolWeightsOf = new Map<bigint, Readonly<TokenPrices>>();

/** An unpriced call's tokens are split by count. */
const UNPRICED_WEIGHTS: Readonly<TokenPrices> = { input: 1n, cached: 1n, output: 1n, reasoning: 1n };

/** A price's token prices, made once per price rather than once per call it prices. */
function tokenPrices(price: ModelPrice): TokenPrices {
  let prices = tokenPricesOf.get(price);
  if (!prices) {
    prices = {
      input: price.inputPer1m,
      cached: price.cachedInputPer1m,
      output: price.outputPer1m,
      reasoning: price.reasoningPer1m ?? price.outputPer1m,
    };
    tokenPricesOf.set(price, prices);
  }
  return prices;
}
const tokenPricesOf = new WeakMap<ModelPrice, Readonly<TokenPrices>>();

/**
 * The token weight of calls on a pool (cut-model.md 2), in units of 1e-7 output tokens: what GPU
 * time is proportional to. Linear, so a sum of counts weighs the sum of their weights.
 */
export const poolTokenWeight = (tokens: TokenCounts, inputWeightMicro: bigint): bigint =>
  tokenCost(tokens, poolWeights(inputWeightMicro));

/** Prices one event against the book in force at its timestamp. Pure: no I/O, no floats in money. */
export function priceEvent(e: CutEvent, book: PriceBook): DirectCost {
  let base: Pico;
  let pricebook: Pico;
  let source: CostSource;
  let weights: TokenPrices;
  /** the call's tokens at `weights`: what its base is split by */
  let weight: bigint;
  const selfHosted = e.pool !== null;

  if (selfHosted) {
    const pool = book.pool(e.pool!, e.timestamp);
    weights = poolWeights(pool?.inputWeight ?? DEFAULT_INPUT_WEIGHT);
    weight = tokenCost(e, weights);
    // gpu_hours (nano-hours) x rate (micro-USD) = femto-dollars; one rounding to pico.
    pricebook = pool ? divRound(parseDecimal(e.gpuHours, NANO_DIGITS) * pool.usdPerGpuHour, 1000n) : 0n;
    base = pricebook;
    source = pool ? 'price_book' : 'unpriced';
  } else {
    const price = book.modelPrice(e.provider, e.model, e.timestamp);
    weights = price ? tokenPrices(price) : UNPRICED_WEIGHTS;
    weight = tokenCost(e, weights);
    pricebook = price ? weight : 0n;
    if (e.reportedCostUsd !== null) {
      base = usdToPico(e.reportedCostUsd);
      source = 'reported';
    } else {
      base = pricebook;
      source = price ? 'price_book' : 'unpriced';
    }
  }

  const cost: DirectCost = { base, source, pricebook, l1: 0n, l2: 0n, l3: 0n, l4: 0n };
  if (e.stage === 'generation' || e.stage === 'tool') {
    let rest = base;
    // Most calls have no retry and no retrieved tokens: all of the base is the rest.
    if (e.retryCount !== 0 || e.retrievedTokens !== 0) {
      const split = splitBase(base, e, weights, weight);
      cost.l3 = split.retry + split.retrieved;
      rest = split.rest;
    }
    if (selfHosted) cost.l2 = rest;
    else cost.l1 = rest;
  } else if (e.stage === 'retrieval') {
    cost.l3 = base;
  } else {
    cost.l4 = base;
  }

  // Most calls make no tool call and have no review: their rates are not looked up.
  if (e.toolCalls > 0) {
    const toolCall = book.unitCost('tool_call', e.workloadClass, e.timestamp, 0n);
    // micro-USD x 1e6 = pico-dollars
    cost.l4 += BigInt(e.toolCalls) * toolCall * MICRO;
  }
  if (e.humanReviewSeconds > 0) {
    const reviewer = book.unitCost('reviewer_hour', e.team, e.timestamp, DEFAULT_REVIEWER_USD_PER_HOUR);
    cost.l4 += reviewCost(e.humanReviewSeconds, reviewer);
  }
  return cost;
}

/** Reviewer time in pico-dollars: seconds (to the millisecond) x USD per hour. */
export function reviewCost(seconds: number, usdPerHourMicro: bigint): Pico {
  if (seconds <= 0) return 0n;
  const ms = BigInt(Math.round(seconds * 1000));
  return divRound(ms * usdPerHourMicro * MICRO, 3_600_000n);
}

/**
 * Useful output tokens of a generation event (counted only when its workflow is accepted), in
 * nano-tokens: (output - reasoning) / (1 + retries), rounded half-up once per event. Exact
 * integers add up alike in any order and batching, as a float sum would not.
 */
export const usefulNanoTokens = (e: Pick<CutEvent, 'stage' | 'outputTokens' | 'reasoningTokens' | 'retryCount'>) =>
  e.stage === 'generation'
    ? divRound(BigInt(e.outputTokens - e.reasoningTokens) * 1_000_000_000n, BigInt(1 + e.retryCount))
    : 0n;
