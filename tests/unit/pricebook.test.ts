import { describe, expect, it } from 'vitest';
import { PriceBook } from '@/lib/costing/pricebook';
import { makePool, makePrice, usdPer1m } from '../support/events';

const at = new Date('2026-06-01T00:00:00Z');

describe('PriceBook.modelPrice', () => {
  const book = new PriceBook({
    modelPrices: [
      makePrice({ model: 'gpt-4o*', match: 'pattern', outputPer1m: usdPer1m('10') }),
      makePrice({ model: 'gpt-4o-mini*', match: 'pattern', outputPer1m: usdPer1m('0.6') }),
      makePrice({ model: 'gpt-4o-mini-2024-07-18', outputPer1m: usdPer1m('0.5') }),
      makePrice({ model: 'future', effectiveFrom: new Date('2027-01-01T00:00:00Z') }),
    ],
    pools: [makePool(), makePool({ usdPerGpuHour: 3_000_000n, effectiveFrom: new Date('2026-05-01T00:00:00Z') })],
    unitCosts: [{ kind: 'tool_call', scope: '', usd: 1_000n, effectiveFrom: new Date('2025-01-01') }],
  });

  it.each([
    ['an exact name beats every pattern', 'gpt-4o-mini-2024-07-18', usdPer1m('0.5')],
    ['the most literal pattern wins: gpt-4o-mini* over gpt-4o*', 'gpt-4o-mini-2025', usdPer1m('0.6')],
    ['a broader pattern catches the rest', 'gpt-4o-2024-08-06', usdPer1m('10')],
  ])('%s', (_name, model, output) => {
    expect(book.modelPrice('OpenAI', model, at)?.outputPer1m).toBe(output);
  });

  it('a price not yet in force does not apply', () => {
    expect(book.modelPrice('openai', 'future', at)).toBeUndefined();
  });
  it('another provider does not match', () => {
    expect(book.modelPrice('anthropic', 'gpt-4o-mini-2025', at)).toBeUndefined();
  });
  it('a pool rate change applies from its effective date', () => {
    expect(book.pool('h100-a', new Date('2026-04-30T23:59:59Z'))?.usdPerGpuHour).toBe(4_000_000n);
    expect(book.pool('h100-a', at)?.usdPerGpuHour).toBe(3_000_000n);
  });
  it('a unit cost falls back from the scope to the default, then to the given fallback', () => {
    expect(book.unitCost('tool_call', 'agentic_coding', at, 0n)).toBe(1_000n);
    expect(book.unitCost('reviewer_hour', 'support', at, 60_000_000n)).toBe(60_000_000n);
  });
});
