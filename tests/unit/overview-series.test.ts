import { describe, expect, it } from 'vitest';
import { toDailyCostSeries, toDailyRequestsSeries, type OverviewSeriesInput } from '@/lib/charts/overview-series';

const row = (day: string, requests: number, l1: string, l2 = '0', l3 = '0', l4 = '0'): OverviewSeriesInput => ({
  day,
  requests,
  l1_usd: l1,
  l2_usd: l2,
  l3_usd: l3,
  l4_usd: l4,
});

describe('toDailyCostSeries', () => {
  const cases: Array<{
    name: string;
    rows: OverviewSeriesInput[];
    from: string;
    to: string;
    expected: Array<[string, number, number, number, number]>;
  }> = [
    {
      name: '3-day range with only the middle day = 0, 1.5+0.25+0.125+0.0625, 0',
      rows: [row('2026-03-02', 4, '1.500000', '0.250000', '0.125000', '0.062500')],
      from: '2026-03-01',
      to: '2026-03-03',
      expected: [
        ['2026-03-01', 0, 0, 0, 0],
        ['2026-03-02', 1.5, 0.25, 0.125, 0.0625],
        ['2026-03-03', 0, 0, 0, 0],
      ],
    },
    {
      name: 'Feb 27..Mar 1 of 2028 crosses Feb 29: 3 days, rows on both ends',
      rows: [row('2028-02-27', 1, '2.000000'), row('2028-03-01', 1, '3.000000')],
      from: '2028-02-27',
      to: '2028-03-01',
      expected: [
        ['2028-02-27', 2, 0, 0, 0],
        ['2028-02-28', 0, 0, 0, 0],
        ['2028-02-29', 0, 0, 0, 0],
        ['2028-03-01', 3, 0, 0, 0],
      ],
    },
    {
      name: 'rows outside the 1-day range are dropped: 1 day = 7',
      rows: [row('2026-01-01', 1, '9.000000'), row('2026-01-02', 1, '7.000000'), row('2026-01-03', 1, '9.000000')],
      from: '2026-01-02',
      to: '2026-01-02',
      expected: [['2026-01-02', 7, 0, 0, 0]],
    },
    {
      name: 'no rows over 2 days = two zero days',
      rows: [],
      from: '2026-05-30',
      to: '2026-05-31',
      expected: [
        ['2026-05-30', 0, 0, 0, 0],
        ['2026-05-31', 0, 0, 0, 0],
      ],
    },
  ];

  it.each(cases)('$name', ({ rows, from, to, expected }) => {
    const points = toDailyCostSeries(rows, { from, to });
    expect(
      points.map((p) => [
        p.day,
        p['L1 model'],
        p['L2 serving'],
        p['L3 workload behaviour'],
        p['L4 orchestration & QC'],
      ]),
    ).toEqual(expected);
  });

  it('labels days without a year inside one year and with it across New Year', () => {
    expect(toDailyCostSeries([], { from: '2026-11-03', to: '2026-11-03' })[0]?.label).toBe('Nov 3');
    expect(toDailyCostSeries([], { from: '2025-12-31', to: '2026-01-01' }).map((p) => p.label)).toEqual([
      'Dec 31, 2025',
      'Jan 1, 2026',
    ]);
  });
});

describe('toDailyRequestsSeries', () => {
  const cases = [
    { name: '5 requests on day 1, none on day 2 = [5, 0]', rows: [row('2026-04-01', 5, '0')], expected: [5, 0] },
    { name: 'none on day 1, 12 on day 2 = [0, 12]', rows: [row('2026-04-02', 12, '0')], expected: [0, 12] },
  ];
  it.each(cases)('$name', ({ rows, expected }) => {
    expect(toDailyRequestsSeries(rows, { from: '2026-04-01', to: '2026-04-02' }).map((p) => p.Requests)).toEqual(
      expected,
    );
  });
});
