import { describe, expect, it } from 'vitest';
import { rollingCut, indexByDay, toCutSeries, toLayerStack, toPoolSeries } from '@/lib/dashboard/daily-series';
import { metricsRow } from './row';

describe('toLayerStack: gap-filled, idle apart from L2', () => {
  const rows = [
    metricsRow({
      day: '2026-03-02',
      l1_usd: '1.000000',
      l2_usd: '96.000000',
      idle_usd: '72.000000',
      l3_usd: '3.000000',
      l4_usd: '0.140000',
      l5_usd: '10.000000',
    }),
  ];
  const points = toLayerStack(rows, { from: '2026-03-01', to: '2026-03-03' });

  it('one point per day of the range; a day without a row costs 0', () => {
    expect(points.map((p) => p.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(points[0]).toMatchObject({ 'L1 model': 0, 'L2 serving': 0, 'Idle capacity': 0, 'L5 operations': 0 });
  });
  it('L2 96 with idle 72 draws as 24 serving + 72 idle; the stack still adds to TCO 110.14', () => {
    const p = points[1]!;
    expect(p['L2 serving']).toBe(24);
    expect(p['Idle capacity']).toBe(72);
    const total = [
      'L1 model',
      'L2 serving',
      'Idle capacity',
      'L3 workload behaviour',
      'L4 orchestration & QC',
      'L5 operations',
    ]
      .map((k) => p[k as keyof typeof p] as number)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(110.14, 9);
  });
  it('labels days "Mar 2", with the year only when the range crosses one', () => {
    expect(points[1]!.label).toBe('Mar 2');
    const across = toLayerStack([], { from: '2025-12-31', to: '2026-01-01' });
    expect(across.map((p) => p.label)).toEqual(['Dec 31, 2025', 'Jan 1, 2026']);
  });
});

describe('toCutSeries and rollingCut', () => {
  const day = (d: string, tco: string, useful: number, cut: string | null) =>
    metricsRow({ day: d, tco_usd: tco, useful_output_tokens: useful, cut_usd_per_1m: cut });
  const rows = [
    day('2026-03-01', '10.000000', 1_000_000, '10.000000'),
    day('2026-03-02', '30.000000', 1_000_000, '30.000000'),
    day('2026-03-03', '5.000000', 0, null), // cost but no useful tokens: no daily CUT
  ];

  it('7-day CUT is the window TCO over its useful tokens: (10 + 30 + 5) / 2M tokens = 22.5 per 1M', () => {
    expect(rollingCut(indexByDay(rows), '2026-03-03')).toBeCloseTo(22.5, 12);
  });
  it('not the mean of daily CUTs (20): a dear day with few tokens weighs what it costs', () => {
    const skewed = [day('2026-03-01', '10.000000', 1_000_000, '10'), day('2026-03-02', '10.000000', 100_000, '100')];
    expect(rollingCut(indexByDay(skewed), '2026-03-02')).toBeCloseTo(20 / 1.1, 9);
  });
  it('a window with no useful tokens has no CUT (null), never Infinity', () => {
    expect(rollingCut(indexByDay([day('2026-03-03', '5.000000', 0, null)]), '2026-03-03')).toBeNull();
  });
  it('daily CUT is a gap where the day has none, and rows before the range feed the first windows', () => {
    const points = toCutSeries(rows, { from: '2026-03-02', to: '2026-03-04' });
    expect(points.map((p) => p['Daily CUT'])).toEqual([30, null, null]);
    expect(points[0]!['7-day CUT']).toBeCloseTo(20, 12); // Mar 1 + Mar 2
    expect(points[2]!['7-day CUT']).toBeCloseTo(22.5, 12); // Mar 4 has no row, its window still does
  });
});

describe('toPoolSeries', () => {
  it('each pool under its name per day; a day the pool was not billed is null', () => {
    const { pools, points } = toPoolSeries(
      [
        { day: '2026-03-01', pool: 'l40s-b', utilization: 0.8 },
        { day: '2026-03-01', pool: 'h100-a', utilization: 0.25 },
        { day: '2026-03-02', pool: 'h100-a', utilization: 0.5 },
      ],
      { from: '2026-03-01', to: '2026-03-02' },
    );
    expect(pools).toEqual(['h100-a', 'l40s-b']);
    expect(points).toEqual([
      { day: '2026-03-01', label: 'Mar 1', 'h100-a': 0.25, 'l40s-b': 0.8 },
      { day: '2026-03-02', label: 'Mar 2', 'h100-a': 0.5, 'l40s-b': null },
    ]);
  });
});
