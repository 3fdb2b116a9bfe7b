import { describe, expect, it } from 'vitest';
import { emptySplit, poolWeights, splitCost, splitJson } from '@/lib/dashboard/cost-split';

const micro = (usd: number) => BigInt(Math.round(usd * 1e6));
const listPrice = { input: micro(1), cached: micro(0.1), output: micro(4), reasoning: micro(4) };

describe('splitCost', () => {
  it('list prices: 2,000 in (500 cached) and 400 out at 1 / 0.1 / 4 per 1M = 0.0015 + 0.00005 + 0.0016', () => {
    const sums = splitCost(
      { inputTokens: 2000, cachedTokens: 500, outputTokens: 400, reasoningTokens: 0, baseUsd: '0.003150' },
      listPrice,
      emptySplit(),
    );
    expect(splitJson(sums)).toEqual({
      input_usd: '0.001500',
      cached_input_usd: '0.000050',
      output_usd: '0.001600',
      unsplit_usd: '0.000000',
    });
  });

  it('a reported cost (here 6.30, twice list) is split in the list proportions and adds up exactly', () => {
    const sums = splitCost(
      { inputTokens: 2000, cachedTokens: 500, outputTokens: 400, reasoningTokens: 0, baseUsd: '6.300000' },
      listPrice,
      emptySplit(),
    );
    expect(sums.input + sums.cached + sums.output).toBe(6_300_000_000_000n);
    expect(splitJson(sums)).toMatchObject({
      input_usd: '3.000000',
      cached_input_usd: '0.100000',
      output_usd: '3.200000',
    });
  });

  it('reasoning tokens count as output at their own price', () => {
    const sums = splitCost(
      { inputTokens: 0, cachedTokens: 0, outputTokens: 100, reasoningTokens: 100, baseUsd: '1.000000' },
      { ...listPrice, reasoning: micro(8) },
      emptySplit(),
    );
    expect(splitJson(sums).output_usd).toBe('1.000000');
  });

  it('on a pool (input weight 0.25): 2,000 in x 0.25 = 500 vs 400 out, so 24.00 splits 13.33 / 10.67', () => {
    const sums = splitCost(
      { inputTokens: 2000, cachedTokens: 0, outputTokens: 400, reasoningTokens: 0, baseUsd: '24.000000' },
      poolWeights(250_000n),
      emptySplit(),
    );
    expect(splitJson(sums)).toMatchObject({ input_usd: '13.333333', output_usd: '10.666667' });
    expect(sums.input + sums.output).toBe(24_000_000_000_000n);
  });

  it('no price for the model: its cost stays unsplit rather than guessed', () => {
    const sums = splitCost(
      { inputTokens: 10, cachedTokens: 0, outputTokens: 10, reasoningTokens: 0, baseUsd: '2.000000' },
      null,
      emptySplit(),
    );
    expect(splitJson(sums)).toMatchObject({ input_usd: '0.000000', output_usd: '0.000000', unsplit_usd: '2.000000' });
  });

  it('slices add into one sum', () => {
    const into = emptySplit();
    const slice = { inputTokens: 1_000_000, cachedTokens: 0, outputTokens: 0, reasoningTokens: 0, baseUsd: '1.000000' };
    splitCost(slice, listPrice, into);
    splitCost(slice, listPrice, into);
    expect(splitJson(into).input_usd).toBe('2.000000');
  });
});
