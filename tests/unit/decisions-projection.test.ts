import { describe, expect, it } from 'vitest';
import { acceptanceFlips, spread } from '@/lib/decisions/acceptance';
import { workflowKey, type RowDelta, type WorkflowFact } from '@/lib/decisions/ledger';
import { applyRowDeltas, projectDays, resizePool, type DayInputs } from '@/lib/decisions/project';
import { picoToUsd } from '@/lib/money';
import { makePool } from '../support/events';
import { apiRow, fixedCost, HOUR, row, usd } from './allocate-fixtures';

const money = (p: bigint) => picoToUsd(p, 6);

function workflows(accepted: number, rejected: number, pending = 0): WorkflowFact[] {
  const statuses = [
    ...Array<'accepted'>(accepted).fill('accepted'),
    ...Array<'rejected'>(rejected).fill('rejected'),
    ...Array<'pending'>(pending).fill('pending'),
  ];
  return statuses.map((status, i) => ({
    team: 'support',
    workflowId: `w${i}`,
    day: '2026-01-15',
    grain: row(),
    status,
    usefulNano: 300_000_000_000n,
  }));
}

describe('acceptance flips', () => {
  it('spreads 3 of 10 evenly: indexes 3, 6, 9', () => {
    expect(spread(10, 3)).toEqual([3, 6, 9]);
    expect(spread(4, 4)).toEqual([0, 1, 2, 3]);
    expect(spread(5, 0)).toEqual([]);
  });

  const cases = [
    { name: '+10 points of 10 decided = 1 rejected flips to accepted', wf: workflows(8, 2), bp: 1000, accepted: 1 },
    {
      name: '+50 points of 10 decided = 5, but only 2 are rejected: both flip',
      wf: workflows(8, 2),
      bp: 5000,
      accepted: 2,
    },
    { name: '-20 points of 10 decided = 2 accepted flip to rejected', wf: workflows(8, 2), bp: -2000, rejected: 2 },
    { name: '+5 points of 10 decided = 0.5, half-up to 1', wf: workflows(8, 2), bp: 500, accepted: 1 },
    {
      name: 'pending workflows are not decided: +10 points of 10 (not 20) = 1',
      wf: workflows(8, 2, 10),
      bp: 1000,
      accepted: 1,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const flips = [...acceptanceFlips(c.wf, c.bp).values()];
      expect(flips.filter((s) => s === 'accepted')).toHaveLength(c.accepted ?? 0);
      expect(flips.filter((s) => s === 'rejected')).toHaveLength(c.rejected ?? 0);
    });
  }

  it('flips the rejected ones, never a pending one', () => {
    const wf = workflows(8, 2, 5);
    const flips = acceptanceFlips(wf, 10_000);
    expect([...flips.keys()].sort()).toEqual([workflowKey('support', 'w8'), workflowKey('support', 'w9')]);
  });
});

describe('re-allocation of a day', () => {
  const delta = (overrides: Partial<RowDelta>): RowDelta => ({
    day: '2026-01-15',
    grain: row(),
    requests: 0,
    outputTokens: 0,
    gpuNanoHours: 0n,
    direct: 0n,
    acceptedWorkflows: 0,
    ...overrides,
  });

  it('adds differences to the rows they name and opens a row for a grain the change creates', () => {
    const rows = applyRowDeltas(
      [row({ requests: 10, gpuNanoHours: 6n * HOUR, direct: usd('24') })],
      [
        delta({ requests: -10, gpuNanoHours: -6n * HOUR, direct: usd('-24') }),
        delta({ grain: apiRow('support', '0'), requests: 10, direct: usd('3.6') }),
      ],
    );
    expect(rows.map((r) => [r.pool, r.requests, r.gpuNanoHours, money(r.direct)])).toEqual([
      ['h100-a', 0, 0n, '0.000000'],
      ['', 10, 0n, '3.600000'],
    ]);
  });

  it('resizes a pool: 2 GPUs on a 28 GPU-h schedule to 3 GPUs = 42 GPU-h; always-on stays null', () => {
    const scheduled = makePool({ gpuCount: 2, provisionedGpuHoursPerDay: 28_000_000n });
    expect(resizePool(scheduled, 3).provisionedGpuHoursPerDay).toBe(42_000_000n);
    expect(resizePool(makePool(), 3)).toMatchObject({ gpuCount: 3, provisionedGpuHoursPerDay: null });
    expect(resizePool(makePool(), undefined)).toEqual(makePool());
  });

  // The worked example's day: 6 of 24 GPU-hours used (24.00), idle 18 x 4 = 72.00, a weighted 100.00 fixed cost.
  const workedDay = (): DayInputs => ({
    day: '2026-01-15',
    rows: [
      row({ requests: 1000, outputTokens: 400_000, gpuNanoHours: 6n * HOUR, direct: usd('24') }),
      apiRow('research', '24', 200, { workloadClass: 'long_context_research' }),
    ],
    pools: [makePool()],
    fixedCosts: [fixedCost({ amount: usd('100') })],
    reviewerUsdPerHour: () => 60_000_000n,
  });
  const support = (g: { workloadClass: string }) => g.workloadClass === 'customer_support';
  const options = { idlePolicy: 'share' as const, poolGpuCounts: {}, inScope: support };

  it('a day the what-if leaves alone moves nothing (observed: idle 72, fixed 100 x 24/48 = 50, total 220)', () => {
    const { difference, strained } = projectDays([workedDay()], new Map(), options);
    expect(difference).toEqual({ l2: 0n, idle: 0n, l4: 0n, l5: 0n, organisation: 0n });
    expect(strained).toEqual([]);
  });

  it('support leaves the pool for an API at 3.60: idle 96 lands unallocated, its fixed share drops to 100 x 3.6/27.6', () => {
    const moved = new Map([
      [
        '2026-01-15',
        [
          delta({ requests: -1000, outputTokens: -400_000, gpuNanoHours: -6n * HOUR, direct: usd('-24') }),
          delta({ grain: apiRow('support', '0'), requests: 1000, outputTokens: 400_000, direct: usd('3.6') }),
        ],
      ],
    ]);
    const { difference } = projectDays([workedDay()], moved, options);
    // idle 72 -> 0 for support (96 to nobody), fixed 50 -> 100 x 3.6 / 27.6 = 13.043478
    expect(money(difference.idle)).toBe('-72.000000');
    expect(money(difference.l5)).toBe('-36.956522');
    // the pool still bills 96: the organisation pays 3.6 + 24 + 96 + 100 = 223.60 against 220
    expect(money(difference.organisation)).toBe('3.600000');
    const shrunk = projectDays([workedDay()], moved, { ...options, poolGpuCounts: { 'h100-a': 0 } });
    expect(money(shrunk.difference.organisation)).toBe('-92.400000');
  });

  it('a pool filled beyond what it provisions is flagged: 30 GPU-h used of 24 = 6 over on 1 day', () => {
    const filled = new Map([['2026-01-15', [delta({ gpuNanoHours: 24n * HOUR, direct: usd('96') })]]]);
    const { strained, difference } = projectDays([workedDay()], filled, options);
    expect(strained).toEqual([{ pool: 'h100-a', days: 1, overNanoHours: 6n * HOUR }]);
    expect(money(difference.idle)).toBe('-72.000000');
  });
});
