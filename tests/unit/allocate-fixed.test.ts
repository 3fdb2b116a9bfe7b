import { describe, expect, it } from 'vitest';
import { UNALLOCATED, allocateDay, type DayRow, type FixedCostInput } from '@/lib/costing/allocate';
import { apiRow, day, fixedCost, lines, row } from './allocate-fixtures';

const UNPLACED = `${UNALLOCATED}/${UNALLOCATED}/__fixed__/`;
const api = (team: string, cls = 'customer_support') => `${team}/${cls}/gpt-test/`;

/** Only the fixed-cost lines, on a day whose pool is fully used so idle stays out of the way. */
function fixedLines(cost: Partial<FixedCostInput>, rows: DayRow[]): string[] {
  const full = row({ team: 'gpu-owner', gpuNanoHours: 24n * 1_000_000_000n });
  const { allocations } = allocateDay(day({ rows: [...rows, full], fixedCosts: [fixedCost(cost)] }));
  return lines(allocations.filter((a) => a.kind === 'fixed' && a.team !== 'gpu-owner'));
}

describe('fixed costs', () => {
  const cases: Array<{ name: string; cost: Partial<FixedCostInput>; rows: DayRow[]; want: string[] }> = [
    {
      name: 'fixed 50/30/20 of 100.00 over a, b, c = 50.00 + 30.00 + 20.00',
      cost: { rule: 'fixed', fixedShares: { a: 50, b: 30, c: 20 }, layer: 4 },
      rows: [apiRow('a', '1'), apiRow('b', '1'), apiRow('c', '1')],
      want: [
        `${api('a')} fixed:1 L4 = 50.000000000000`,
        `${api('b')} fixed:1 L4 = 30.000000000000`,
        `${api('c')} fixed:1 L4 = 20.000000000000`,
      ],
    },
    {
      name: "fixed 50/30/20: b's 30.00 split over its rows by direct 1.00:3.00 = 7.50 + 22.50",
      cost: { rule: 'fixed', fixedShares: { a: 50, b: 30, c: 20 } },
      rows: [apiRow('a', '1'), apiRow('b', '1'), apiRow('b', '3', 1, { workloadClass: 'zz' }), apiRow('c', '1')],
      want: [
        `${api('a')} fixed:1 L5 = 50.000000000000`,
        `${api('b')} fixed:1 L5 = 7.500000000000`,
        `${api('b', 'zz')} fixed:1 L5 = 22.500000000000`,
        `${api('c')} fixed:1 L5 = 20.000000000000`,
      ],
    },
    {
      name: 'fixed 50/30/20 where c had no traffic: its 20.00 stays on its own synthetic line',
      cost: { rule: 'fixed', fixedShares: { a: 50, b: 30, c: 20 } },
      rows: [apiRow('a', '1'), apiRow('b', '1')],
      want: [
        `${api('a')} fixed:1 L5 = 50.000000000000`,
        `${api('b')} fixed:1 L5 = 30.000000000000`,
        `c/${UNALLOCATED}/__fixed__/ fixed:1 L5 = 20.000000000000`,
      ],
    },
    {
      name: 'fixed 33.333333/33.333333/33.333334 of 100.00 = exact percent x 1e6 weights',
      cost: { rule: 'fixed', fixedShares: { a: 33.333333, b: 33.333333, c: 33.333334 } },
      rows: [apiRow('a', '1'), apiRow('b', '1'), apiRow('c', '1')],
      want: [
        `${api('a')} fixed:1 L5 = 33.333333000000`,
        `${api('b')} fixed:1 L5 = 33.333333000000`,
        `${api('c')} fixed:1 L5 = 33.333334000000`,
      ],
    },
    {
      name: 'even over 3 active teams of 100.00 = 33.333333333334 + 33.333333333333 + 33.333333333333',
      cost: { rule: 'even' },
      rows: [apiRow('a', '1'), apiRow('b', '5'), apiRow('c', '9')],
      want: [
        `${api('a')} fixed:1 L5 = 33.333333333334`,
        `${api('b')} fixed:1 L5 = 33.333333333333`,
        `${api('c')} fixed:1 L5 = 33.333333333333`,
      ],
    },
    {
      name: 'even skips a team with 0 requests: 100.00 / 2 = 50.00 + 50.00',
      cost: { rule: 'even' },
      rows: [apiRow('a', '1'), apiRow('b', '0', 0), apiRow('c', '1')],
      want: [`${api('a')} fixed:1 L5 = 50.000000000000`, `${api('c')} fixed:1 L5 = 50.000000000000`],
    },
    {
      name: 'even with no active team: all 100.00 unallocated',
      cost: { rule: 'even' },
      rows: [],
      want: [`${UNPLACED} fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'weighted by direct 1.00:3.00 of 100.00 = 25.00 + 75.00',
      cost: { rule: 'weighted' },
      rows: [apiRow('a', '1'), apiRow('b', '3')],
      want: [`${api('a')} fixed:1 L5 = 25.000000000000`, `${api('b')} fixed:1 L5 = 75.000000000000`],
    },
    {
      name: 'weighted with all direct 0: by requests 1:4 = 20.00 + 80.00',
      cost: { rule: 'weighted' },
      rows: [apiRow('a', '0', 1), apiRow('b', '0', 4)],
      want: [`${api('a')} fixed:1 L5 = 20.000000000000`, `${api('b')} fixed:1 L5 = 80.000000000000`],
    },
    {
      name: 'weighted: an __unallocated__ row (direct 9.00) takes no share; a (1.00) takes all 100.00',
      cost: { rule: 'weighted' },
      rows: [apiRow('a', '1'), apiRow(UNALLOCATED, '9')],
      want: [`${api('a')} fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'assigned to legal by direct 2.00:6.00 = 25.00 + 75.00; support (10.00) gets none',
      cost: { rule: 'assigned', team: 'legal', layer: 2 },
      rows: [apiRow('legal', '2'), apiRow('legal', '6', 1, { workloadClass: 'zz' }), apiRow('support', '10')],
      want: [`${api('legal')} fixed:1 L2 = 25.000000000000`, `${api('legal', 'zz')} fixed:1 L2 = 75.000000000000`],
    },
    {
      name: 'assigned to legal / zz: only that class row takes the 100.00',
      cost: { rule: 'assigned', team: 'legal', workloadClass: 'zz' },
      rows: [apiRow('legal', '2'), apiRow('legal', '6', 1, { workloadClass: 'zz' })],
      want: [`${api('legal', 'zz')} fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'assigned to class zz only: spread over its teams by direct 1.00:1.00 = 50.00 + 50.00',
      cost: { rule: 'assigned', workloadClass: 'zz' },
      rows: [apiRow('a', '1', 1, { workloadClass: 'zz' }), apiRow('b', '1', 1, { workloadClass: 'zz' })],
      want: [`${api('a', 'zz')} fixed:1 L5 = 50.000000000000`, `${api('b', 'zz')} fixed:1 L5 = 50.000000000000`],
    },
    {
      name: 'assigned to legal with no legal rows: 100.00 stays on legal/__unallocated__ (still legal’s cost)',
      cost: { rule: 'assigned', team: 'legal' },
      rows: [apiRow('support', '1')],
      want: [`legal/${UNALLOCATED}/__fixed__/ fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'assigned to class zz with no rows: 100.00 on __unallocated__/zz',
      cost: { rule: 'assigned', workloadClass: 'zz' },
      rows: [apiRow('support', '1')],
      want: [`${UNALLOCATED}/zz/__fixed__/ fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'assigned to nobody (team and class null): 100.00 unallocated',
      cost: { rule: 'assigned' },
      rows: [apiRow('support', '1')],
      want: [`${UNPLACED} fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'requests 1:3 of 100.00 = 25.00 + 75.00 (direct cost ignored)',
      cost: { rule: 'requests' },
      rows: [apiRow('a', '9', 1), apiRow('b', '1', 3)],
      want: [`${api('a')} fixed:1 L5 = 25.000000000000`, `${api('b')} fixed:1 L5 = 75.000000000000`],
    },
    {
      name: 'output_tokens 0 in total: 100.00 unallocated',
      cost: { rule: 'output_tokens' },
      rows: [apiRow('a', '1')],
      want: [`${UNPLACED} fixed:1 L5 = 100.000000000000`],
    },
    {
      name: 'accepted_workflows 800:200 of 100.00 = 80.00 + 20.00',
      cost: { rule: 'accepted_workflows' },
      rows: [apiRow('a', '1', 1, { acceptedWorkflows: 800 }), apiRow('b', '1', 1, { acceptedWorkflows: 200 })],
      want: [`${api('a')} fixed:1 L5 = 80.000000000000`, `${api('b')} fixed:1 L5 = 20.000000000000`],
    },
    {
      name: '0.000000000002 by output tokens 1:1:1 = 1 + 1 + 0 pico (parts still sum exactly)',
      cost: { rule: 'output_tokens', amount: 2n },
      rows: [
        apiRow('a', '1', 1, { outputTokens: 5 }),
        apiRow('b', '1', 1, { outputTokens: 5 }),
        apiRow('c', '1', 1, { outputTokens: 5 }),
      ],
      want: [`${api('a')} fixed:1 L5 = 0.000000000001`, `${api('b')} fixed:1 L5 = 0.000000000001`],
    },
  ];

  it.each(cases)('$name', ({ cost, rows, want }) => {
    expect(fixedLines(cost, rows)).toEqual(want);
  });

  it('a negative percent is refused rather than silently moving money', () => {
    const cost = fixedCost({ rule: 'fixed', fixedShares: { a: 120, b: -20 } });
    expect(() => allocateDay(day({ rows: [apiRow('a', '1')], fixedCosts: [cost] }))).toThrow(RangeError);
  });
});
