import { describe, expect, it } from 'vitest';
import {
  UNALLOCATED,
  allocateDay,
  provisionedNanoHours,
  type DayRow,
  type IdlePolicy,
  type PoolDayResult,
} from '@/lib/costing/allocate';
import type { PoolVersion } from '@/lib/costing/pricebook';
import { makePool } from '../support/events';
import { parseDecimal } from '@/lib/money';
import { HOUR, apiRow, day, lines, row, usd } from './allocate-fixtures';

const hours = (text: string) => parseDecimal(text, 9);
const figures = (p: PoolDayResult) => ({
  provisioned: p.provisionedNanoHours,
  used: p.usedNanoHours,
  idle: p.idleNanoHours,
  over: p.overReportedNanoHours,
  usd: p.idle,
});

const IDLE_LINE = `${UNALLOCATED}/${UNALLOCATED}/__idle__/h100-a idle:h100-a L2`;
const SUPPORT = 'support/customer_support/llama-70b/h100-a idle:h100-a L2';

describe('idle capacity per pool', () => {
  const cases: Array<{
    name: string;
    pools?: PoolVersion[];
    rows: DayRow[];
    policy?: IdlePolicy;
    /** GPU-hours and USD as decimal strings */
    want: { provisioned: string; used: string; idle: string; over: string; usd: string; lines: string[] };
  }> = [
    {
      name: 'cut-model 6: 1 GPU x 24 h always on - 6 h used = 18 h idle x 4.00 = 72.00, all to support',
      rows: [row({ gpuNanoHours: 6n * HOUR, requests: 1000 }), apiRow('support', '0.14', 200)],
      want: { provisioned: '24', used: '6', idle: '18', over: '0', usd: '72', lines: [`${SUPPORT} = 72.000000000000`] },
    },
    {
      name: 'separate: the same 18 h x 4.00 = 72.00 stays on the unallocated idle line of h100-a',
      rows: [row({ gpuNanoHours: 6n * HOUR })],
      policy: 'separate',
      want: {
        provisioned: '24',
        used: '6',
        idle: '18',
        over: '0',
        usd: '72',
        lines: [`${IDLE_LINE} = 72.000000000000`],
      },
    },
    {
      name: 'hourly billing: 14.5 h/day provisioned bills 15 h; 5 h used -> 10 h x 4.00 = 40.00',
      pools: [makePool({ billingGranularity: 'hour', provisionedGpuHoursPerDay: 14_500_000n })],
      rows: [row({ gpuNanoHours: 5n * HOUR })],
      want: { provisioned: '15', used: '5', idle: '10', over: '0', usd: '40', lines: [`${SUPPORT} = 40.000000000000`] },
    },
    {
      name: 'per-second billing: 14.5 h/day stays 14.5 h; 5 h used -> 9.5 h x 4.00 = 38.00',
      pools: [makePool({ provisionedGpuHoursPerDay: 14_500_000n })],
      rows: [row({ gpuNanoHours: 5n * HOUR })],
      want: {
        provisioned: '14.5',
        used: '5',
        idle: '9.5',
        over: '0',
        usd: '38',
        lines: [`${SUPPORT} = 38.000000000000`],
      },
    },
    {
      name: 'over-reporting: 30 h used of 24 -> idle 0, over-reported 6 h, nothing billed twice',
      rows: [row({ gpuNanoHours: 30n * HOUR })],
      want: { provisioned: '24', used: '30', idle: '0', over: '6', usd: '0', lines: [] },
    },
    {
      name: 'no GPU-hours reported: 24 h x 4.00 = 96.00 split by output tokens 300:100 = 72.00 + 24.00',
      rows: [row({ outputTokens: 300 }), row({ team: 'legal', outputTokens: 100 })],
      want: {
        provisioned: '24',
        used: '0',
        idle: '24',
        over: '0',
        usd: '96',
        lines: [
          'legal/customer_support/llama-70b/h100-a idle:h100-a L2 = 24.000000000000',
          `${SUPPORT} = 72.000000000000`,
        ],
      },
    },
    {
      name: 'no GPU-hours nor output tokens: 96.00 split by requests 1:3 = 24.00 + 72.00',
      rows: [row({ requests: 3 }), row({ team: 'legal', requests: 1 })],
      want: {
        provisioned: '24',
        used: '0',
        idle: '24',
        over: '0',
        usd: '96',
        lines: [
          'legal/customer_support/llama-70b/h100-a idle:h100-a L2 = 24.000000000000',
          `${SUPPORT} = 72.000000000000`,
        ],
      },
    },
    {
      name: 'no rows on the pool: 24 h x 4.00 = 96.00 to the unallocated idle line (a managed-API row takes none)',
      rows: [apiRow('support', '1.00', 5)],
      want: {
        provisioned: '24',
        used: '0',
        idle: '24',
        over: '0',
        usd: '96',
        lines: [`${IDLE_LINE} = 96.000000000000`],
      },
    },
    {
      name: '2 GPUs x 24 h - (10 h + 20 h) = 18 h x 2.50 = 45.00 split by GPU-hours 1:2 = 15.00 + 30.00',
      pools: [makePool({ gpuCount: 2, usdPerGpuHour: 2_500_000n })],
      rows: [row({ team: 'legal', gpuNanoHours: 10n * HOUR }), row({ gpuNanoHours: 20n * HOUR })],
      want: {
        provisioned: '48',
        used: '30',
        idle: '18',
        over: '0',
        usd: '45',
        lines: [
          'legal/customer_support/llama-70b/h100-a idle:h100-a L2 = 15.000000000000',
          `${SUPPORT} = 30.000000000000`,
        ],
      },
    },
    {
      name: 'an __unallocated__ row counts as used (6 h + 6 h of 24) but takes no share: 12 h x 4.00 = 48.00 to support',
      rows: [row({ team: UNALLOCATED, gpuNanoHours: 6n * HOUR }), row({ gpuNanoHours: 6n * HOUR })],
      want: {
        provisioned: '24',
        used: '12',
        idle: '12',
        over: '0',
        usd: '48',
        lines: [`${SUPPORT} = 48.000000000000`],
      },
    },
    {
      name: 'two versions of h100-a that day: the later one (5.00) prices idle: 18 h x 5.00 = 90.00',
      pools: [makePool({ usdPerGpuHour: 5_000_000n, effectiveFrom: new Date('2026-01-15T12:00:00Z') }), makePool()],
      rows: [row({ gpuNanoHours: 6n * HOUR })],
      want: { provisioned: '24', used: '6', idle: '18', over: '0', usd: '90', lines: [`${SUPPORT} = 90.000000000000`] },
    },
  ];

  it.each(cases)('$name', ({ pools, rows, policy, want }) => {
    const { allocations, pools: results } = allocateDay(day({ pools, rows, idlePolicy: policy ?? 'share' }));
    expect(results.map(figures)).toEqual([
      {
        provisioned: hours(want.provisioned),
        used: hours(want.used),
        idle: hours(want.idle),
        over: hours(want.over),
        usd: usd(want.usd),
      },
    ]);
    expect(lines(allocations)).toEqual(want.lines);
  });

  it('1 nano-hour idle x 1.000001/h = 1,000.001 femto-dollars -> 1,000 pico (one rounding)', () => {
    const pool = makePool({ usdPerGpuHour: 1_000_001n });
    const { pools } = allocateDay(day({ pools: [pool], rows: [row({ gpuNanoHours: 24n * HOUR - 1n })] }));
    expect(pools[0]!.idle).toBe(1_000n);
  });

  it('a pool the book does not know gets no idle line (its events are already flagged unpriced)', () => {
    const { allocations, pools } = allocateDay(
      day({ pools: [], rows: [row({ pool: 'mystery', gpuNanoHours: HOUR })] }),
    );
    expect(pools).toEqual([]);
    expect(allocations).toEqual([]);
  });

  it('pools come back in name order, each priced on its own rows', () => {
    const pools = [makePool({ name: 'b-pool' }), makePool({ name: 'a-pool', usdPerGpuHour: 1_000_000n })];
    const rows = [row({ pool: 'a-pool', gpuNanoHours: 4n * HOUR }), row({ pool: 'b-pool', gpuNanoHours: 20n * HOUR })];
    const result = allocateDay(day({ pools, rows }));
    expect(result.pools.map((p) => [p.pool, p.idle])).toEqual([
      ['a-pool', 20_000_000_000_000n], // 20 h x 1.00
      ['b-pool', 16_000_000_000_000n], // 4 h x 4.00
    ]);
  });
});

describe('provisionedNanoHours', () => {
  it.each([
    ['always on, 8 GPUs = 8 x 24 = 192 h', makePool({ gpuCount: 8 }), 192n * HOUR],
    [
      '0.000001 h/day billed per hour rounds up to 1 h',
      makePool({ billingGranularity: 'hour', provisionedGpuHoursPerDay: 1n }),
      HOUR,
    ],
    [
      'exactly 15 h/day billed per hour stays 15 h',
      makePool({ billingGranularity: 'hour', provisionedGpuHoursPerDay: 15_000_000n }),
      15n * HOUR,
    ],
    ['0 h/day (scaled to zero) = 0', makePool({ provisionedGpuHoursPerDay: 0n, billingGranularity: 'hour' }), 0n],
    ['14.5 h/day per second = 14.5 h', makePool({ provisionedGpuHoursPerDay: 14_500_000n }), 14_500_000_000n],
  ])('%s', (_name, pool, want) => {
    expect(provisionedNanoHours(pool)).toBe(want);
  });
});
