import { describe, expect, it } from 'vitest';
import { priceEvent } from '@/lib/costing/direct';
import { PriceBook } from '@/lib/costing/pricebook';
import { NO_CHANGES, type WhatIfChanges } from '@/lib/decisions/changes';
import { usefulNanoTokens as usefulNano } from '@/lib/costing/direct';
import { repriceEvent } from '@/lib/decisions/reprice';
import { transformEvent } from '@/lib/decisions/transform';
import { picoToUsd } from '@/lib/money';
import { makeEvent, makePool, makePrice, usdPer1m } from '../support/events';

const book = new PriceBook({
  modelPrices: [
    makePrice(),
    makePrice({ model: 'gpt-mini', inputPer1m: usdPer1m('0.1'), outputPer1m: usdPer1m('0.4') }),
  ],
  pools: [makePool(), makePool({ name: 'l40s', usdPerGpuHour: 1_000_000n })],
  unitCosts: [],
});
const ctx = (changes: Partial<WhatIfChanges>) => ({
  changes: { ...NO_CHANGES, ...changes },
  inputWeight: (pool: string, at: Date) => book.pool(pool, at)?.inputWeight ?? null,
});
const usd = (p: bigint) => picoToUsd(p, 12);

/** The worked example's generation call: 2,000 in (500 retrieved), 400 out (100 reasoning), 0.006 GPU-h. */
const worked = makeEvent({
  pool: 'h100-a',
  provider: 'self-hosted',
  model: 'llama',
  inputTokens: 2000,
  retrievedTokens: 500,
  outputTokens: 400,
  reasoningTokens: 100,
  gpuHours: '0.006',
});
/** A managed call: 10,000 in (4,000 retrieved, 2,000 cached), 1,000 out, 3 retries. */
const api = makeEvent({
  inputTokens: 10_000,
  retrievedTokens: 4000,
  cachedTokens: 2000,
  outputTokens: 1000,
  retryCount: 3,
});

describe('transformEvent: token counts', () => {
  const cases = [
    {
      name: 'input -20%: prompt 6,000 -> 4,800, retrieved stays 4,000, cache rate kept: 2,000 x 8,800/10,000 = 1,760',
      event: api,
      changes: { inputCutBp: 2000 },
      want: { inputTokens: 8800, retrievedTokens: 4000, cachedTokens: 1760, outputTokens: 1000, retryCount: 3 },
    },
    {
      name: 'retrieved -50%: 4,000 -> 2,000, input 6,000 + 2,000 = 8,000, cached 2,000 x 0.8 = 1,600',
      event: api,
      changes: { retrievedCutBp: 5000 },
      want: { inputTokens: 8000, retrievedTokens: 2000, cachedTokens: 1600, outputTokens: 1000, retryCount: 3 },
    },
    {
      name: 'cache hit rate to 0.5: cached = 10,000 x 0.5 = 5,000',
      event: api,
      changes: { cacheHitRateBp: 5000 },
      want: { inputTokens: 10_000, retrievedTokens: 4000, cachedTokens: 5000, outputTokens: 1000, retryCount: 3 },
    },
    {
      name: 'output -25% cuts visible output only: (400 - 100) x 0.75 + 100 reasoning = 325',
      event: worked,
      changes: { outputCutBp: 2500 },
      want: { inputTokens: 2000, retrievedTokens: 500, cachedTokens: 0, outputTokens: 325, reasoningTokens: 100 },
    },
    {
      name: 'retries capped at 1 of 3: every count x 2/4 (10,000 -> 5,000 in, 1,000 -> 500 out)',
      event: api,
      changes: { maxRetries: 1 },
      want: { inputTokens: 5000, retrievedTokens: 2000, cachedTokens: 1000, outputTokens: 500, retryCount: 1 },
    },
    {
      name: 'a cut rounds half-up once: 3 retrieved tokens -50% = 1.5 -> 2',
      event: makeEvent({ inputTokens: 3, retrievedTokens: 3 }),
      changes: { retrievedCutBp: 5000 },
      want: { inputTokens: 2, retrievedTokens: 2 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(transformEvent(c.event, ctx(c.changes))).toMatchObject(c.want);
    });
  }

  it('no change, or a change that does not apply, returns the very same call', () => {
    expect(transformEvent(api, ctx({}))).toBe(api);
    expect(transformEvent(api, ctx({ maxRetries: 5 }))).toBe(api);
    expect(transformEvent(worked, ctx({ retrievedCutBp: 0, cacheHitRateBp: 0 }))).toBe(worked);
  });

  it('token changes reshape generation and tool calls; evaluation, guardrail, routing and retrieval keep theirs', () => {
    for (const stage of ['evaluation', 'guardrail', 'routing', 'retrieval'] as const) {
      const e = makeEvent({ stage, inputTokens: 1000, outputTokens: 100 });
      expect(transformEvent(e, ctx({ inputCutBp: 5000, outputCutBp: 5000 })), stage).toBe(e);
    }
    const tool = makeEvent({ stage: 'tool', inputTokens: 1000, outputTokens: 100 });
    expect(transformEvent(tool, ctx({ inputCutBp: 5000 })).inputTokens).toBe(500);
  });

  it('a retry cap applies to every stage: an evaluation call with 1 retry capped at 0 halves', () => {
    const e = makeEvent({ stage: 'evaluation', inputTokens: 1000, outputTokens: 100, retryCount: 1 });
    expect(transformEvent(e, ctx({ maxRetries: 0 }))).toMatchObject({ inputTokens: 500, outputTokens: 50 });
  });
});

