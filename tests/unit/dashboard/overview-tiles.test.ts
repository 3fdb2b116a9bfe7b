import { describe, expect, it } from 'vitest';
import type { PoolUsageRow } from '@/lib/api/dashboard-wire';
import { addDays } from '@/lib/dates/days';
import { overviewTiles } from '@/lib/dashboard/overview-tiles';
import { metricsRow } from './row';

const DAY = '2026-03-10';
/** Seven days at TCO 100 and retry 2%, then the day at TCO 150 and retry 5%. */
const daily = [
  ...Array.from({ length: 7 }, (_, i) =>
    metricsRow({ day: addDays(DAY, -(i + 1)), tco_usd: '100.000000', retry_rate: 0.02, cut_usd_per_1m: '400.000000' }),
  ),
  metricsRow({
    day: DAY,
    tco_usd: '150.000000',
    retry_rate: 0.05,
    cut_usd_per_1m: '400.000000',
    cut_micro_usd_per_token: '400.000000',
    unpriced_requests: 3,
  }),
];
const pool = (day: string, utilization: number): PoolUsageRow => ({
  day,
  pool: 'h100-a',
  provisioned_gpu_hours: 24,
  used_gpu_hours: 24 * utilization,
  idle_gpu_hours: 24 * (1 - utilization),
  over_reported_gpu_hours: 0,
  idle_usd: '0.000000',
  utilization,
});
const pools = [...Array.from({ length: 7 }, (_, i) => pool(addDays(DAY, -(i + 1)), 0.5)), pool(DAY, 0.25)];
const tiles = Object.fromEntries(overviewTiles(daily, pools, DAY).map((t) => [t.key, t]));

describe('overviewTiles', () => {
  it('TCO 150 against a 7-day median of 100: +50%, worse, with USD in the label', () => {
    expect(tiles.tco).toMatchObject({
      label: 'TCO, USD',
      value: '$150.00',
      change: { text: '+50%', verdict: 'worse' },
    });
  });
  it('a rate moves in points: retry 2% -> 5% = +3 pp', () => {
    expect(tiles.retry).toMatchObject({ value: '5.0%', change: { text: '+3 pp', verdict: 'worse' } });
  });
  it('CUT per 1M with its micro-dollars per token; unchanged reads as flat', () => {
    expect(tiles.cut).toMatchObject({
      label: 'CUT, USD per 1M useful tokens',
      value: '$400.00',
      hint: '400.00 µ$ per useful token',
      change: { text: '0%', verdict: 'flat' },
    });
  });
  it('a tile per pool: utilization 25% against 50% = -25 pp, worse; hours used of billed', () => {
    expect(tiles['gpu-h100-a']).toMatchObject({
      label: 'GPU utilization, h100-a',
      value: '25.0%',
      hint: '6 h used of 24 h billed',
      change: { text: '−25 pp', verdict: 'worse' },
    });
  });
  it('one class shown: the cost per unit is labelled with its unit', () => {
    const one = overviewTiles(daily, pools, DAY, 'resolved ticket').find((t) => t.key === 'cost-per-accepted');
    expect(one!.label).toBe('Cost per resolved ticket, USD');
    expect(tiles['cost-per-accepted']!.label).toBe('Cost per accepted workflow, USD');
  });
  it('unpriced events warn and say what to do', () => {
    expect(tiles.unpriced).toMatchObject({ value: '3', tone: 'warning' });
    expect(tiles.unpriced!.hint).toContain('Settings');
  });
  it('no baseline (the first day of data) says so rather than inventing a change', () => {
    const first = Object.fromEntries(overviewTiles([daily.at(-1)!], [], DAY).map((t) => [t.key, t]));
    expect(first.tco!.change).toMatchObject({ text: 'no baseline', verdict: 'flat' });
    expect(first['gpu-h100-a']).toBeUndefined();
  });
});
