import { describe, expect, it } from 'vitest';
import { priceEvent, reviewCost, usefulNanoTokens } from '@/lib/costing/direct';
import { PriceBook } from '@/lib/costing/pricebook';
import { picoToUsd } from '@/lib/money';
import { makeEvent, makePool, makePrice, usdPer1m } from '../support/events';

const book = new PriceBook({
  modelPrices: [
    makePrice(),
    makePrice({ model: 'judge', inputPer1m: usdPer1m('1'), outputPer1m: usdPer1m('4') }),
    makePrice({ model: 'o-think', outputPer1m: usdPer1m('8'), reasoningPer1m: usdPer1m('2') }),
    // the price of gpt-test doubles from 2026-03-01 00:00 UTC
    makePrice({
      inputPer1m: usdPer1m('2'),
      outputPer1m: usdPer1m('8'),
      effectiveFrom: new Date('2026-03-01T00:00:00Z'),
    }),
  ],
  pools: [makePool()],
  unitCosts: [
    { kind: 'tool_call', scope: 'agentic_coding', usd: 2_000n, effectiveFrom: new Date('2025-01-01') },
    { kind: 'reviewer_hour', scope: 'legal', usd: 90_000_000n, effectiveFrom: new Date('2025-01-01') },
  ],
});

const usd = (p: bigint) => picoToUsd(p, 12);