describe('transformEvent: GPU time follows the token weight', () => {
  it('on its own pool: weight 2,000 x 0.25 + 400 = 900; output -25% gives 825, so 0.006 x 825/900 = 0.0055 GPU-h', () => {
    expect(transformEvent(worked, ctx({ outputCutBp: 2500 })).gpuHours).toBe('0.005500000');
  });

  it('moved to a pool at a stated 100,000 tokens per GPU-hour: weight 900 / 100,000 = 0.009 GPU-h', () => {
    const throughput = { weight: 100_000n * 10_000_000n, gpuNanoHours: 1_000_000_000n, source: 'stated' as const };
    const moved = transformEvent(
      { ...worked, pool: null, gpuHours: '0' },
      ctx({ route: { kind: 'pool', pool: 'l40s', throughput } }),
    );
    expect(moved).toMatchObject({ pool: 'l40s', gpuHours: '0.009000000', reportedCostUsd: null });
  });

  it('moved to a pool at its measured 450,000 weight per 1.5 GPU-h: weight 3,050 / 300,000 per h = 0.010166667 GPU-h', () => {
    const throughput = { weight: 450_000n * 10_000_000n, gpuNanoHours: 1_500_000_000n, source: 'measured' as const };
    const moved = transformEvent(api, ctx({ route: { kind: 'pool', pool: 'h100-a', throughput } }));
    // 10,000 in: 8,000 uncached x 0.25 + 2,000 cached x 0.025 + 1,000 out = 3,050 -> 3,050 / 300,000 h
    expect(moved.gpuHours).toBe('0.010166667');
  });

  it('moved to a managed model: off the pool, no GPU time, no reported cost', () => {
    const moved = transformEvent(
      { ...worked, reportedCostUsd: '0.01' },
      ctx({ route: { kind: 'model', provider: 'openai', model: 'gpt-mini' } }),
    );
    expect(moved).toMatchObject({
      pool: null,
      gpuHours: '0',
      provider: 'openai',
      model: 'gpt-mini',
      reportedCostUsd: null,
    });
  });

  it('a call already where the route leads is left as it is', () => {
    const route = { kind: 'model' as const, provider: 'openai', model: 'gpt-test' };
    expect(transformEvent(api, ctx({ route }))).toBe(api);
  });
});

describe('repriceEvent: the engine prices the changed call', () => {
  it('gpt-test 1.00/0.10/4.00 -> gpt-mini 0.10/0.10/0.40 per 1M: base 0.0122 -> 0.0014', () => {
    const r = repriceEvent(
      api,
      transformEvent(api, ctx({ route: { kind: 'model', provider: 'openai', model: 'gpt-mini' } })),
      book,
    );
    // before: 8,000 x 1.00 + 2,000 x 0.10 + 1,000 x 4.00 = 12,200 per 1M = 0.0122
    expect(usd(r.before.base)).toBe('0.012200000000');
    // after: 8,000 x 0.10 + 2,000 x 0.10 + 1,000 x 0.40 = 1,400 per 1M = 0.0014
    expect(usd(r.after.base)).toBe('0.001400000000');
    expect(r.after).toEqual(priceEvent(r.event, book));
  });

  it('a reported cost scales by the book: 0.0244 reported, book 0.0122 -> 0.0061 after a retry cap to 1 of 3', () => {
    const reported = { ...api, reportedCostUsd: '0.0244' };
    const r = repriceEvent(reported, transformEvent(reported, ctx({ maxRetries: 1 })), book);
    expect(r.event.reportedCostUsd).toBe('0.012200000000');
    expect(r.after.source).toBe('reported');
    expect(usd(r.after.base)).toBe('0.012200000000');
  });

  it('useful nano-tokens: (400 - 100) / (1 + 2) = 100 tokens; exact where a float is not', () => {
    expect(usefulNano({ ...worked, retryCount: 2 })).toBe(100_000_000_000n);
    expect(usefulNano(makeEvent({ outputTokens: 1, retryCount: 2 }))).toBe(333_333_333n);
    expect(usefulNano(makeEvent({ stage: 'tool', outputTokens: 10 }))).toBe(0n);
  });
});
