import { describe, expect, it } from 'vitest';
import { UNALLOCATED, allocateDay, dailyShares, totalOf } from '@/lib/costing/allocate';
import { picoToUsd } from '@/lib/money';
import { HOUR, apiRow, day, fixedCost, lines, row, usd } from './allocate-fixtures';

describe('review time on outcomes', () => {
  it.each([
    ['90 s x 60.00/h (default) = 1.50', 90, 60_000_000n, '1.500000000000'],
    ['1.5 s x 90.00/h = 0.0375', 1.5, 90_000_000n, '0.037500000000'],
    ['0.0004 s rounds to 0 ms = nothing', 0.0004, 60_000_000n, null],
    ['0 s = nothing', 0, 60_000_000n, null],
  ])('%s', (_name, seconds, rate, want) => {
    const rows = [apiRow('legal', '1', 1, { outcomeReviewSeconds: seconds })];
    const { allocations } = allocateDay(day({ pools: [], rows, reviewerUsdPerHour: () => rate }));
    expect(lines(allocations)).toEqual(
      want === null ? [] : [`legal/customer_support/gpt-test/ review:review L4 = ${want}`],
    );
  });

  it("each row is priced at its own team's reviewer rate (legal 90.00/h, support 60.00/h), 1 h each", () => {
    const rows = [
      apiRow('legal', '1', 1, { outcomeReviewSeconds: 3600 }),
      apiRow('support', '1', 1, { outcomeReviewSeconds: 3600 }),
    ];
    const rate = (team: string) => (team === 'legal' ? 90_000_000n : 60_000_000n);
    const { allocations } = allocateDay(day({ pools: [], rows, reviewerUsdPerHour: rate }));
    expect(allocations.map((a) => [a.team, picoToUsd(a.amount, 2)])).toEqual([
      ['legal', '90.00'],
      ['support', '60.00'],
    ]);
  });
});

describe('allocateDay', () => {
  it('cut-model 6 with a fixed cost and review: idle 72.00 + fixed 100.00 + review 1.50 = 173.50 allocated', () => {
    const rows = [
      row({ gpuNanoHours: 6n * HOUR, requests: 1000, direct: usd('24'), acceptedWorkflows: 800 }),
      apiRow('support', '0.14', 200, { outcomeReviewSeconds: 90 }),
    ];
    const { allocations } = allocateDay(day({ rows, fixedCosts: [fixedCost({ rule: 'assigned', team: 'support' })] }));
    expect(lines(allocations)).toEqual([
      'support/customer_support/llama-70b/h100-a idle:h100-a L2 = 72.000000000000',
      // 100.00 by direct cost 0.14 : 24.00
      'support/customer_support/gpt-test/ fixed:1 L5 = 0.579950289975',
      'support/customer_support/llama-70b/h100-a fixed:1 L5 = 99.420049710025',
      'support/customer_support/gpt-test/ review:review L4 = 1.500000000000',
    ]);
    expect(picoToUsd(totalOf(allocations), 2)).toBe('173.50');
  });

  it('two input rows of one grain are merged first: one line each, split as if they were one row', () => {
    const rows = [
      row({ gpuNanoHours: 3n * HOUR }),
      row({ gpuNanoHours: 3n * HOUR }),
      row({ team: 'legal', gpuNanoHours: 6n * HOUR }),
    ];
    const { allocations, pools } = allocateDay(day({ rows }));
    expect(pools[0]!.usedNanoHours).toBe(12n * HOUR);
    expect(lines(allocations)).toEqual([
      'legal/customer_support/llama-70b/h100-a idle:h100-a L2 = 24.000000000000',
      'support/customer_support/llama-70b/h100-a idle:h100-a L2 = 24.000000000000',
    ]);
  });

  it('the same row under two fixed costs keeps two lines (source differs); a zero-amount cost adds none', () => {
    const rows = [apiRow('a', '1')];
    const fixedCosts = [fixedCost({ id: 2 }), fixedCost({ id: 1, layer: 2 }), fixedCost({ id: 3, amount: 0n })];
    const { allocations } = allocateDay(day({ pools: [], rows, fixedCosts }));
    expect(lines(allocations)).toEqual([
      'a/customer_support/gpt-test/ fixed:1 L2 = 100.000000000000',
      'a/customer_support/gpt-test/ fixed:2 L5 = 100.000000000000',
    ]);
  });

  it('under separate, idle and unplaced fixed cost both land on __unallocated__, on separate lines', () => {
    const { allocations } = allocateDay(day({ idlePolicy: 'separate', fixedCosts: [fixedCost()] }));
    expect(allocations.map((a) => [a.team, a.model, a.kind, picoToUsd(a.amount, 2)])).toEqual([
      [UNALLOCATED, '__idle__', 'idle', '96.00'],
      [UNALLOCATED, '__fixed__', 'fixed', '100.00'],
    ]);
  });
});

describe('dailyShares', () => {
  it('3,000.00 over April 2026 (30 days) = 100.00 a day', () => {
    expect(dailyShares(usd('3000'), 2026, 4)).toEqual(new Array(30).fill(usd('100')));
  });
  it('3,000.00 over February 2028 (29 days) = 28 x 103.448275862069 + 103.448275862068 = 3,000.00 exactly', () => {
    const shares = dailyShares(usd('3000'), 2028, 2);
    expect(shares).toHaveLength(29);
    expect(shares.slice(0, 28).every((s) => s === 103_448_275_862_069n)).toBe(true);
    expect(shares[28]).toBe(103_448_275_862_068n);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(usd('3000'));
  });
  it.each([
    [2026, 2, 28],
    [2100, 2, 28], // divisible by 100, not by 400: not a leap year
    [2000, 2, 29],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(dailyShares(1n, year, month)).toHaveLength(days);
  });
  it.each([0, 13, 1.5])('month %s is refused', (month) => {
    expect(() => dailyShares(1n, 2026, month)).toThrow(RangeError);
  });
});
