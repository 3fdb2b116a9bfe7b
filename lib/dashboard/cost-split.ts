import { allocate, picoToUsd, usdToPico } from '../money';

/** Token sums and direct cost of one rollup slice (a day, a model, a pool...), money as decimal text. */
export interface SplitInput {
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  baseUsd: string;
}

/** Per-token weights of a slice: list prices (micro-USD per 1M tokens) or, on a pool, relative weights. */
export interface TokenWeights {
  input: bigint;
  cached: bigint;
  output: bigint;
  reasoning: bigint;
}

export interface SplitSums {
  input: bigint;
  cached: bigint;
  output: bigint;
  /** direct cost no weight could place (no price for the model) */
  unsplit: bigint;
}

export const emptySplit = (): SplitSums => ({ input: 0n, cached: 0n, output: 0n, unsplit: 0n });

/**
 * Splits a slice's direct (sticker) cost into what its uncached input, cached input and output
 * tokens (reasoning included) cost at list-price weights, exactly: the three parts add up to the
 * slice's cost (largest remainder). A reported cost is split in the same proportions.
 */
export function splitCost(slice: SplitInput, weights: TokenWeights | null, into: SplitSums): SplitSums {
  const base = usdToPico(slice.baseUsd);
  const uncached = BigInt(Math.max(0, slice.inputTokens - slice.cachedTokens));
  const visible = BigInt(Math.max(0, slice.outputTokens - slice.reasoningTokens));
  const parts = weights
    ? [
        uncached * weights.input,
        BigInt(slice.cachedTokens) * weights.cached,
        visible * weights.output + BigInt(slice.reasoningTokens) * weights.reasoning,
      ]
    : [0n, 0n, 0n];
  if (parts.every((p) => p === 0n)) {
    into.unsplit += base;
    return into;
  }
  const [input, cached, output] = allocate(base, parts) as [bigint, bigint, bigint];
  into.input += input;
  into.cached += cached;
  into.output += output;
  return into;
}

/** Weights on a self-hosted pool (cut-model.md 2): output 1, input `inputWeight`, cached a tenth of that. */
export function poolWeights(inputWeightMicro: bigint): TokenWeights {
  const million = 1_000_000n;
  // scaled by 10 so the cached tenth stays an integer
  return { input: inputWeightMicro * 10n, cached: inputWeightMicro, output: million * 10n, reasoning: million * 10n };
}

export const splitJson = (s: SplitSums) => ({
  input_usd: picoToUsd(s.input, 6),
  cached_input_usd: picoToUsd(s.cached, 6),
  output_usd: picoToUsd(s.output, 6),
  unsplit_usd: picoToUsd(s.unsplit, 6),
});