describe('priceEvent', () => {
  const cases = [
    {
      name: 'worked example generation: 0.006 GPU-h x 4.00 = 0.024; retrieved 500 x 0.25 / 900 of it to L3',
      event: makeEvent({
        pool: 'h100-a',
        provider: 'self-hosted',
        inputTokens: 2000,
        retrievedTokens: 500,
        outputTokens: 400,
        reasoningTokens: 100,
        gpuHours: '0.006',
      }),
      // 0.024 x 125/900 = 0.00333333333333 (rounded to the pico-dollar); L2 is the rest
      want: {
        base: '0.024000000000',
        l1: '0.000000000000',
        l2: '0.020666666667',
        l3: '0.003333333333',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'worked example evaluation: 500 in x 1.00 + 50 out x 4.00 per 1M = 0.0007, all L4',
      event: makeEvent({ model: 'judge', stage: 'evaluation', inputTokens: 500, outputTokens: 50 }),
      want: {
        base: '0.000700000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000700000000',
        source: 'price_book',
      },
    },
    {
      name: 'cached tokens: 1,000 in of which 600 cached: 400 x 1.00 + 600 x 0.10 = 0.00046',
      event: makeEvent({ inputTokens: 1000, cachedTokens: 600 }),
      want: {
        base: '0.000460000000',
        l1: '0.000460000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'retries: base 0.004 (1,000 out x 4.00) with 3 retries puts 3/4 = 0.003 on L3',
      event: makeEvent({ outputTokens: 1000, retryCount: 3 }),
      want: {
        base: '0.004000000000',
        l1: '0.001000000000',
        l2: '0.000000000000',
        l3: '0.003000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'reasoning at its own price: 100 visible x 8.00 + 900 reasoning x 2.00 = 0.0026',
      event: makeEvent({ model: 'o-think', outputTokens: 1000, reasoningTokens: 900 }),
      want: {
        base: '0.002600000000',
        l1: '0.002600000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'a price that changes at midnight: 23:59:59 pays 4.00, 00:00:00 pays 8.00 per 1M out',
      event: makeEvent({ outputTokens: 1_000_000, timestamp: new Date('2026-02-28T23:59:59.999Z') }),
      want: {
        base: '4.000000000000',
        l1: '4.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'the new price from the first millisecond of its day: 1M out x 8.00 = 8.00',
      event: makeEvent({ outputTokens: 1_000_000, timestamp: new Date('2026-03-01T00:00:00.000Z') }),
      want: {
        base: '8.000000000000',
        l1: '8.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'reported cost wins as base; the book figure (1,000 out x 4.00 = 0.004) is kept beside it',
      event: makeEvent({ outputTokens: 1000, reportedCostUsd: '0.005' }),
      want: {
        base: '0.005000000000',
        l1: '0.005000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'reported',
        pricebook: '0.004000000000',
      },
    },
    {
      name: 'a model with no price costs 0 and is flagged unpriced',
      event: makeEvent({ model: 'mystery', outputTokens: 1000 }),
      want: {
        base: '0.000000000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'unpriced',
      },
    },
    {
      name: 'a retrieval call goes wholly to L3: 2,000 in x 1.00 = 0.002',
      event: makeEvent({ stage: 'retrieval', inputTokens: 2000 }),
      want: {
        base: '0.002000000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.002000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'tool calls: 5 x 0.002 on agentic_coding = 0.01 on L4, beside a zero base',
      event: makeEvent({ workloadClass: 'agentic_coding', stage: 'tool', toolCalls: 5 }),
      want: {
        base: '0.000000000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.010000000000',
        source: 'price_book',
      },
    },
    {
      name: 'review: 90 s at the default 60.00/h = 1.50 on L4',
      event: makeEvent({ humanReviewSeconds: 90 }),
      want: {
        base: '0.000000000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '1.500000000000',
        source: 'price_book',
      },
    },
    {
      name: 'review at a team rate: 60 s for legal at 90.00/h = 1.50',
      event: makeEvent({ team: 'legal', humanReviewSeconds: 60 }),
      want: {
        base: '0.000000000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '1.500000000000',
        source: 'price_book',
      },
    },
    {
      name: 'retry then retrieval on a pool: 0.01 GPU-h x 4 = 0.04, 1 retry takes 0.02, then 400 x 0.25 / (400 x 0.25 + 100) = 1/2 of the rest',
      event: makeEvent({
        pool: 'h100-a',
        inputTokens: 400,
        retrievedTokens: 400,
        outputTokens: 100,
        retryCount: 1,
        gpuHours: '0.01',
      }),
      want: {
        base: '0.040000000000',
        l1: '0.000000000000',
        l2: '0.010000000000',
        l3: '0.030000000000',
        l4: '0.000000000000',
        source: 'price_book',
      },
    },
    {
      name: 'an unknown pool costs 0 and is flagged unpriced',
      event: makeEvent({ pool: 'nowhere', gpuHours: '1' }),
      want: {
        base: '0.000000000000',
        l1: '0.000000000000',
        l2: '0.000000000000',
        l3: '0.000000000000',
        l4: '0.000000000000',
        source: 'unpriced',
      },
    },
  ];

  it.each(cases)('$name', ({ event, want }) => {
    const cost = priceEvent(event, book);
    expect({
      base: usd(cost.base),
      l1: usd(cost.l1),
      l2: usd(cost.l2),
      l3: usd(cost.l3),
      l4: usd(cost.l4),
      source: cost.source,
      ...(want.pricebook ? { pricebook: usd(cost.pricebook) } : {}),
    }).toEqual(want);
  });

  it.each(cases)('layers add up to base + tool + review exactly: $name', ({ event }) => {
    const cost = priceEvent(event, book);
    const extra = cost.l4 - (['evaluation', 'guardrail', 'routing'].includes(event.stage) ? cost.base : 0n);
    const withoutExtras = cost.l1 + cost.l2 + cost.l3 + (cost.l4 - extra);
    expect(withoutExtras).toBe(cost.base);
  });
});

describe('reviewCost and usefulNanoTokens', () => {
  it('30.5 s at 60.00/h = 0.508333333333 (rounded to the pico-dollar)', () => {
    expect(picoToUsd(reviewCost(30.5, 60_000_000n), 12)).toBe('0.508333333333');
  });
  it('400 out - 100 reasoning with 0 retries = 300 useful tokens', () => {
    expect(usefulNanoTokens({ stage: 'generation', outputTokens: 400, reasoningTokens: 100, retryCount: 0 })).toBe(
      300_000_000_000n,
    );
  });
  it('300 out over 1 + 2 retries = 100 useful tokens; a tool call has none', () => {
    expect(usefulNanoTokens({ stage: 'generation', outputTokens: 300, reasoningTokens: 0, retryCount: 2 })).toBe(
      100_000_000_000n,
    );
    expect(usefulNanoTokens({ stage: 'tool', outputTokens: 300, reasoningTokens: 0, retryCount: 0 })).toBe(0n);
  });
  it('790 out over 1 + 2 retries = 263.333333333 (to the nano-token, half up), so sums regroup exactly', () => {
    const per = usefulNanoTokens({ stage: 'generation', outputTokens: 790, reasoningTokens: 0, retryCount: 2 });
    expect(per).toBe(263_333_333_333n);
    expect(per + 133_333_333_333n).toBe(396_666_666_666n);
  });
});
